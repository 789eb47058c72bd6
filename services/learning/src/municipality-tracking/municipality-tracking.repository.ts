import { Injectable } from '@nestjs/common';
import { MunicipalityTrackingBy, ReferralStatus, type DeclineReason, type Gender, type MunicipalityCode, type TargetGroup } from '@samverkan/contracts';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';
import { Prisma } from '../generated/prisma/client';
import { deadlinesAhead, openStatuses, type Deadline } from './tracking-rules';

/** Which referrals to count: those sent in the period (Swedish calendar days) that are the municipality's. */
export interface TrackingScope {
  municipalityCode: MunicipalityCode;
  by: MunicipalityTrackingBy;
  /** The municipality's own organisations: what they sent and received. */
  organisationIds: string[];
  from: string;
  to: string;
  /** Today in Sweden, which overdue is judged against. */
  today: string;
}

/** One group's figures; a null target group or gender means every one of them together. */
export interface TrackingRow {
  targetGroup: TargetGroup | null;
  gender: Gender | null;
  referrals: number;
  sent: number;
  received: number;
  open: number;
  overdue: number;
  /** How many were answered, and the median and 90th percentile of the seconds from sending. */
  answered: number;
  answerMedianSeconds: number | null;
  answerP90Seconds: number | null;
  started: number;
  startMedianSeconds: number | null;
  startP90Seconds: number | null;
}

export interface DeclineReasonRow {
  targetGroup: TargetGroup;
  gender: Gender;
  reason: DeclineReason;
  count: number;
}

const deadlineColumns: Record<Deadline, string> = { acknowledgeBy: 'acknowledge_by', answerBy: 'answer_by', startBy: 'start_by' };

/** `deadlinesAhead` in SQL, against the date parameter `today`. */
function overdueCondition(today: string): Prisma.Sql {
  const branches = Object.entries(deadlinesAhead)
    .filter(([, deadlines]) => deadlines.length > 0)
    .map(
      ([status, deadlines]) =>
        Prisma.sql`(status = ${status} AND (${Prisma.join(
          deadlines.map((deadline) => Prisma.sql`${Prisma.raw(deadlineColumns[deadline])} < ${today}::date`),
          ' OR ',
        )}))`,
    );
  return Prisma.join(branches, ' OR ');
}

@Injectable()
export class MunicipalityTrackingRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** The referrals of the scope; the period's days run midnight to midnight in Sweden. */
  private where(scope: TrackingScope): Prisma.Sql {
    const organisations = Prisma.sql`${scope.organisationIds}::uuid[]`;
    const whose =
      scope.by === MunicipalityTrackingBy.Organisation
        ? Prisma.sql`(from_organisation_id = ANY(${organisations}) OR to_organisation_id = ANY(${organisations}))`
        : Prisma.sql`municipality_code = ${scope.municipalityCode}`;
    return Prisma.sql`${whose}
      AND sent_at >= (${scope.from}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'
      AND sent_at < (${scope.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm'`;
  }

  /** Figures per target group × gender, per target group, per gender and in all (one row each that has referrals). */
  async figures(scope: TrackingScope): Promise<TrackingRow[]> {
    const organisations = Prisma.sql`${scope.organisationIds}::uuid[]`;
    const answerSeconds = Prisma.sql`extract(epoch FROM answered_at - sent_at)`;
    const startSeconds = Prisma.sql`extract(epoch FROM started_at - sent_at)`;
    const rows = await this.db.$queryRaw<TrackingRow[]>`
      SELECT target_group AS "targetGroup", gender,
             count(*)::int AS referrals,
             count(*) FILTER (WHERE from_organisation_id = ANY(${organisations}))::int AS sent,
             count(*) FILTER (WHERE to_organisation_id = ANY(${organisations}))::int AS received,
             count(*) FILTER (WHERE status = ANY(${openStatuses}::text[]))::int AS open,
             count(*) FILTER (WHERE ${overdueCondition(scope.today)})::int AS overdue,
             count(answered_at)::int AS answered,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${answerSeconds}) AS "answerMedianSeconds",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY ${answerSeconds}) AS "answerP90Seconds",
             count(started_at)::int AS started,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${startSeconds}) AS "startMedianSeconds",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY ${startSeconds}) AS "startP90Seconds"
        FROM referral_facts
       WHERE ${this.where(scope)}
       GROUP BY GROUPING SETS ((target_group, gender), (target_group), (gender), ())`;
    return rows;
  }

  /** Declined referrals of the scope by target group, gender and reason. */
  async declineReasons(scope: TrackingScope): Promise<DeclineReasonRow[]> {
    return this.db.$queryRaw<DeclineReasonRow[]>`
      SELECT target_group AS "targetGroup", gender, decline_reason AS reason, count(*)::int AS count
        FROM referral_facts
       WHERE ${this.where(scope)} AND status = ${ReferralStatus.Declined} AND decline_reason IS NOT NULL
       GROUP BY target_group, gender, decline_reason`;
  }
}
