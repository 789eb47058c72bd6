import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { EventType, type PublishingService, type ServiceName } from '@samverkan/contracts';
import type { Namespace } from '../namespace';

/**
 * Every JetStream stream and durable consumer of the system, declared here and nowhere else.
 * A service ensures the streams it owns and the consumers it owns; it never touches another
 * service's declarations.
 */
export interface StreamDefinition {
  name: string;
  owner: PublishingService | 'shared';
  subjects: string[];
  maxAgeDays: number;
}

export interface ConsumerDefinition {
  durable: string;
  owner: ServiceName;
  stream: string;
  /** One subject filter: nats-server 2.9 supports a single filter per consumer. */
  filterSubject: string;
  /** Event types this consumer handles; anything else under the filter is acknowledged and skipped. */
  eventTypes: EventType[];
  /** Attempts before a failing message is dead-lettered. */
  maxAttempts: number;
  ackWaitSeconds: number;
  maxAckPending: number;
  /**
   * Messages one consumer instance handles at once. Above 1 only where the handlers do not
   * depend on order (versioned projections do not).
   */
  concurrency: number;
}

export const deadLetterStream: StreamDefinition = {
  name: 'DEADLETTER',
  owner: 'shared',
  subjects: ['deadletter.>'],
  maxAgeDays: 90,
};

export const streams: Record<PublishingService, StreamDefinition> = {
  actors: { name: 'ACTORS', owner: 'actors', subjects: ['actors.events.>'], maxAgeDays: 30 },
  cases: { name: 'CASES', owner: 'cases', subjects: ['cases.events.>'], maxAgeDays: 30 },
  referrals: { name: 'REFERRALS', owner: 'referrals', subjects: ['referrals.events.>'], maxAgeDays: 30 },
  learning: { name: 'LEARNING', owner: 'learning', subjects: ['learning.events.>'], maxAgeDays: 30 },
};

export const consumers = {
  learningReferralStatistics: {
    durable: 'learning-referral-statistics',
    owner: 'learning',
    stream: streams.referrals.name,
    filterSubject: 'referrals.events.referral.>',
    eventTypes: [
      EventType.ReferralSent,
      EventType.ReferralAcknowledged,
      EventType.ReferralAccepted,
      EventType.ReferralDeclined,
      EventType.ReferralStarted,
      EventType.ReferralCompleted,
      EventType.ReferralInterrupted,
      EventType.ReferralWithdrawn,
      EventType.ReferralExpired,
    ],
    maxAttempts: 5,
    ackWaitSeconds: 30,
    maxAckPending: 1000,
    // The projection keeps the highest version, so the order of handling does not matter.
    concurrency: 8,
  },
  learningOrganisations: {
    durable: 'learning-organisations',
    owner: 'learning',
    stream: streams.actors.name,
    filterSubject: 'actors.events.organisation.>',
    eventTypes: [EventType.OrganisationRegistered, EventType.OrganisationUpdated],
    maxAttempts: 5,
    ackWaitSeconds: 30,
    maxAckPending: 1000,
    // Which organisations are municipalities, and their codes; the highest version wins.
    concurrency: 8,
  },
  learningUnits: {
    durable: 'learning-units',
    owner: 'learning',
    stream: streams.actors.name,
    filterSubject: 'actors.events.unit.>',
    eventTypes: [EventType.UnitRegistered, EventType.UnitUpdated],
    maxAttempts: 5,
    ackWaitSeconds: 30,
    maxAckPending: 1000,
    // Where each unit is; the highest version wins.
    concurrency: 8,
  },
  learningSupportResources: {
    durable: 'learning-support-resources',
    owner: 'learning',
    stream: streams.actors.name,
    filterSubject: 'actors.events.support-resource.>',
    eventTypes: [EventType.SupportResourceRegistered, EventType.SupportResourceUpdated, EventType.SupportResourceCapacityChanged],
    maxAttempts: 5,
    ackWaitSeconds: 30,
    maxAckPending: 1000,
    // The unit and needs of each resource; the highest version wins.
    concurrency: 8,
  },
  actorsCaseNeeds: {
    durable: 'actors-case-needs',
    owner: 'actors',
    stream: streams.cases.name,
    filterSubject: 'cases.events.case.>',
    eventTypes: [EventType.CaseOpened, EventType.CaseStatusChanged],
    maxAttempts: 5,
    ackWaitSeconds: 30,
    maxAckPending: 1000,
    // A case's needs are written once, when it opens, and a closing is kept: the order does not matter.
    concurrency: 8,
  },
  referralsConsentEnded: {
    durable: 'referrals-consent-ended',
    owner: 'referrals',
    stream: streams.cases.name,
    filterSubject: 'cases.events.consent.>',
    // consent.recorded is under the filter too: acknowledged and skipped.
    eventTypes: [EventType.ConsentWithdrawn, EventType.ConsentExpired],
    maxAttempts: 5,
    ackWaitSeconds: 30,
    maxAckPending: 1000,
    // A referral only moves forward (open to withdrawn), and a second end of the same consent finds
    // nothing open: the order of handling does not matter.
    concurrency: 8,
  },
  referralsNotifications: {
    durable: 'referrals-notifications',
    owner: 'referrals',
    stream: streams.referrals.name,
    filterSubject: 'referrals.events.referral.>',
    // The events staff are told of (new, answered, withdrawn, overdue or expired); the rest of the
    // lifecycle under the filter is acknowledged and skipped.
    eventTypes: [
      EventType.ReferralSent,
      EventType.ReferralAccepted,
      EventType.ReferralDeclined,
      EventType.ReferralWithdrawn,
      EventType.ReferralOverdue,
      EventType.ReferralExpired,
    ],
    maxAttempts: 5,
    ackWaitSeconds: 30,
    maxAckPending: 1000,
    // Each event becomes its own notification rows (unique per event and audience), and a feed is
    // ordered by when they were recorded: the order of handling does not matter.
    concurrency: 8,
  },
} as const satisfies Record<string, ConsumerDefinition>;

/**
 * A stream read again from its start or a point in time, by a consumer that exists only while it
 * reads (see replayStream). Its name is fixed, so that the owner's NATS user may create it.
 */
export interface ReplayDefinition {
  name: string;
  owner: ServiceName;
  stream: string;
  filterSubject: string;
}

export const replays = {
  learningReferralFacts: {
    name: 'learning-replay-referrals',
    owner: 'learning',
    stream: streams.referrals.name,
    filterSubject: consumers.learningReferralStatistics.filterSubject,
  },
} as const satisfies Record<string, ReplayDefinition>;

export function replaysOwnedBy(service: ServiceName): ReplayDefinition[] {
  return Object.values(replays).filter((definition) => definition.owner === service);
}

export type ConsumerName = (typeof consumers)[keyof typeof consumers]['durable'];

export function consumerDefinition(durable: string): ConsumerDefinition {
  const found = Object.values(consumers).find((candidate) => candidate.durable === durable);
  if (!found) throw new Error(`no consumer ${durable} is declared in the topology`);
  return found;
}

export function deadLetterSubject(service: ServiceName, durable: string): string {
  return `deadletter.${service}.${durable}`;
}

const day = 24 * 60 * 60 * 1000;

export function streamConfig(definition: StreamDefinition, namespace: Namespace, replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: namespace.stream(definition.name),
    subjects: definition.subjects.map((subject) => namespace.subject(subject)),
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(definition.maxAgeDays * day),
    duplicate_window: nanos(2 * 60 * 1000),
    num_replicas: replicas,
  };
}

export function consumerConfig(definition: ConsumerDefinition, namespace: Namespace): Partial<ConsumerConfig> & { durable_name: string } {
  return {
    durable_name: definition.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: namespace.subject(definition.filterSubject),
    // One delivery beyond the attempts lets a consumer dead-letter a message whose last attempt
    // timed out instead of leaving it stuck.
    max_deliver: definition.maxAttempts + 1,
    ack_wait: nanos(definition.ackWaitSeconds * 1000),
    max_ack_pending: definition.maxAckPending,
  };
}

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
}

export function isConsumerNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;
}

/** Creates the stream when missing and brings its mutable settings up to the declaration. */
export async function ensureStream(jsm: JetStreamManager, definition: StreamDefinition, namespace: Namespace, replicas: number): Promise<void> {
  const wanted = streamConfig(definition, namespace, replicas);
  try {
    const info = await jsm.streams.info(wanted.name);
    const current = info.config;
    const differs =
      current.subjects.join() !== (wanted.subjects ?? []).join() || current.max_age !== wanted.max_age || current.duplicate_window !== wanted.duplicate_window;
    if (differs)
      await jsm.streams.update(wanted.name, { ...current, subjects: wanted.subjects, max_age: wanted.max_age, duplicate_window: wanted.duplicate_window });
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    await jsm.streams.add(wanted);
  }
}

/** Creates the durable consumer when missing; fails (isStreamNotFound) while its stream is. */
export async function ensureConsumer(jsm: JetStreamManager, definition: ConsumerDefinition, namespace: Namespace): Promise<void> {
  const stream = namespace.stream(definition.stream);
  const wanted = consumerConfig(definition, namespace);
  try {
    const info = await jsm.consumers.info(stream, definition.durable);
    const current = info.config;
    if (current.max_deliver !== wanted.max_deliver || current.ack_wait !== wanted.ack_wait || current.max_ack_pending !== wanted.max_ack_pending) {
      await jsm.consumers.update(stream, definition.durable, {
        max_deliver: wanted.max_deliver,
        ack_wait: wanted.ack_wait,
        max_ack_pending: wanted.max_ack_pending,
      });
    }
  } catch (error) {
    if (!isConsumerNotFound(error)) throw error;
    await jsm.consumers.add(stream, wanted);
  }
}

export function streamsOwnedBy(service: PublishingService): StreamDefinition[] {
  return [streams[service]];
}

export function consumersOwnedBy(service: ServiceName): ConsumerDefinition[] {
  return Object.values(consumers).filter((definition) => definition.owner === service);
}
