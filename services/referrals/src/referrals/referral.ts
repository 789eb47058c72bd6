import type {
  DeclineReason,
  ExitDestination,
  Gender,
  MunicipalityCode,
  ReferralBasis,
  ReferralOutcome,
  ReferralSharedField,
  ReferralStateData,
  ReferralView,
  ReferralWithdrawalReason,
  TargetGroup,
} from '@samverkan/contracts';
import { ReferralStatus as Status, todayInSweden, type ReferralStatus, type ReferralStep } from '@samverkan/contracts';
import { illegalTransition } from './referrals.errors';

export interface ReferralRecord {
  id: string;
  caseId: string;
  fromOrganisationId: string;
  fromUnitId: string;
  sentBy: string;
  toOrganisationId: string;
  supportResourceId: string | null;
  municipalityCode: MunicipalityCode;
  targetGroup: TargetGroup;
  gender: Gender;
  status: ReferralStatus;
  declineReason: DeclineReason | null;
  declineText: string | null;
  sentAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  respondedAt: Date | null;
  respondedBy: string | null;
  startedAt: Date | null;
  startedBy: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  exitDestination: ExitDestination | null;
  outcome: ReferralOutcome | null;
  /** The consent in cases that allowed it; null when a ground in law did, or for referrals sent before it was recorded. */
  consentId: string | null;
  /** What allowed the share: consent, or the ground in law on which the receiver is on the case team. */
  legalBasis: ReferralBasis;
  withdrawalReason: ReferralWithdrawalReason | null;
  withdrawnAt: Date | null;
  toUnitId: string | null;
  /** Last days, YYYY-MM-DD in Sweden; null for referrals sent before deadlines, and startBy until accepted. */
  acknowledgeBy: string | null;
  answerBy: string | null;
  startBy: string | null;
  /** Working days to start, counted from acceptance, from the policy it was sent under. */
  startDays: number | null;
  /** What the sender chose to share with the receiver: field names, the values stay in cases. */
  sharedFields: ReferralSharedField[];
  /** The receiver is outside the network: the sender records its steps. */
  external: boolean;
  version: number;
}

/** The steps a referral has not taken when it is sent. */
export const notYetTaken = {
  declineReason: null,
  declineText: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  respondedAt: null,
  respondedBy: null,
  startedAt: null,
  startedBy: null,
  endedAt: null,
  endedBy: null,
  exitDestination: null,
  outcome: null,
  withdrawalReason: null,
  withdrawnAt: null,
  startBy: null,
} as const satisfies Partial<ReferralRecord>;

/** Who takes a step: the sending organisation, the receiving one, or the service itself (deadlines, consents ending). */
export const ReferralParty = { Sender: 'sender', Receiver: 'receiver', System: 'system' } as const;
export type ReferralParty = (typeof ReferralParty)[keyof typeof ReferralParty];

export interface ReferralTransition {
  from: readonly ReferralStatus[];
  to: ReferralStatus;
  by: readonly ReferralParty[];
}

/**
 * The lifecycle of a referral, the one table every command is checked against: the receiver
 * acknowledges, answers, starts and ends it; the sender may withdraw it until it starts (and the
 * service withdraws it when the consent it relied on ends); an unanswered one expires.
 */
export const referralLifecycle: readonly ReferralTransition[] = [
  { from: [Status.Sent], to: Status.Acknowledged, by: [ReferralParty.Receiver] },
  { from: [Status.Sent, Status.Acknowledged], to: Status.Accepted, by: [ReferralParty.Receiver] },
  { from: [Status.Sent, Status.Acknowledged], to: Status.Declined, by: [ReferralParty.Receiver] },
  { from: [Status.Accepted], to: Status.Started, by: [ReferralParty.Receiver] },
  { from: [Status.Started], to: Status.Completed, by: [ReferralParty.Receiver] },
  { from: [Status.Started], to: Status.Interrupted, by: [ReferralParty.Receiver] },
  { from: [Status.Sent, Status.Acknowledged, Status.Accepted], to: Status.Withdrawn, by: [ReferralParty.Sender, ReferralParty.System] },
  { from: [Status.Sent, Status.Acknowledged], to: Status.Expired, by: [ReferralParty.System] },
];

/** The statuses the parties may move a referral to from `from`. */
export function allowedMoves(from: ReferralStatus, parties: readonly ReferralParty[]): ReferralStatus[] {
  return referralLifecycle
    .filter((transition) => transition.from.includes(from) && transition.by.some((party) => parties.includes(party)))
    .map((transition) => transition.to);
}

export function assertTransition(from: ReferralStatus, to: ReferralStatus, parties: readonly ReferralParty[]): void {
  if (!allowedMoves(from, parties).includes(to)) throw illegalTransition(from, to, allowedMoves(from, parties));
}

/**
 * The parties an organisation is to a referral: its sender, its receiver, or neither. An actor
 * outside the network has nobody here to answer, so the sender records its steps: the sender of
 * an external referral acts as both parties, under the same table.
 */
export function partiesOf(referral: Pick<ReferralRecord, 'fromOrganisationId' | 'toOrganisationId' | 'external'>, organisationId: string): ReferralParty[] {
  if (referral.toOrganisationId === organisationId) return [ReferralParty.Receiver];
  if (referral.fromOrganisationId === organisationId) return referral.external ? [ReferralParty.Sender, ReferralParty.Receiver] : [ReferralParty.Sender];
  return [];
}

/** The statuses nothing follows: the referral has ended for good. */
export const finalStatuses: readonly ReferralStatus[] = Object.values(Status).filter(
  (status) => !referralLifecycle.some((transition) => transition.from.includes(status)),
);

/** The statuses a referral waits in for a next step. */
export const liveStatuses: readonly ReferralStatus[] = Object.values(Status).filter((status) => !finalStatuses.includes(status));

/** The statuses from which a referral can still be withdrawn (it has not started): open. */
export const openStatuses: readonly ReferralStatus[] = referralLifecycle.find((transition) => transition.to === Status.Withdrawn)?.from ?? [];

export function toReferralView(record: ReferralRecord): ReferralView {
  return {
    id: record.id,
    caseId: record.caseId,
    fromOrganisationId: record.fromOrganisationId,
    fromUnitId: record.fromUnitId,
    toOrganisationId: record.toOrganisationId,
    supportResourceId: record.supportResourceId,
    municipalityCode: record.municipalityCode,
    targetGroup: record.targetGroup,
    status: record.status,
    declineReason: record.declineReason,
    declineText: record.declineText,
    sentAt: record.sentAt.toISOString(),
    acknowledgedAt: record.acknowledgedAt?.toISOString() ?? null,
    respondedAt: record.respondedAt?.toISOString() ?? null,
    startedAt: record.startedAt?.toISOString() ?? null,
    endedAt: record.endedAt?.toISOString() ?? null,
    exitDestination: record.exitDestination,
    outcome: record.outcome,
    consentId: record.consentId,
    legalBasis: record.legalBasis,
    withdrawalReason: record.withdrawalReason,
    withdrawnAt: record.withdrawnAt?.toISOString() ?? null,
    toUnitId: record.toUnitId,
    acknowledgeBy: record.acknowledgeBy,
    answerBy: record.answerBy,
    startBy: record.startBy,
    overdue: overdueStep(record, todayInSweden()),
    sharedFields: record.sharedFields,
    external: record.external,
    version: record.version,
  };
}

/** The step of a referral waiting for it whose last day has passed by `today`, if any. */
export function overdueStep(record: Pick<ReferralRecord, 'status' | 'acknowledgeBy' | 'answerBy' | 'startBy'>, today: string): ReferralStep | null {
  const waiting = (Object.keys(stepDeadlines) as ReferralStep[]).filter((step) => stepDeadlines[step].waitsIn.includes(record.status));
  return (
    waiting.find((step) => {
      const due = record[stepDeadlines[step].due];
      return due !== null && due < today;
    }) ?? null
  );
}

/** Which statuses wait for each step, and the deadline that applies; the answer goes before the acknowledgement when both have passed. */
export const stepDeadlines: Record<ReferralStep, { waitsIn: readonly ReferralStatus[]; due: 'acknowledgeBy' | 'answerBy' | 'startBy' }> = {
  answer: { waitsIn: [Status.Sent, Status.Acknowledged], due: 'answerBy' },
  acknowledge: { waitsIn: [Status.Sent], due: 'acknowledgeBy' },
  start: { waitsIn: [Status.Accepted], due: 'startBy' },
};

const instant = (value: Date | null) => value?.toISOString() ?? null;

/** What every referral event carries: the full non-identifying state, the time of each step, and its version. Never the decline text. */
export function toReferralState(record: ReferralRecord): ReferralStateData {
  return {
    referralId: record.id,
    caseId: record.caseId,
    fromOrganisationId: record.fromOrganisationId,
    toOrganisationId: record.toOrganisationId,
    municipalityCode: record.municipalityCode,
    targetGroup: record.targetGroup,
    gender: record.gender,
    status: record.status,
    declineReason: record.declineReason,
    withdrawalReason: record.withdrawalReason,
    version: record.version,
    supportResourceId: record.supportResourceId,
    exitDestination: record.exitDestination,
    outcome: record.outcome,
    toUnitId: record.toUnitId,
    external: record.external,
    sharedFields: record.sharedFields,
    legalBasis: record.legalBasis,
    deadlines: { acknowledgeBy: record.acknowledgeBy, answerBy: record.answerBy, startBy: record.startBy },
    steps: {
      sentAt: record.sentAt.toISOString(),
      acknowledgedAt: instant(record.acknowledgedAt),
      answeredAt: instant(record.respondedAt),
      startedAt: instant(record.startedAt),
      endedAt: instant(record.endedAt),
    },
  };
}
