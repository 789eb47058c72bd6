import { Injectable } from '@nestjs/common';
import { EventType, type ConsentWithdrawnData, type ReferralWithdrawalReason } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { toReferralState } from './referral';
import { ReferralsRepository } from './referrals.repository';

/**
 * What referrals does when a consent ends: the referrals that relied on it and are still open
 * (sent or accepted) are withdrawn. Reads and answers were refused from the moment it ended
 * (they ask cases); this makes the referrals' own state, and the statistics, say so.
 */
@Injectable()
export class ReferralWithdrawals {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Runs in the consumer's transaction, with its record of the handled event: each referral moves
   * to withdrawn with the reason, and its event goes to the outbox, or nothing does. An event
   * handled again finds nothing open and writes nothing. Returns how many were withdrawn.
   */
  async withdrawRelyingOn(consent: ConsentWithdrawnData, reason: ReferralWithdrawalReason): Promise<number> {
    const withdrawn = await this.referrals.withdrawOpenRelyingOn(consent.consentId, consent.caseId, reason);
    for (const referral of withdrawn) {
      await this.outbox.add(EventType.ReferralWithdrawn, { type: 'referral', id: referral.id }, toReferralState(referral));
    }
    return withdrawn.length;
  }
}
