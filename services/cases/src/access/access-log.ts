import { Injectable } from '@nestjs/common';
import { Propagation } from '@nestjs-cls/transactional';
import { AccessOutcome, ChainProblem, type AccessAction, type AccessLogVerificationView, type ActorContext, type ConsentPurpose } from '@samverkan/contracts';
import { ClsService } from 'nestjs-cls';
import { createHash, randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';
import type { AccessDecision } from './access-policy';
import { AccessLogRepository, type AccessLogRecord } from './access-log.repository';

/** What happened, to whom and on what case, as the access log records it. */
export interface AccessEvent {
  actor: ActorContext;
  action: AccessAction;
  decision: AccessDecision;
  caseId?: string;
  caseOrganisationId?: string;
  personId?: string | null;
  purpose?: ConsentPurpose;
}

/** The previous hash of the first entry. */
export const genesisHash = Buffer.alloc(32);

/**
 * The text an entry's hash covers: every field it records, in a fixed order. The sequence is not
 * in it: the chain itself orders the entries, and a gap in the sequence shows a deleted one.
 */
export function chainContent(entry: Omit<AccessLogRecord, 'sequence' | 'previousHash' | 'hash'>): string {
  return JSON.stringify([
    entry.id,
    entry.at.toISOString(),
    entry.staffId,
    entry.organisationId,
    entry.unitId,
    entry.roles,
    entry.action,
    entry.caseId,
    entry.caseOrganisationId,
    entry.personId,
    entry.purpose,
    entry.legalBasis,
    entry.outcome,
    entry.reason,
    entry.correlationId,
  ]);
}

/** SHA-256 over the previous entry's hash and the entry's content: what PostgreSQL computes on append. */
export function chainHash(previousHash: Buffer, entry: Omit<AccessLogRecord, 'sequence' | 'previousHash' | 'hash'>): Buffer {
  return createHash('sha256').update(previousHash).update(chainContent(entry), 'utf8').digest();
}

/** Entries read per query while verifying. */
const verificationBatch = 1000;

/**
 * The access log of cases: every read and change of a person's data, and every denied attempt,
 * as an append-only, hash-chained entry. An allowed access is written in the transaction of what
 * it logs, so neither commits without the other; a denial in a transaction of its own, since
 * the denied request's transaction rolls back.
 */
@Injectable()
export class AccessLog {
  constructor(
    private readonly repository: AccessLogRepository,
    @InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost,
    private readonly cls: ClsService,
  ) {}

  /**
   * Appends in the ambient transaction, or on its own when there is none (a read logs first and
   * then reads). The append holds the chain's head until its transaction ends: call it last.
   */
  async append(event: AccessEvent): Promise<void> {
    const entry = {
      id: uuidv7(),
      at: new Date(),
      staffId: event.actor.staffId,
      organisationId: event.actor.organisationId,
      unitId: event.actor.unitId,
      roles: [...event.actor.roles],
      action: event.action,
      caseId: event.caseId ?? null,
      caseOrganisationId: event.caseOrganisationId ?? null,
      personId: event.personId ?? null,
      purpose: event.purpose ?? null,
      legalBasis: event.decision.legalBasis,
      outcome: event.decision.allowed ? AccessOutcome.Allowed : AccessOutcome.Denied,
      reason: event.decision.reason,
      correlationId: (this.cls.isActive() ? this.cls.getId() : undefined) ?? randomUUID(),
    };
    await this.repository.append(entry, chainContent(entry));
  }

  /** Records a denied attempt so that it stays when the request fails. */
  async appendDenied(event: AccessEvent): Promise<void> {
    await this.txHost.withTransaction(Propagation.RequiresNew, () => this.append(event));
  }

  /**
   * Walks the chain from the first entry (or from where retention last cut it, whose hash it
   * recorded) and reports the first that does not hold.
   */
  async verify(): Promise<AccessLogVerificationView> {
    const pruned = await this.repository.latestPrune();
    let previous: { sequence: number; hash: Buffer } | null = pruned;
    let entries = 0;
    for (;;) {
      const batch = await this.repository.chainFrom(previous?.sequence ?? 0, verificationBatch);
      for (const entry of batch) {
        entries += 1;
        const expectedSequence = (previous?.sequence ?? 0) + 1;
        const expectedPrevious = previous?.hash ?? genesisHash;
        const problem =
          entry.sequence !== expectedSequence
            ? ChainProblem.Deleted
            : !entry.previousHash.equals(expectedPrevious)
              ? ChainProblem.Relinked
              : !entry.hash.equals(chainHash(entry.previousHash, entry))
                ? ChainProblem.Edited
                : null;
        if (problem)
          return { entries, intact: false, firstBroken: { sequence: entry.sequence, problem }, lastHash: null, prunedThrough: pruned?.sequence ?? null };
        previous = { sequence: entry.sequence, hash: entry.hash };
      }
      if (batch.length < verificationBatch) break;
    }
    return { entries, intact: true, firstBroken: null, lastHash: previous ? previous.hash.toString('hex') : null, prunedThrough: pruned?.sequence ?? null };
  }
}
