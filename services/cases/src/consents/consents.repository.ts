import { Injectable } from '@nestjs/common';
import { ConsentStatus, todayInSweden, type ConsentForm, type ConsentPurpose, type ConsentView } from '@samverkan/contracts';
import { fromDateColumn, toDateColumn } from '@samverkan/platform';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';
import type { Consent, ConsentReceiver } from '../generated/prisma/client';

export interface ConsentReceiverRecord {
  organisationId: string;
  unitId: string | null;
}

export interface ConsentRecord {
  id: string;
  caseId: string;
  purpose: ConsentPurpose;
  givenAs: ConsentForm;
  recordedBy: string;
  givenAt: Date;
  /** YYYY-MM-DD, the last day it holds. */
  expiresOn: string;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  receivers: ConsentReceiverRecord[];
}

function toRecord(row: Consent & { receivers: ConsentReceiver[] }): ConsentRecord {
  return {
    id: row.id,
    caseId: row.caseId,
    purpose: row.purpose as ConsentPurpose,
    givenAs: row.givenAs as ConsentForm,
    recordedBy: row.recordedBy,
    givenAt: row.givenAt,
    expiresOn: fromDateColumn(row.expiresOn),
    withdrawnAt: row.withdrawnAt,
    withdrawnBy: row.withdrawnBy,
    receivers: row.receivers.map((receiver) => ({ organisationId: receiver.organisationId, unitId: receiver.unitId })),
  };
}

/** Active until withdrawn or until its last day has passed in Sweden. */
export function consentStatus(consent: ConsentRecord, today: string = todayInSweden()): ConsentStatus {
  if (consent.withdrawnAt) return ConsentStatus.Withdrawn;
  return consent.expiresOn < today ? ConsentStatus.Expired : ConsentStatus.Active;
}

export function toConsentView(consent: ConsentRecord, today?: string): ConsentView {
  return {
    id: consent.id,
    receivers: consent.receivers.map((receiver) => ({ organisationId: receiver.organisationId, unitId: receiver.unitId })),
    purpose: consent.purpose,
    givenAs: consent.givenAs,
    givenAt: consent.givenAt.toISOString(),
    recordedBy: consent.recordedBy,
    expiresOn: consent.expiresOn,
    status: consentStatus(consent, today),
    withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
  };
}

const withReceivers = { receivers: { orderBy: [{ organisationId: 'asc' as const }, { unitId: 'asc' as const }] } };

@Injectable()
export class ConsentsRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * The consent for the purpose that holds today and names the organisation (as a whole, or the
   * given unit of it), or null when none does; with `consentId`, only that consent counts. Of
   * several, the one that holds longest. Decided on the database's own rows, in the request: a
   * withdrawal committed before this query is seen by it.
   */
  async coveringConsentId(
    caseId: string,
    purpose: ConsentPurpose,
    organisationId: string,
    unitId: string | undefined,
    today: string,
    consentId?: string,
  ): Promise<string | null> {
    const found = await this.db.consent.findFirst({
      where: {
        ...(consentId ? { id: consentId } : {}),
        caseId,
        purpose,
        withdrawnAt: null,
        expiresOn: { gte: toDateColumn(today) },
        receivers: { some: { organisationId, OR: [{ unitId: null }, ...(unitId ? [{ unitId }] : [])] } },
      },
      orderBy: [{ expiresOn: 'desc' }, { givenAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    return found?.id ?? null;
  }

  /** Whether a consent for the purpose holds today and names the organisation (or the given unit of it). */
  async isCovered(caseId: string, purpose: ConsentPurpose, organisationId: string, unitId: string | undefined, today: string): Promise<boolean> {
    return (await this.coveringConsentId(caseId, purpose, organisationId, unitId, today)) !== null;
  }

  async findById(caseId: string, consentId: string): Promise<ConsentRecord | null> {
    const row = await this.db.consent.findFirst({ where: { id: consentId, caseId }, include: withReceivers });
    return row ? toRecord(row) : null;
  }

  /** Every consent of the case, the newest first, whatever its status. */
  async ofCase(caseId: string): Promise<ConsentRecord[]> {
    const rows = await this.db.consent.findMany({ where: { caseId }, include: withReceivers, orderBy: [{ givenAt: 'desc' }, { id: 'desc' }] });
    return rows.map(toRecord);
  }

  async create(consent: Omit<ConsentRecord, 'withdrawnAt' | 'withdrawnBy'>, receiverIds: string[]): Promise<ConsentRecord> {
    const { receivers, expiresOn, ...fields } = consent;
    const row = await this.db.consent.create({
      data: {
        ...fields,
        expiresOn: toDateColumn(expiresOn),
        receivers: { create: receivers.map((receiver, index) => ({ id: receiverIds[index] as string, ...receiver })) },
      },
      include: withReceivers,
    });
    return toRecord(row);
  }

  /** Withdraws it if it is not withdrawn yet; null when it already was (or is not this case's). */
  async withdraw(caseId: string, consentId: string, withdrawnBy: string): Promise<ConsentRecord | null> {
    const [updated] = await this.db.consent.updateManyAndReturn({
      where: { id: consentId, caseId, withdrawnAt: null },
      data: { withdrawnAt: new Date(), withdrawnBy },
    });
    return updated ? this.findById(caseId, updated.id) : null;
  }
}
