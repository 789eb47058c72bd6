import { Injectable } from '@nestjs/common';
import type {
  DeclineReason,
  EventEnvelope,
  Gender,
  MunicipalityCode,
  ReferralDirection,
  ReferralStatus,
  ReferralWithdrawalReason,
  TargetGroup,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import type { Cursor } from '@samverkan/platform';
import { InjectReferralsTransactionHost, type ReferralsTransactionHost } from '../database';
import { Prisma, type Referral } from '../generated/prisma/client';
import { openStatuses, type ReferralRecord } from './referral';

/** The columns of a referral under the names of Prisma's model, so raw SQL and Prisma give one shape. */
const referralColumns = Prisma.raw(
  `id, case_id AS "caseId", from_organisation_id AS "fromOrganisationId", from_unit_id AS "fromUnitId", sent_by AS "sentBy",
   to_organisation_id AS "toOrganisationId", support_resource_id AS "supportResourceId", municipality_code AS "municipalityCode",
   target_group AS "targetGroup", gender, status, decline_reason AS "declineReason", sent_at AS "sentAt",
   responded_at AS "respondedAt", responded_by AS "respondedBy", consent_id AS "consentId", withdrawal_reason AS "withdrawalReason",
   withdrawn_at AS "withdrawnAt", version`,
);

function toRecord(row: Referral): ReferralRecord {
  return {
    ...row,
    municipalityCode: row.municipalityCode as MunicipalityCode,
    targetGroup: row.targetGroup as TargetGroup,
    gender: row.gender as Gender,
    status: row.status as ReferralStatus,
    declineReason: row.declineReason as DeclineReason | null,
    withdrawalReason: row.withdrawalReason as ReferralWithdrawalReason | null,
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

  async create(
    record: Omit<ReferralRecord, 'sentAt' | 'respondedAt' | 'respondedBy' | 'declineReason' | 'withdrawalReason' | 'withdrawnAt'>,
    events: EventEnvelope[],
  ): Promise<ReferralRecord> {
    const [row] = await this.outbox.withEvents<Referral>(
      this.db,
      Prisma.sql`INSERT INTO referrals (id, case_id, from_organisation_id, from_unit_id, sent_by, to_organisation_id, support_resource_id,
                                        municipality_code, target_group, gender, status, consent_id, version)
                 VALUES (${record.id}::uuid, ${record.caseId}::uuid, ${record.fromOrganisationId}::uuid, ${record.fromUnitId}::uuid,
                         ${record.sentBy}::uuid, ${record.toOrganisationId}::uuid, ${record.supportResourceId}::uuid, ${record.municipalityCode},
                         ${record.targetGroup}, ${record.gender}, ${record.status}, ${record.consentId}::uuid, ${record.version})
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

  /**
   * Withdraws every referral of the case that relied on the consent and is still open, moving each
   * to its next version; returns them as they are now (none when none was open). Run in the
   * caller's transaction, which writes their events. The rows are locked in id order, so two
   * withdrawals of the same referrals cannot deadlock, and an answer in flight either commits
   * first (and its referral is withdrawn after it) or loses its version check.
   */
  async withdrawOpenRelyingOn(consentId: string, caseId: string, reason: ReferralWithdrawalReason): Promise<ReferralRecord[]> {
    const rows = await this.db.$queryRaw<Referral[]>`
      WITH open AS (
        SELECT id AS open_id FROM referrals
         WHERE consent_id = ${consentId}::uuid AND case_id = ${caseId}::uuid AND status = ANY(${[...openStatuses]}::text[])
         ORDER BY id FOR UPDATE)
      UPDATE referrals
         SET status = 'withdrawn', withdrawal_reason = ${reason}, withdrawn_at = now(), version = version + 1
        FROM open WHERE id = open_id
      RETURNING ${referralColumns}`;
    return rows.map(toRecord);
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
