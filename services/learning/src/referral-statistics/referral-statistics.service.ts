import { Injectable } from '@nestjs/common';
import type { EventEnvelope, ReferralStateData } from '@samverkan/contracts';
import { referralFactOf } from './referral-fact';
import { ReferralFactsRepository } from './referral-facts.repository';

/**
 * Learning's record of the referral flow: every event's state is added to the referral's history
 * (append-only, keyed by referral and version), and moves the referral's fact forward.
 */
@Injectable()
export class ReferralStatisticsService {
  constructor(private readonly facts: ReferralFactsRepository) {}

  /**
   * Runs inside the consumer's transaction, together with the record of the handled event; a
   * repeat changes nothing. Whether the history did not know the version yet.
   */
  async record(state: ReferralStateData, envelope: Pick<EventEnvelope, 'id' | 'time'>): Promise<boolean> {
    const fact = referralFactOf(state, new Date(envelope.time));
    const added = await this.facts.recordTransition(fact, envelope.id);
    await this.facts.upsertIfNewer(fact);
    return added;
  }
}
