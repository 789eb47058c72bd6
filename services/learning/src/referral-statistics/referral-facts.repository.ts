import { Injectable } from '@nestjs/common';
import type { MunicipalityCode, ReferralCountRow, ReferralStateData, ReferralStatus } from '@samverkan/contracts';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';

@Injectable()
export class ReferralFactsRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Inserts or moves the fact forward; an older or repeated version changes nothing. */
  async upsertIfNewer(state: ReferralStateData, eventTime: Date): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO referral_facts (referral_id, municipality_code, target_group, gender, status, decline_reason, version, event_time, projected_at)
      VALUES (${state.referralId}::uuid, ${state.municipalityCode}, ${state.targetGroup}, ${state.gender}, ${state.status}, ${state.declineReason}, ${state.version}, ${eventTime}, now())
      ON CONFLICT (referral_id) DO UPDATE SET
        status = EXCLUDED.status,
        decline_reason = EXCLUDED.decline_reason,
        version = EXCLUDED.version,
        event_time = EXCLUDED.event_time,
        projected_at = EXCLUDED.projected_at
      WHERE referral_facts.version < EXCLUDED.version`;
  }

  async countByMunicipalityAndStatus(municipalityCode?: MunicipalityCode): Promise<ReferralCountRow[]> {
    const groups = await this.db.referralFact.groupBy({
      by: ['municipalityCode', 'status'],
      where: municipalityCode ? { municipalityCode } : {},
      _count: { _all: true },
      orderBy: [{ municipalityCode: 'asc' }, { status: 'asc' }],
    });
    return groups.map((group) => ({
      municipalityCode: group.municipalityCode as MunicipalityCode,
      status: group.status as ReferralStatus,
      count: group._count._all,
    }));
  }
}
