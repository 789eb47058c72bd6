import { CompetenceAddedData, OrganisationStateData, StaffMemberStateData, SupportResourceStateData, UnitStateData, WorkplaceStateData } from './actors/events';
import {
  CaseLeadChangedData,
  CaseOpenedData,
  CasePurgedData,
  CaseStatusChangedData,
  CaseTeamChangedData,
  ConsentRecordedData,
  ConsentWithdrawnData,
  PlanStepChangedData,
} from './cases/events';
import { EventEnvelopeDto, type EventEnvelope } from './envelope';
import { DomainError, ErrorCode } from './errors';
import { ObstacleRecordedData, ProjectStateData } from './learning/events';
import { ReferralOverdueData, ReferralStateData } from './referrals/events';
import { EventType } from './subjects';
import { validatePayload } from './validation';

/**
 * The data class and schema version of every event type. Adding an optional field, or a field
 * readers may ignore, keeps the version: readers drop what they do not know. A change that
 * removes, renames or retypes a field raises it, and consumers are deployed first; a reader
 * dead-letters a version newer than it knows, to be replayed once it is upgraded. Every type
 * keeps a fixture of each version in `event-fixtures/`, which must always parse.
 */
export const eventSchemas = {
  [EventType.OrganisationRegistered]: { data: OrganisationStateData, version: 1 },
  [EventType.OrganisationUpdated]: { data: OrganisationStateData, version: 1 },
  [EventType.UnitRegistered]: { data: UnitStateData, version: 1 },
  [EventType.UnitUpdated]: { data: UnitStateData, version: 1 },
  [EventType.StaffMemberRegistered]: { data: StaffMemberStateData, version: 1 },
  [EventType.StaffMemberUpdated]: { data: StaffMemberStateData, version: 1 },
  [EventType.SupportResourceRegistered]: { data: SupportResourceStateData, version: 1 },
  [EventType.SupportResourceUpdated]: { data: SupportResourceStateData, version: 1 },
  [EventType.SupportResourceCapacityChanged]: { data: SupportResourceStateData, version: 1 },
  [EventType.WorkplaceRegistered]: { data: WorkplaceStateData, version: 1 },
  [EventType.WorkplaceUpdated]: { data: WorkplaceStateData, version: 1 },
  [EventType.CompetenceAdded]: { data: CompetenceAddedData, version: 1 },
  [EventType.CaseOpened]: { data: CaseOpenedData, version: 1 },
  [EventType.CaseStatusChanged]: { data: CaseStatusChangedData, version: 1 },
  [EventType.CaseTeamChanged]: { data: CaseTeamChangedData, version: 1 },
  [EventType.CaseLeadChanged]: { data: CaseLeadChangedData, version: 1 },
  [EventType.ConsentRecorded]: { data: ConsentRecordedData, version: 1 },
  [EventType.ConsentWithdrawn]: { data: ConsentWithdrawnData, version: 1 },
  [EventType.ConsentExpired]: { data: ConsentWithdrawnData, version: 1 },
  [EventType.PlanStepChanged]: { data: PlanStepChangedData, version: 1 },
  [EventType.CasePurged]: { data: CasePurgedData, version: 1 },
  [EventType.ReferralSent]: { data: ReferralStateData, version: 1 },
  [EventType.ReferralAcknowledged]: { data: ReferralStateData, version: 1 },
  [EventType.ReferralAccepted]: { data: ReferralStateData, version: 1 },
  [EventType.ReferralDeclined]: { data: ReferralStateData, version: 1 },
  [EventType.ReferralStarted]: { data: ReferralStateData, version: 1 },
  [EventType.ReferralCompleted]: { data: ReferralStateData, version: 1 },
  [EventType.ReferralInterrupted]: { data: ReferralStateData, version: 1 },
  [EventType.ReferralWithdrawn]: { data: ReferralStateData, version: 1 },
  [EventType.ReferralExpired]: { data: ReferralStateData, version: 1 },
  [EventType.ReferralOverdue]: { data: ReferralOverdueData, version: 1 },
  [EventType.ProjectImported]: { data: ProjectStateData, version: 1 },
  [EventType.ProjectUpdated]: { data: ProjectStateData, version: 1 },
  [EventType.ObstacleRecorded]: { data: ObstacleRecordedData, version: 1 },
} as const satisfies Record<EventType, { data: new () => object; version: number }>;

export type EventData<T extends EventType> = InstanceType<(typeof eventSchemas)[T]['data']>;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventSchemas, type);
}

/** Validates an event's envelope, tolerating attributes this reader does not know. */
export function decodeEventEnvelope(plain: unknown): EventEnvelope<Record<string, unknown>> {
  return validatePayload(EventEnvelopeDto, plain, { unknownFields: 'drop' }) as EventEnvelope<Record<string, unknown>>;
}

/**
 * Validates an event's data against its type's class: unknown fields are dropped, a missing or
 * mistyped field fails, and so does a schema version newer than this reader knows.
 */
export function decodeEventData<T extends EventType>(envelope: EventEnvelope<unknown> & { type: T }): EventData<T> {
  const schema = eventSchemas[envelope.type];
  if (envelope.schemaversion > schema.version) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `${envelope.type} version ${envelope.schemaversion} is newer than this reader knows (${schema.version})`,
      [{ field: 'schemaversion', message: `must be at most ${schema.version}` }],
    );
  }
  return validatePayload(schema.data as new () => EventData<T>, envelope.data, { unknownFields: 'drop' });
}
