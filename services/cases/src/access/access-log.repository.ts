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

/** Any constant: the advisory lock that orders appends, so each entry chains to the one before. */
const chainLock = 724_410_301;

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
   * Takes the chain's lock for the rest of the transaction and returns the last entry's sequence
   * and hash: the next entry follows it. Call it last in a transaction, so the lock is held briefly.
   */
  async lockChainEnd(): Promise<{ sequence: number; hash: Buffer } | null> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(${chainLock})`;
    const last = await this.db.accessLogEntry.findFirst({ orderBy: { sequence: 'desc' }, select: { sequence: true, hash: true } });
    return last ? { sequence: Number(last.sequence), hash: Buffer.from(last.hash) } : null;
  }

  async insert(record: AccessLogRecord): Promise<void> {
    await this.db.accessLogEntry.create({
      data: {
        ...record,
        sequence: BigInt(record.sequence),
        previousHash: new Uint8Array(record.previousHash),
        hash: new Uint8Array(record.hash),
      },
    });
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

  /** The chain in order, `take` entries from `afterSequence` on. */
  async chainFrom(afterSequence: number, take: number): Promise<AccessLogRecord[]> {
    const rows = await this.db.accessLogEntry.findMany({ where: { sequence: { gt: BigInt(afterSequence) } }, orderBy: { sequence: 'asc' }, take });
    return rows.map(toRecord);
  }
}
