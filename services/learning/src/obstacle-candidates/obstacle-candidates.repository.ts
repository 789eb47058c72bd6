import { Injectable } from '@nestjs/common';
import {
  ObstacleCandidateStatus,
  type MunicipalityCode,
  type ObstacleCandidateRule,
  type ObstacleCandidateView,
  type StructuralObstacleCategory,
} from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';
import { Prisma, type ObstacleCandidate } from '../generated/prisma/client';
import { candidateRules } from './candidate-rules';

export function candidateView(row: ObstacleCandidate): ObstacleCandidateView {
  return {
    id: row.id,
    rule: row.rule as ObstacleCandidateRule,
    category: row.category as StructuralObstacleCategory,
    municipalityCode: row.municipalityCode as MunicipalityCode,
    need: row.need,
    quarter: row.quarter,
    count: row.count,
    basis: row.basis,
    share: row.basis === 0 ? 0 : Math.round((row.count / row.basis) * 1000) / 1000,
    threshold: row.threshold,
    status: row.status as ObstacleCandidateStatus,
    detectedAt: row.detectedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    obstacleId: row.obstacleId,
    dismissalReason: row.dismissalReason,
    version: row.version,
  };
}

/** The counts of every rule per municipality, need and quarter, in one pass over the facts. */
const ruleCounts = candidateRules
  .map(
    ({ rule, status, declineReason }) =>
      `count(*) FILTER (WHERE f.status = '${status}'${declineReason ? ` AND f.decline_reason = '${declineReason}'` : ''})::int AS ${rule}`,
  )
  .join(',\n             ');
const ruleRows = candidateRules.map(({ rule, category }) => `('${rule}', '${category}', ${rule})`).join(', ');

@Injectable()
export class ObstacleCandidatesRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * Proposes every rule's count that crosses the threshold among referrals sent since the start of
   * the previous quarter (Swedish time), and moves the figures of candidates still proposed; a
   * candidate an analyst decided on keeps the figures it was decided on. Returns how many it wrote.
   */
  async detect(threshold: { minCount: number; minShare: number }): Promise<number> {
    return this.db.$executeRaw`
      WITH flow AS (
        SELECT f.municipality::text AS municipality_code, coalesce(rn.need, 'none') AS need,
               to_char(f.sent_on, 'YYYY-"Q"Q') AS quarter,
               count(*)::int AS basis,
               ${Prisma.raw(ruleCounts)}
          FROM referral_figures f
          LEFT JOIN support_resource_needs rn ON rn.resource_id = f.support_resource_id
         WHERE f.sent_on >= date_trunc('quarter', now() AT TIME ZONE 'Europe/Stockholm') - interval '3 months'
         GROUP BY 1, 2, 3
      ), found AS (
        SELECT flow.municipality_code, flow.need, flow.quarter, flow.basis, r.rule, r.category, r.count
          FROM flow CROSS JOIN LATERAL (VALUES ${Prisma.raw(ruleRows)}) AS r(rule, category, count)
         WHERE r.count >= ${threshold.minCount}::int AND r.count >= ${threshold.minShare}::numeric * flow.basis
      )
      INSERT INTO obstacle_candidates (id, rule, category, municipality_code, need, quarter, count, basis, threshold, status)
      SELECT gen_random_uuid(), rule, category, municipality_code, need, quarter, count, basis, ${threshold.minCount}::int, ${ObstacleCandidateStatus.Proposed}
        FROM found
      ON CONFLICT (rule, municipality_code, need, quarter) DO UPDATE SET
        count = EXCLUDED.count, basis = EXCLUDED.basis, threshold = EXCLUDED.threshold,
        updated_at = now(), version = obstacle_candidates.version + 1
      WHERE obstacle_candidates.status = ${ObstacleCandidateStatus.Proposed}
        AND (obstacle_candidates.count, obstacle_candidates.basis) IS DISTINCT FROM (EXCLUDED.count, EXCLUDED.basis)`;
  }

  async list(filter: {
    status?: ObstacleCandidateStatus;
    municipalityCode?: MunicipalityCode;
    rule?: ObstacleCandidateRule;
    after?: Cursor;
    take: number;
  }): Promise<ObstacleCandidate[]> {
    return this.db.obstacleCandidate.findMany({
      where: {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.municipalityCode ? { municipalityCode: filter.municipalityCode } : {}),
        ...(filter.rule ? { rule: filter.rule } : {}),
        ...(filter.after
          ? { OR: [{ detectedAt: { lt: new Date(filter.after.key) } }, { detectedAt: new Date(filter.after.key), id: { lt: filter.after.id } }] }
          : {}),
      },
      orderBy: [{ detectedAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
    });
  }

  find(id: string): Promise<ObstacleCandidate | null> {
    return this.db.obstacleCandidate.findUnique({ where: { id } });
  }

  /** Decides a proposed candidate at the version read; false when it moved or was decided meanwhile. */
  async decide(
    id: string,
    version: number,
    decision: { status: ObstacleCandidateStatus; decidedBy: string; obstacleId?: string; dismissalReason?: string },
  ): Promise<ObstacleCandidate | null> {
    const { count } = await this.db.obstacleCandidate.updateMany({
      where: { id, version, status: ObstacleCandidateStatus.Proposed },
      data: {
        status: decision.status,
        decidedBy: decision.decidedBy,
        decidedAt: new Date(),
        obstacleId: decision.obstacleId ?? null,
        dismissalReason: decision.dismissalReason ?? null,
        updatedAt: new Date(),
        version: { increment: 1 },
      },
    });
    return count === 1 ? this.find(id) : null;
  }
}
