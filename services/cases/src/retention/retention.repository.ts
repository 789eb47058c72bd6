import { Injectable } from '@nestjs/common';
import type { ConsentPurpose } from '@samverkan/contracts';
import { v7 as uuidv7 } from 'uuid';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';

export interface PurgeResult {
  caseIds: string[];
  /** Persons whose identity went with their last case. */
  persons: number;
}

/**
 * Deletes a person's data and keeps their cases as pseudonymous statistics: each case keeps its
 * codes (municipality, target group, gender, needs, status, outcome, dates) and loses its person,
 * consents, team, plan, hand-offs and timeline; a person goes with their last case. Used by
 * retention, by erasure and (without the cases) by a merge.
 */
@Injectable()
export class RetentionRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * Closed cases whose last entry (closing included) is older than `cutoff`, oldest first, locked
   * for this run; rows another replica holds are skipped, not waited for.
   */
  async claimClosedCasesBefore(cutoff: Date, take: number): Promise<string[]> {
    const rows = await this.db.$queryRaw<Array<{ id: string }>>`
      SELECT c.id FROM cases c
       WHERE c.status = 'closed' AND c.purged_at IS NULL AND c.closed_at < ${cutoff}
         AND GREATEST(c.closed_at, c.updated_at, (SELECT max(t.at) FROM case_timeline t WHERE t.case_id = c.id)) < ${cutoff}
       ORDER BY c.closed_at, c.id
       LIMIT ${take}
       FOR UPDATE OF c SKIP LOCKED`;
    return rows.map((row) => row.id);
  }

  async purgeCases(caseIds: string[]): Promise<PurgeResult> {
    if (caseIds.length === 0) return { caseIds, persons: 0 };
    const persons = await this.db.$queryRaw<Array<{ personId: string }>>`
      SELECT DISTINCT person_id AS "personId" FROM cases WHERE id = ANY(${caseIds}::uuid[]) AND person_id IS NOT NULL`;
    const personIds = persons.map((row) => row.personId);
    await this.db.consent.deleteMany({ where: { caseId: { in: caseIds } } });
    await this.db.caseTeamMember.deleteMany({ where: { caseId: { in: caseIds } } });
    await this.db.caseTimelineEntry.deleteMany({ where: { caseId: { in: caseIds } } });
    await this.db.caseHandoff.deleteMany({ where: { caseId: { in: caseIds } } });
    await this.db.planStep.deleteMany({ where: { caseId: { in: caseIds } } });
    await this.db.case.updateMany({ where: { id: { in: caseIds } }, data: { personId: null, purgedAt: new Date() } });
    const deleted = await this.db.$queryRaw<Array<{ id: string }>>`
      DELETE FROM persons p WHERE p.id = ANY(${personIds}::uuid[]) AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id)
      RETURNING p.id`;
    const gone = deleted.map((row) => row.id);
    if (gone.length > 0) {
      await this.db.personDuplicate.deleteMany({ where: { OR: [{ personId: { in: gone } }, { otherPersonId: { in: gone } }] } });
    }
    return { caseIds, persons: gone.length };
  }

  /** Records what a rule deleted, without anything about whom. */
  async recordDeletion(rule: string, dataKind: string, items: number): Promise<void> {
    if (items > 0) await this.db.deletionRecord.create({ data: { id: uuidv7(), rule, dataKind, items } });
  }

  /**
   * Cuts the access log's entries older than `cutoff`, as a prefix of the chain: first the anchor
   * (the last cut entry's sequence and hash, from which the rest still verifies), which the
   * table's trigger requires before it lets those rows go.
   */
  async pruneAccessLogBefore(cutoff: Date, take: number): Promise<number> {
    // Entries are appended in time order, give or take concurrent appends: the prefix stops before
    // the first entry that is not old enough, whatever follows it.
    const [last] = await this.db.$queryRaw<Array<{ sequence: bigint; hash: Uint8Array }>>`
      WITH first AS (SELECT sequence, hash, at FROM access_log ORDER BY sequence LIMIT ${take})
      SELECT sequence, hash FROM first
       WHERE sequence < COALESCE((SELECT min(sequence) FROM first WHERE at >= ${cutoff}), 9223372036854775807)
       ORDER BY sequence DESC LIMIT 1`;
    if (!last) return 0;
    await this.db.accessLogPrune.create({ data: { throughSequence: last.sequence, throughHash: new Uint8Array(last.hash) } });
    return this.db.$executeRaw`DELETE FROM access_log WHERE sequence <= ${last.sequence}`;
  }

  /**
   * Consents past their last day, not withdrawn and not yet announced, locked for this run; each
   * with what its event carries.
   */
  async claimUnannouncedExpiries(
    today: string,
    take: number,
  ): Promise<Array<{ id: string; caseId: string; purpose: ConsentPurpose; receivers: Array<{ organisationId: string; unitId: string | null }> }>> {
    return this.db.$queryRaw`
      SELECT k.id, k.case_id AS "caseId", k.purpose,
             (SELECT json_agg(json_build_object('organisationId', r.organisation_id, 'unitId', r.unit_id) ORDER BY r.organisation_id, r.unit_id)
                FROM consent_receivers r WHERE r.consent_id = k.id) AS receivers
        FROM consents k
       WHERE k.expiry_announced_at IS NULL AND k.withdrawn_at IS NULL AND k.expires_on < ${today}::date
       ORDER BY k.expires_on, k.id
       LIMIT ${take}
       FOR UPDATE OF k SKIP LOCKED`;
  }

  async markExpiryAnnounced(consentIds: string[]): Promise<void> {
    await this.db.consent.updateMany({ where: { id: { in: consentIds } }, data: { expiryAnnouncedAt: new Date() } });
  }

  async deletions(): Promise<Array<{ rule: string; dataKind: string; items: number; deletedAt: Date }>> {
    return this.db.deletionRecord.findMany({ orderBy: { deletedAt: 'asc' }, select: { rule: true, dataKind: true, items: true, deletedAt: true } });
  }
}
