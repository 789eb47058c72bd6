import { Injectable } from '@nestjs/common';
import type { AccessAction, AccessOutcome, AccessReason, ConsentPurpose, LegalBasis, StaffRole } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';
import type { AccessLogEntry } from '../generated/prisma/client';

export interface AccessLogRecord {
  sequence: number;
  id: string;
  at: Date;
  staffId: string;
  organisationId: string;
  unitId: string;
  roles: StaffRole[];
  action: AccessAction;
  caseId: string | null;
  caseOrganisationId: string | null;
  personId: string | null;
  purpose: ConsentPurpose | null;
  legalBasis: LegalBasis | null;
  outcome: AccessOutcome;
  reason: AccessReason;
  correlationId: string;
  previousHash: Buffer;
  hash: Buffer;
}

export interface AccessLogFilter {
  /** Entries by this organisation's staff or on cases it leads. */
  organisationId: string;
  caseId?: string;
  staffId?: string;
  outcome?: AccessOutcome;
  /** Newest first: continue below this sequence. */
  before?: Cursor;
  take: number;
}

function toRecord(row: AccessLogEntry): AccessLogRecord {
  return {
    sequence: Number(row.sequence),
    id: row.id,
    at: row.at,
    staffId: row.staffId,
    organisationId: row.organisationId,
    unitId: row.unitId,
    roles: row.roles as StaffRole[],
    action: row.action as AccessAction,
    caseId: row.caseId,
    caseOrganisationId: row.caseOrganisationId,
    personId: row.personId,
    purpose: row.purpose as ConsentPurpose | null,
    legalBasis: row.legalBasis as LegalBasis | null,
    outcome: row.outcome as AccessOutcome,
    reason: row.reason as AccessReason,
    correlationId: row.correlationId,
    previousHash: Buffer.from(row.previousHash),
    hash: Buffer.from(row.hash),
  };
}

@Injectable()
export class AccessLogRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * Appends an entry in one statement: moves the chain's head on by the entry's content and
   * inserts the entry with the head's new sequence and hashes. `content` is the entry's fields as
   * `chainContent` writes them; the hash is SHA-256 over the previous hash and that text.
   */
  async append(entry: Omit<AccessLogRecord, 'sequence' | 'previousHash' | 'hash'>, content: string): Promise<void> {
    await this.db.$executeRaw`
      WITH head AS (
        UPDATE access_log_head
           SET sequence = sequence + 1, previous_hash = hash, hash = sha256(hash || convert_to(${content}, 'UTF8'))
         RETURNING sequence, previous_hash, hash)
      INSERT INTO access_log (sequence, id, at, staff_id, organisation_id, unit_id, roles, action, case_id, case_organisation_id, person_id,
                              purpose, legal_basis, outcome, reason, correlation_id, previous_hash, hash)
      SELECT head.sequence, ${entry.id}::uuid, ${entry.at}::timestamptz, ${entry.staffId}::uuid, ${entry.organisationId}::uuid, ${entry.unitId}::uuid,
             ${entry.roles}::text[], ${entry.action}, ${entry.caseId}::uuid, ${entry.caseOrganisationId}::uuid, ${entry.personId}::uuid,
             ${entry.purpose}, ${entry.legalBasis}, ${entry.outcome}, ${entry.reason}, ${entry.correlationId}, head.previous_hash, head.hash
        FROM head`;
  }

  async list(filter: AccessLogFilter): Promise<AccessLogRecord[]> {
    const rows = await this.db.accessLogEntry.findMany({
      where: {
        OR: [{ organisationId: filter.organisationId }, { caseOrganisationId: filter.organisationId }],
        ...(filter.caseId ? { caseId: filter.caseId } : {}),
        ...(filter.staffId ? { staffId: filter.staffId } : {}),
        ...(filter.outcome ? { outcome: filter.outcome } : {}),
        ...(filter.before ? { sequence: { lt: BigInt(filter.before.key) } } : {}),
      },
      orderBy: { sequence: 'desc' },
      take: filter.take,
    });
    return rows.map(toRecord);
  }

  /** Every entry about the person or one of the cases, oldest first: for their register extract. */
  async aboutPerson(personId: string, caseIds: string[]): Promise<AccessLogRecord[]> {
    const rows = await this.db.accessLogEntry.findMany({
      where: { OR: [{ personId }, { caseId: { in: caseIds } }] },
      orderBy: { sequence: 'asc' },
    });
    return rows.map(toRecord);
  }

  /** Where retention last cut the chain's oldest entries, if it did. */
  async latestPrune(): Promise<{ sequence: number; hash: Buffer } | null> {
    const row = await this.db.accessLogPrune.findFirst({ orderBy: { throughSequence: 'desc' } });
    return row ? { sequence: Number(row.throughSequence), hash: Buffer.from(row.throughHash) } : null;
  }

  /** The chain in order, `take` entries from `afterSequence` on. */
  async chainFrom(afterSequence: number, take: number): Promise<AccessLogRecord[]> {
    const rows = await this.db.accessLogEntry.findMany({ where: { sequence: { gt: BigInt(afterSequence) } }, orderBy: { sequence: 'asc' }, take });
    return rows.map(toRecord);
  }
}
