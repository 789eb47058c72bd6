import { Injectable } from '@nestjs/common';
import type { DeclineReason, EventEnvelope, Gender, MunicipalityCode, ReferralDirection, ReferralStatus, TargetGroup } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import type { Cursor } from '@samverkan/platform';
import { InjectReferralsTransactionHost, type ReferralsTransactionHost } from '../database';
import { Prisma, type Referral } from '../generated/prisma/client';
import type { ReferralRecord } from './referral';

/** The columns of a referral under the names of Prisma's model, so raw SQL and Prisma give one shape. */
const referralColumns = Prisma.raw(
  `id, case_id AS "caseId", from_organisation_id AS "fromOrganisationId", from_unit_id AS "fromUnitId", sent_by AS "sentBy",
   to_organisation_id AS "toOrganisationId", support_resource_id AS "supportResourceId", municipality_code AS "municipalityCode",
   target_group AS "targetGroup", gender, status, decline_reason AS "declineReason", sent_at AS "sentAt",
   responded_at AS "respondedAt", responded_by AS "respondedBy", version`,
);

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

/**
 * The referrals table. A referral and the events announcing its change are written in one
 * statement (`Outbox.withEvents`): sending and answering are the hot path of the whole system,
 * and one round trip without a transaction is the cheapest atomic write there is.
 */
@Injectable()
export class ReferralsRepository {
  constructor(
    @InjectReferralsTransactionHost() private readonly txHost: ReferralsTransactionHost,
    private readonly outbox: Outbox,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  async create(record: Omit<ReferralRecord, 'sentAt' | 'respondedAt' | 'respondedBy' | 'declineReason'>, events: EventEnvelope[]): Promise<ReferralRecord> {
    const [row] = await this.outbox.withEvents<Referral>(
      this.db,
      Prisma.sql`INSERT INTO referrals (id, case_id, from_organisation_id, from_unit_id, sent_by, to_organisation_id, support_resource_id,
                                        municipality_code, target_group, gender, status, version)
                 VALUES (${record.id}::uuid, ${record.caseId}::uuid, ${record.fromOrganisationId}::uuid, ${record.fromUnitId}::uuid,
                         ${record.sentBy}::uuid, ${record.toOrganisationId}::uuid, ${record.supportResourceId}::uuid, ${record.municipalityCode},
                         ${record.targetGroup}, ${record.gender}, ${record.status}, ${record.version})
                 RETURNING ${referralColumns}`,
      events,
    );
    return toRecord(row as Referral);
  }

  async findById(id: string): Promise<ReferralRecord | null> {
    const [row] = await this.db.$queryRaw<Referral[]>`SELECT ${referralColumns} FROM referrals WHERE id = ${id}::uuid`;
    return row ? toRecord(row) : null;
  }

  /**
   * Moves a referral to its answer, with its events, if nobody changed it since `expectedVersion`
   * was read. Returns null when someone did (the caller lost the race); then nothing is written.
   */
  async answer(
    id: string,
    expectedVersion: number,
    answer: { status: ReferralStatus; declineReason: DeclineReason | null; respondedBy: string },
    events: EventEnvelope[],
  ): Promise<ReferralRecord | null> {
    const [row] = await this.outbox.withEvents<Referral>(
      this.db,
      Prisma.sql`UPDATE referrals
                    SET status = ${answer.status}, decline_reason = ${answer.declineReason}, responded_by = ${answer.respondedBy}::uuid,
                        responded_at = now(), version = version + 1
                  WHERE id = ${id}::uuid AND version = ${expectedVersion}
                 RETURNING ${referralColumns}`,
      events,
    );
    return row ? toRecord(row) : null;
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
