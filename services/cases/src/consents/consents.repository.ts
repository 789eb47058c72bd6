import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@samverkan/messaging';
import { DomainError, ErrorCode, type ConsentPurpose } from '@samverkan/contracts';
import { caseColumns, toCaseRecord, toConsentRecord, type CaseRecord, type ConsentRecord } from '../cases/cases.repository';
import type { Case } from '../generated/prisma/client';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';

@Injectable()
export class ConsentsRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * The case, and whether an active consent covers the organisation for the purpose, in one
   * query: referrals asks this before every referral it sends.
   */
  async findCaseWithCoverage(caseId: string, organisationId: string, purpose: ConsentPurpose): Promise<{ case: CaseRecord; covered: boolean } | null> {
    const [row] = await this.db.$queryRaw<Array<Case & { covered: boolean }>>`
      SELECT ${caseColumns}, EXISTS (SELECT 1 FROM consents k
                           WHERE k.case_id = c.id AND k.organisation_id = ${organisationId}::uuid AND k.purpose = ${purpose} AND k.revoked_at IS NULL) AS covered
        FROM cases c WHERE c.id = ${caseId}::uuid`;
    return row ? { case: toCaseRecord(row), covered: row.covered } : null;
  }

  async findActive(caseId: string, organisationId: string, purpose: ConsentPurpose): Promise<ConsentRecord | null> {
    const row = await this.db.consent.findFirst({ where: { caseId, organisationId, purpose, revokedAt: null } });
    return row ? toConsentRecord(row) : null;
  }

  /**
   * Throws a transient SERVICE_UNAVAILABLE when a concurrent request recorded the same active
   * consent first (the partial unique index decides); the caller's retry then finds it.
   */
  async create(consent: Omit<ConsentRecord, 'givenAt' | 'revokedAt'>): Promise<ConsentRecord> {
    try {
      return toConsentRecord(await this.db.consent.create({ data: consent }));
    } catch (error) {
      throw isUniqueViolation(error) ? new DomainError(ErrorCode.ServiceUnavailable, 'The consent was being recorded concurrently; try again') : error;
    }
  }
}
