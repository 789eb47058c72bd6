import { ReferralStatus, type ReferralStateData } from '@samverkan/contracts';

/** The steps of a referral whose times statistics measure. */
export const referralSteps = ['sent', 'acknowledged', 'answered', 'started', 'ended'] as const;
export type ReferralStep = (typeof referralSteps)[number];

/** The step a status announces: an event of that status was written when the step was taken. */
const stepAnnouncedBy = {
  [ReferralStatus.Sent]: 'sent',
  [ReferralStatus.Acknowledged]: 'acknowledged',
  [ReferralStatus.Accepted]: 'answered',
  [ReferralStatus.Declined]: 'answered',
  [ReferralStatus.Started]: 'started',
  [ReferralStatus.Completed]: 'ended',
  [ReferralStatus.Interrupted]: 'ended',
  [ReferralStatus.Withdrawn]: 'ended',
  [ReferralStatus.Expired]: 'ended',
} as const satisfies Record<ReferralStatus, ReferralStep>;

/** What learning keeps of one referral event: its state, and the step times it tells, at its version. */
export interface ReferralFact {
  referralId: string;
  municipalityCode: string;
  targetGroup: string;
  gender: string;
  status: ReferralStatus;
  declineReason: string | null;
  fromOrganisationId: string;
  toOrganisationId: string;
  toUnitId: string | null;
  supportResourceId: string | null;
  outcome: string | null;
  exitDestination: string | null;
  external: boolean;
  version: number;
  eventTime: Date;
  /** The steps this event knows the time of; a step it does not know is null, never "not taken". */
  steps: Record<ReferralStep, Date | null>;
  deadlines: { acknowledgeBy: string | null; answerBy: string | null; startBy: string | null };
}

/**
 * The fact an event tells. Events with `steps` give every step's time; events written before
 * referrals sent them give only the step their status announces, taken at the event's time (a
 * `sent` event was written when the referral was sent, an `accepted` one when it was answered).
 */
export function referralFactOf(state: ReferralStateData, eventTime: Date): ReferralFact {
  const at = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  const steps: Record<ReferralStep, Date | null> = state.steps
    ? {
        sent: at(state.steps.sentAt),
        acknowledged: at(state.steps.acknowledgedAt),
        answered: at(state.steps.answeredAt),
        started: at(state.steps.startedAt),
        ended: at(state.steps.endedAt),
      }
    : { sent: null, acknowledged: null, answered: null, started: null, ended: null, [stepAnnouncedBy[state.status]]: eventTime };
  return {
    referralId: state.referralId,
    municipalityCode: state.municipalityCode,
    targetGroup: state.targetGroup,
    gender: state.gender,
    status: state.status,
    declineReason: state.declineReason,
    fromOrganisationId: state.fromOrganisationId,
    toOrganisationId: state.toOrganisationId,
    toUnitId: state.toUnitId ?? null,
    supportResourceId: state.supportResourceId ?? null,
    outcome: state.outcome ?? null,
    exitDestination: state.exitDestination ?? null,
    external: state.external ?? false,
    version: state.version,
    eventTime,
    steps,
    deadlines: {
      acknowledgeBy: state.deadlines?.acknowledgeBy ?? null,
      answerBy: state.deadlines?.answerBy ?? null,
      startBy: state.deadlines?.startBy ?? null,
    },
  };
}
