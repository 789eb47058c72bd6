import { Injectable } from '@nestjs/common';
import type { ConsentPurpose } from '@samverkan/contracts';
import { toConsentRecord, type ConsentRecord } from '../cases/cases.repository';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database/transaction-host';

@Injectable()
export class ConsentsRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async findActive(caseId: string, organisationId: string, purpose: ConsentPurpose): Promise<ConsentRecord | null> {
    const row = await this.db.consent.findFirst({ where: { caseId, organisationId, purpose, revokedAt: null } });
    return row ? toConsentRecord(row) : null;
  }

  async create(consent: Omit<ConsentRecord, 'givenAt' | 'revokedAt'>): Promise<ConsentRecord> {
    return toConsentRecord(await this.db.consent.create({ data: consent }));
  }
}
