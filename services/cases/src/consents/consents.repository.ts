import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { ConsentPurpose } from '@samverkan/contracts';
import { toConsentRecord, type ConsentRecord } from '../cases/cases.repository';
import type { CasesTransactionHost } from '../database/transaction-host';

@Injectable()
export class ConsentsRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get db() {
    return (this.txHost as unknown as CasesTransactionHost).tx;
  }

  async findActive(caseId: string, organisationId: string, purpose: ConsentPurpose): Promise<ConsentRecord | null> {
    const row = await this.db.consent.findFirst({ where: { caseId, organisationId, purpose, revokedAt: null } });
    return row ? toConsentRecord(row) : null;
  }

  async create(consent: Omit<ConsentRecord, 'givenAt' | 'revokedAt'>): Promise<ConsentRecord> {
    return toConsentRecord(await this.db.consent.create({ data: consent }));
  }
}
