import { Injectable } from '@nestjs/common';
import type {
  DeclineReason,
  EventEnvelope,
  ExitDestination,
  ReferralOutcome,
  ReferralStep,
  Gender,
  MunicipalityCode,
  ReferralDirection,
  ReferralBasis,
  ReferralSharedField,
  ReferralStatus,
  ReferralWithdrawalReason,
  TargetGroup,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { fromDateColumn, nextCalendarDay, toDateColumn, type Cursor } from '@samverkan/platform';
import { InjectReferralsTransactionHost, type ReferralsTransactionHost } from '../database';
import { Prisma, type Referral } from '../generated/prisma/client';
import { liveStatuses, openStatuses, stepDeadlines, type ReferralRecord } from './referral';

/** The columns of a referral under the names of Prisma's model, so raw SQL and Prisma give one shape. */
const referralColumns = Prisma.raw(
  `id, case_id AS "caseId", from_organisation_id AS "fromOrganisationId", from_unit_id AS "fromUnitId", sent_by AS "sentBy",
   to_organisation_id AS "toOrganisationId", support_resource_id AS "supportResourceId", municipality_code AS "municipalityCode",
   target_group AS "targetGroup", gender, status, decline_reason AS "declineReason", sent_at AS "sentAt",
   responded_at AS "respondedAt", responded_by AS "respondedBy", consent_id AS "consentId", withdrawal_reason AS "withdrawalReason",
   withdrawn_at AS "withdrawnAt", acknowledged_at AS "acknowledgedAt", acknowledged_by AS "acknowledgedBy", decline_text AS "declineText",
   started_at AS "startedAt", started_by AS "startedBy", ended_at AS "endedAt", ended_by AS "endedBy", exit_destination AS "exitDestination",
   outcome, to_unit_id AS "toUnitId", to_char(acknowledge_by, 'YYYY-MM-DD') AS "acknowledgeBy", to_char(answer_by, 'YYYY-MM-DD') AS "answerBy",
   to_char(start_by, 'YYYY-MM-DD') AS "startBy", start_days AS "startDays", shared_fields AS "sharedFields", external, legal_basis AS "legalBasis", version`,
);

/** The organisation's inbox (incoming) or outbox (outgoing), narrowed as the filter says. */
export interface ReferralBox {
  organisationId: string;
  direction: ReferralDirection;
  unitId?: string;
  targetGroup?: TargetGroup;
  supportResourceId?: string;
  municipalityCode?: MunicipalityCode;
}

function boxWhere(box: ReferralBox): Prisma.ReferralWhereInput {
  const incoming = box.direction === 'incoming';
  return {
    ...(incoming ? { toOrganisationId: box.organisationId } : { fromOrganisationId: box.organisationId }),
    ...(box.unitId ? (incoming ? { toUnitId: box.unitId } : { fromUnitId: box.unitId }) : {}),
    ...(box.targetGroup ? { targetGroup: box.targetGroup } : {}),
    ...(box.supportResourceId ? { supportResourceId: box.supportResourceId } : {}),
    ...(box.municipalityCode ? { municipalityCode: box.municipalityCode } : {}),
  };
}

/** A referral waiting for a step whose last day is before `today`: the same rule as `overdueStep`. */
function overdueWhere(today: string): Prisma.ReferralWhereInput {
  const before = { lt: toDateColumn(today) };
  return {
    OR: (Object.keys(stepDeadlines) as ReferralStep[]).map((step) => ({
      status: { in: [...stepDeadlines[step].waitsIn] },
      [stepDeadlines[step].due]: before,
    })),
  };
}

/** The calendar day after `date`, or null. */
const dayAfter = (date: string | null): string | null => (date ? nextCalendarDay(date) : null);

/** A row as `referralColumns` reads it: the dates already as text. */
type ReferralRow = Omit<Referral, 'acknowledgeBy' | 'answerBy' | 'startBy'> & { acknowledgeBy: string | null; answerBy: string | null; startBy: string | null };

function toRecord(row: ReferralRow): ReferralRecord {
  return {
    ...row,
    municipalityCode: row.municipalityCode as MunicipalityCode,
    targetGroup: row.targetGroup as TargetGroup,
    gender: row.gender as Gender,
    status: row.status as ReferralStatus,
    declineReason: row.declineReason as DeclineReason | null,
    withdrawalReason: row.withdrawalReason as ReferralWithdrawalReason | null,
    exitDestination: row.exitDestination as ExitDestination | null,
    outcome: row.outcome as ReferralOutcome | null,
    sharedFields: row.sharedFields as ReferralSharedField[],
    legalBasis: row.legalBasis as ReferralBasis,
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
    record: Pick<
      ReferralRecord,
      | 'id'
      | 'caseId'
      | 'fromOrganisationId'
      | 'fromUnitId'
      | 'sentBy'
      | 'toOrganisationId'
      | 'supportResourceId'
      | 'municipalityCode'
      | 'targetGroup'
      | 'gender'
      | 'status'
      | 'consentId'
      | 'version'
      | 'sentAt'
      | 'toUnitId'
      | 'acknowledgeBy'
      | 'answerBy'
      | 'startDays'
      | 'sharedFields'
      | 'external'
      | 'legalBasis'
    >,
    events: EventEnvelope[],
  ): Promise<ReferralRecord> {
    const [row] = await this.outbox.withEvents<ReferralRow>(
      this.db,
      Prisma.sql`INSERT INTO referrals (id, case_id, from_organisation_id, from_unit_id, sent_by, to_organisation_id, support_resource_id,
                                        municipality_code, target_group, gender, status, consent_id, version, sent_at,
                                        to_unit_id, acknowledge_by, answer_by, start_days, deadline_check_on, shared_fields, external, legal_basis)
                 VALUES (${record.id}::uuid, ${record.caseId}::uuid, ${record.fromOrganisationId}::uuid, ${record.fromUnitId}::uuid,
                         ${record.sentBy}::uuid, ${record.toOrganisationId}::uuid, ${record.supportResourceId}::uuid, ${record.municipalityCode},
                         ${record.targetGroup}, ${record.gender}, ${record.status}, ${record.consentId}::uuid, ${record.version}, ${record.sentAt},
                         ${record.toUnitId}::uuid, ${record.acknowledgeBy}::date, ${record.answerBy}::date, ${record.startDays},
                         ${dayAfter(record.acknowledgeBy)}::date, ${record.sharedFields}::text[], ${record.external}, ${record.legalBasis})
                 RETURNING ${referralColumns}`,
      events,
    );
    return toRecord(row as ReferralRow);
  }

  async findById(id: string): Promise<ReferralRecord | null> {
    const [row] = await this.db.$queryRaw<ReferralRow[]>`SELECT ${referralColumns} FROM referrals WHERE id = ${id}::uuid`;
    return row ? toRecord(row) : null;
  }

  /**
   * Moves a referral to `next` (the whole record as it is after the step, built by the caller, who
   * also built its events from it), if nobody changed it since `expectedVersion` was read. Returns
   * null when someone did (the caller lost the race); then nothing is written.
   */
  async transition(next: ReferralRecord, expectedVersion: number, events: EventEnvelope[]): Promise<ReferralRecord | null> {
    const [row] = await this.outbox.withEvents<ReferralRow>(
      this.db,
      Prisma.sql`UPDATE referrals
                    SET status = ${next.status}, version = ${next.version},
                        acknowledged_at = ${next.acknowledgedAt}, acknowledged_by = ${next.acknowledgedBy}::uuid,
                        responded_at = ${next.respondedAt}, responded_by = ${next.respondedBy}::uuid,
                        decline_reason = ${next.declineReason}, decline_text = ${next.declineText},
                        started_at = ${next.startedAt}, started_by = ${next.startedBy}::uuid,
                        ended_at = ${next.endedAt}, ended_by = ${next.endedBy}::uuid,
                        exit_destination = ${next.exitDestination}, outcome = ${next.outcome},
                        withdrawal_reason = ${next.withdrawalReason}, withdrawn_at = ${next.withdrawnAt}, start_by = ${next.startBy}::date,
                        -- Accepting sets the deadline to start: the job looks again the day after it.
                        deadline_check_on = CASE WHEN ${next.startBy}::date IS DISTINCT FROM start_by THEN ${dayAfter(next.startBy)}::date ELSE deadline_check_on END
                  WHERE id = ${next.id}::uuid AND version = ${expectedVersion}
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
    const rows = await this.db.$queryRaw<ReferralRow[]>`
      WITH open AS (
        SELECT id AS open_id FROM referrals
         WHERE consent_id = ${consentId}::uuid AND case_id = ${caseId}::uuid AND status = ANY(${[...openStatuses]}::text[])
         ORDER BY id FOR UPDATE)
      UPDATE referrals
         SET status = 'withdrawn', withdrawal_reason = ${reason}, withdrawn_at = now(), ended_at = now(), version = version + 1
        FROM open WHERE id = open_id
      RETURNING ${referralColumns}`;
    return rows.map(toRecord);
  }

  /**
   * Referrals whose deadline day has come (`deadline_check_on`), oldest first, locked for this
   * run; rows another replica holds are skipped, not waited for.
   */
  async claimPastDeadline(today: string, take: number): Promise<ReferralRecord[]> {
    const rows = await this.db.$queryRaw<ReferralRow[]>`
      SELECT ${referralColumns} FROM referrals
       WHERE deadline_check_on <= ${today}::date
       ORDER BY deadline_check_on, id
       LIMIT ${take}
       FOR UPDATE SKIP LOCKED`;
    return rows.map(toRecord);
  }

  /** Bookkeeping, not a change of state: the version stays. */
  async setDeadlineCheck(id: string, on: string | null): Promise<void> {
    await this.db.$executeRaw`UPDATE referrals SET deadline_check_on = ${on}::date WHERE id = ${id}::uuid`;
  }

  /** Records that the step escalated at the level; false when it had already (this level fires once). */
  async recordEscalation(referralId: string, step: string, level: number): Promise<boolean> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO referral_escalations (referral_id, step, level) VALUES (${referralId}::uuid, ${step}, ${level}) ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  async escalationsOf(referralId: string): Promise<Array<{ step: string; level: number }>> {
    return this.db.$queryRaw`SELECT step, level FROM referral_escalations WHERE referral_id = ${referralId}::uuid`;
  }

  /** Newest first: sorted by sentAt, then id, both descending (keyset pagination). */
  async list(filter: ReferralBox & { status?: ReferralStatus; overdue?: boolean; today: string; after?: Cursor; take: number }): Promise<ReferralRecord[]> {
    const after = filter.after ? new Date(filter.after.key) : undefined;
    const rows = await this.db.referral.findMany({
      where: {
        AND: [
          boxWhere(filter),
          filter.status ? { status: filter.status } : {},
          filter.overdue === undefined ? {} : filter.overdue ? overdueWhere(filter.today) : { NOT: overdueWhere(filter.today) },
          // The `lte` alone bounds the index scan; the OR then only settles ties at the cursor's instant.
          after && filter.after ? { sentAt: { lte: after }, OR: [{ sentAt: { lt: after } }, { id: { lt: filter.after.id } }] } : {},
        ],
      },
      orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
    });
    return rows.map((row) =>
      toRecord({
        ...row,
        acknowledgeBy: row.acknowledgeBy && fromDateColumn(row.acknowledgeBy),
        answerBy: row.answerBy && fromDateColumn(row.answerBy),
        startBy: row.startBy && fromDateColumn(row.startBy),
      }),
    );
  }

  /**
   * How many referrals of the box are in each status, and how many are overdue today. Referrals
   * still waiting for a step are counted from their index; those that ended, however many, are
   * added up from `referral_final_counts`, which the database keeps as each one ends. The three
   * are read side by side, each at its own instant: a referral ending meanwhile may show in both
   * its old and its new status until the next read.
   */
  async counts(box: ReferralBox, today: string): Promise<{ byStatus: Map<string, number>; overdue: number }> {
    const [live, ended, overdue] = await Promise.all([
      this.db.referral.groupBy({ by: ['status'], where: { AND: [boxWhere(box), { status: { in: [...liveStatuses] } }] }, _count: { _all: true } }),
      this.db.referralFinalCount.groupBy({
        by: ['status'],
        where: {
          organisationId: box.organisationId,
          direction: box.direction,
          ...(box.unitId ? { unitId: box.unitId } : {}),
          ...(box.targetGroup ? { targetGroup: box.targetGroup } : {}),
          ...(box.supportResourceId ? { supportResourceId: box.supportResourceId } : {}),
          ...(box.municipalityCode ? { municipalityCode: box.municipalityCode } : {}),
        },
        _sum: { count: true },
      }),
      this.db.referral.count({ where: { AND: [boxWhere(box), overdueWhere(today)] } }),
    ]);
    return {
      byStatus: new Map([
        ...live.map((group) => [group.status, group._count._all] as const),
        ...ended.map((group) => [group.status, group._sum.count ?? 0] as const),
      ]),
      overdue,
    };
  }
}
