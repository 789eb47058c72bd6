import { Injectable } from '@nestjs/common';
import type { DeclineReason, Gender, MunicipalityCode, ReferralDirection, ReferralStatus, TargetGroup } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectReferralsTransactionHost, type ReferralsTransactionHost } from '../database';
import type { Referral } from '../generated/prisma/client';
import type { ReferralRecord } from './referral';

function toRecord(row: Referral): ReferralRecord {
  return {
    ...row,
    municipalityCode: row.municipalityCode as MunicipalityCode,
    targetGroup: row.targetGroup as TargetGroup,
    gender: row.gender as Gender,
    status: row.status as ReferralStatus,
    declineReason: row.declineReason as DeclineReason | null,
  };
}

@Injectable()
export class ReferralsRepository {
  constructor(@InjectReferralsTransactionHost() private readonly txHost: ReferralsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async create(record: Omit<ReferralRecord, 'sentAt' | 'respondedAt' | 'respondedBy' | 'declineReason'>): Promise<ReferralRecord> {
    return toRecord(await this.db.referral.create({ data: record }));
  }

  async findById(id: string): Promise<ReferralRecord | null> {
    const row = await this.db.referral.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  /**
   * Moves a referral to its answer if nobody changed it since `expectedVersion` was read.
   * Returns null when someone did (the caller lost the race).
   */
  async answer(
    id: string,
    expectedVersion: number,
    answer: { status: ReferralStatus; declineReason: DeclineReason | null; respondedBy: string },
  ): Promise<ReferralRecord | null> {
    const updated = await this.db.referral.updateMany({
      where: { id, version: expectedVersion },
      data: { ...answer, respondedAt: new Date(), version: expectedVersion + 1 },
    });
    return updated.count === 1 ? this.findById(id) : null;
  }

  /** Newest first: sorted by sentAt, then id, both descending (keyset pagination). */
  async list(filter: {
    organisationId: string;
    direction: ReferralDirection;
    status?: ReferralStatus;
    after?: Cursor;
    take: number;
  }): Promise<ReferralRecord[]> {
    const party = filter.direction === 'incoming' ? { toOrganisationId: filter.organisationId } : { fromOrganisationId: filter.organisationId };
    const after = filter.after ? new Date(filter.after.key) : undefined;
    const rows = await this.db.referral.findMany({
      where: {
        ...party,
        ...(filter.status ? { status: filter.status } : {}),
        ...(after && filter.after ? { OR: [{ sentAt: { lt: after } }, { sentAt: after, id: { lt: filter.after.id } }] } : {}),
      },
      orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
    });
    return rows.map(toRecord);
  }
}
