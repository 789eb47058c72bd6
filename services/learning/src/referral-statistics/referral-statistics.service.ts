import { Injectable } from '@nestjs/common';
import type { GetReferralStatisticsQuery, ReferralStateData, ReferralStatisticsView } from '@samverkan/contracts';
import { referralFactOf } from './referral-fact';
import { ReferralFactsRepository } from './referral-facts.repository';

@Injectable()
export class ReferralStatisticsService {
  constructor(private readonly facts: ReferralFactsRepository) {}

  /** Runs inside the consumer's transaction, together with the record of the handled event. */
  record(state: ReferralStateData, eventTime: Date): Promise<void> {
    return this.facts.upsertIfNewer(referralFactOf(state, eventTime));
  }

  async countByMunicipalityAndStatus(query: GetReferralStatisticsQuery): Promise<ReferralStatisticsView> {
    const rows = await this.facts.countByMunicipalityAndStatus(query.municipalityCode);
    return { rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
  }
}
