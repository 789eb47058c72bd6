import { Injectable } from '@nestjs/common';
import { HandoffStatus, type HandoffDeclineReason, type ReferralDirection } from '@samverkan/contracts';
import { fromDateColumn, toDateColumn, type Cursor } from '@samverkan/platform';
import { InjectCasesTransactionHost, type CasesTransactionHost } from '../database';
import type { CaseHandoff } from '../generated/prisma/client';

export interface HandoffRecord {
  id: string;
  caseId: string;
  fromUnitId: string;
  toUnitId: string;
  toOrganisationId: string;
  requestedBy: string;
  requestedAt: Date;
  /** YYYY-MM-DD, the last day to answer. */
  respondBy: string;
  /** As stored: requested, accepted or declined. */
  status: HandoffStatus;
  declineReason: HandoffDeclineReason | null;
  answeredAt: Date | null;
}

function toRecord(row: CaseHandoff): HandoffRecord {
  return {
    id: row.id,
    caseId: row.caseId,
    fromUnitId: row.fromUnitId,
    toUnitId: row.toUnitId,
    toOrganisationId: row.toOrganisationId,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt,
    respondBy: fromDateColumn(row.respondBy),
    status: row.status as HandoffStatus,
    declineReason: row.declineReason as HandoffDeclineReason | null,
    answeredAt: row.answeredAt,
  };
}

@Injectable()
export class HandoffsRepository {
  constructor(@InjectCasesTransactionHost() private readonly txHost: CasesTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async create(handoff: Omit<HandoffRecord, 'requestedAt' | 'status' | 'declineReason' | 'answeredAt'>): Promise<HandoffRecord> {
    const row = await this.db.caseHandoff.create({ data: { ...handoff, respondBy: toDateColumn(handoff.respondBy), status: HandoffStatus.Requested } });
    return toRecord(row);
  }

  async findById(caseId: string, id: string): Promise<HandoffRecord | null> {
    const row = await this.db.caseHandoff.findFirst({ where: { id, caseId } });
    return row ? toRecord(row) : null;
  }

  /** Answers a hand-off still open on `today`; null when it was answered or expired meanwhile. */
  async answer(
    id: string,
    today: string,
    answer: { status: HandoffStatus; declineReason: HandoffDeclineReason | null; answeredBy: string },
  ): Promise<HandoffRecord | null> {
    const [row] = await this.db.caseHandoff.updateManyAndReturn({
      where: { id, status: HandoffStatus.Requested, respondBy: { gte: toDateColumn(today) } },
      data: { ...answer, answeredAt: new Date() },
    });
    return row ? toRecord(row) : null;
  }

  async list(filter: {
    unitId: string;
    direction: ReferralDirection;
    status?: HandoffStatus;
    today: string;
    after?: Cursor;
    take: number;
  }): Promise<HandoffRecord[]> {
    const unit = filter.direction === 'incoming' ? { toUnitId: filter.unitId } : { fromUnitId: filter.unitId };
    // Expired is not stored: it is a request whose last day has passed.
    const status =
      filter.status === HandoffStatus.Expired
        ? { status: HandoffStatus.Requested, respondBy: { lt: toDateColumn(filter.today) } }
        : filter.status === HandoffStatus.Requested
          ? { status: HandoffStatus.Requested, respondBy: { gte: toDateColumn(filter.today) } }
          : filter.status
            ? { status: filter.status }
            : {};
    const rows = await this.db.caseHandoff.findMany({
      where: {
        ...unit,
        ...status,
        ...(filter.after
          ? { OR: [{ requestedAt: { lt: new Date(filter.after.key) } }, { requestedAt: new Date(filter.after.key), id: { lt: filter.after.id } }] }
          : {}),
      },
      orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
    });
    return rows.map(toRecord);
  }
}
