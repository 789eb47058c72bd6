import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@samverkan/messaging';
import { DomainError, ErrorCode, type ConsentPurpose } from '@samverkan/contracts';
import { toConsentRecord, type ConsentRecord } from '../cases/cases.repository';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';

@Injectable()
export class ConsentsRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** Whether an active consent covers the organisation for the purpose. */
  async isCovered(caseId: string, organisationId: string, purpose: ConsentPurpose): Promise<boolean> {
    const found = await this.db.consent.findFirst({ where: { caseId, organisationId, purpose, revokedAt: null }, select: { id: true } });
    return found !== null;
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
