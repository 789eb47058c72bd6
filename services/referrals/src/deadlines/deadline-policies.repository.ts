import { Injectable } from '@nestjs/common';
import { InjectReferralsTransactionHost, type ReferralsTransactionHost } from '../database';

export type PolicyScope = 'organisation' | 'support_resource';

export interface PolicyDays {
  acknowledgeDays: number;
  answerDays: number;
  startDays: number;
}

@Injectable()
export class DeadlinePoliciesRepository {
  constructor(@InjectReferralsTransactionHost() private readonly txHost: ReferralsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** The resource's policy if it has one, else its organisation's, in one query; null when neither has. */
  async find(organisationId: string, resourceId: string | null): Promise<(PolicyDays & { scope: PolicyScope }) | null> {
    const [row] = await this.db.$queryRaw<Array<PolicyDays & { scope: PolicyScope }>>`
      SELECT scope, acknowledge_days AS "acknowledgeDays", answer_days AS "answerDays", start_days AS "startDays"
        FROM deadline_policies
       WHERE (scope = 'organisation' AND subject_id = ${organisationId}::uuid)
          OR (scope = 'support_resource' AND subject_id = ${resourceId}::uuid)
       ORDER BY scope = 'support_resource' DESC LIMIT 1`;
    return row ?? null;
  }

  async set(scope: PolicyScope, subjectId: string, days: PolicyDays, updatedBy: string): Promise<void> {
    await this.db.deadlinePolicy.upsert({
      where: { scope_subjectId: { scope, subjectId } },
      create: { scope, subjectId, ...days, updatedBy },
      update: { ...days, updatedBy, updatedAt: new Date() },
    });
  }
}
