import { ReferralStatus } from '@samverkan/contracts';

/** A referral that has not ended: it still waits for someone to act, or runs at the receiver. */
export const openStatuses: readonly ReferralStatus[] = [ReferralStatus.Sent, ReferralStatus.Acknowledged, ReferralStatus.Accepted, ReferralStatus.Started];

export type Deadline = 'acknowledgeBy' | 'answerBy' | 'startBy';

/**
 * The deadlines still ahead of an open referral, by its status: those of its current step and of
 * the steps after it. It is overdue when today in Sweden is past any of them (the last day itself
 * is still in time); a deadline the referral does not have never makes it overdue. A started
 * referral has none left.
 */
export const deadlinesAhead: Readonly<Record<ReferralStatus, readonly Deadline[]>> = {
  [ReferralStatus.Sent]: ['acknowledgeBy', 'answerBy', 'startBy'],
  [ReferralStatus.Acknowledged]: ['answerBy', 'startBy'],
  [ReferralStatus.Accepted]: ['startBy'],
  [ReferralStatus.Declined]: [],
  [ReferralStatus.Started]: [],
  [ReferralStatus.Completed]: [],
  [ReferralStatus.Interrupted]: [],
  [ReferralStatus.Withdrawn]: [],
  [ReferralStatus.Expired]: [],
};
