import { Injectable } from '@nestjs/common';
import {
  DurationMeasure,
  ReferralStatus,
  StatisticsDimension,
  StatisticsPeriodBasis,
  type Gender,
  type MunicipalityCode,
  type OrganisationType,
  type SupportNeed,
  type TargetGroup,
} from '@samverkan/contracts';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';
import { Prisma } from '../generated/prisma/client';

/** Which referrals a statistic counts. */
export interface FlowScope {
  from: string;
  to: string;
  periodBasis: StatisticsPeriodBasis;
  municipalityCode?: MunicipalityCode;
  resourceMunicipalityCode?: MunicipalityCode;
  targetGroup?: TargetGroup;
  gender?: Gender;
  need?: SupportNeed;
  supportResourceId?: string;
  fromOrganisationType?: OrganisationType;
  toOrganisationType?: OrganisationType;
  status?: ReferralStatus;
  /** Only referrals in one of these statuses. */
  statuses?: ReferralStatus[];
  /** Only what this organisation sent or received. */
  organisationId?: string;
}

/** One group's count: the values of the row dimensions, and of the column dimension when there is one. */
export interface GroupCount {
  keys: string[];
  column: string | null;
  count: number;
}

export interface GroupDuration {
  keys: string[];
  basis: number;
  medianDays: number | null;
  p90Days: number | null;
}

const periodColumns: Record<StatisticsPeriodBasis, string> = {
  [StatisticsPeriodBasis.Sent]: 'f.sent_at',
  [StatisticsPeriodBasis.Started]: 'f.started_at',
  [StatisticsPeriodBasis.Ended]: 'f.ended_at',
};

const inSweden = (column: string) => `(${column} AT TIME ZONE 'Europe/Stockholm')`;

/**
 * Statistics scan a period of facts once and group them in memory: on a small machine the workers
 * of a parallel plan cost more to start than they save.
 */
const serialPlan = 'SET LOCAL max_parallel_workers_per_gather = 0';

/** Each dimension as an SQL expression over the fact `f` and its joins; never built from input. */
function dimensionExpression(dimension: StatisticsDimension, periodColumn: string): string {
  switch (dimension) {
    case StatisticsDimension.Municipality:
      return 'f.municipality_code';
    case StatisticsDimension.ResourceMunicipality:
      return "coalesce(u.municipality_code, 'unknown')";
    case StatisticsDimension.TargetGroup:
      return 'f.target_group';
    case StatisticsDimension.Gender:
      return 'f.gender';
    case StatisticsDimension.Need:
      return "coalesce(rn.need, 'none')";
    case StatisticsDimension.FromOrganisationType:
      return "coalesce(fo.type, 'unknown')";
    case StatisticsDimension.ToOrganisationType:
      return "coalesce(tor.type, 'unknown')";
    case StatisticsDimension.SupportResource:
      return "coalesce(f.support_resource_id::text, 'none')";
    case StatisticsDimension.Status:
      return 'f.status';
    case StatisticsDimension.Outcome:
      return "coalesce(f.outcome, 'none')";
    case StatisticsDimension.ExitDestination:
      return "coalesce(f.exit_destination, 'none')";
    case StatisticsDimension.DeclineReason:
      return "coalesce(f.decline_reason, 'none')";
    // Grouped by the instant the quarter or month begins (cheaper per row than a text), named once grouped.
    case StatisticsDimension.Quarter:
      return `date_trunc('quarter', ${periodColumn}, 'Europe/Stockholm')`;
    case StatisticsDimension.Month:
      return `date_trunc('month', ${periodColumn}, 'Europe/Stockholm')`;
  }
}

/** A dimension's value as the API names it, from its grouped value `column`. */
function dimensionValue(dimension: StatisticsDimension, column: string): string {
  switch (dimension) {
    case StatisticsDimension.Quarter:
      return `to_char(${inSweden(column)}, 'YYYY-"Q"Q')`;
    case StatisticsDimension.Month:
      return `to_char(${inSweden(column)}, 'YYYY-MM')`;
    default:
      return column;
  }
}

const groupBy = (dimensions: number): Prisma.Sql =>
  dimensions > 0 ? Prisma.raw(`GROUP BY ${Array.from({ length: dimensions }, (_, index) => index + 1).join(', ')}`) : Prisma.empty;

/** The days between two instants, as a number. */
const days = (from: string, to: string) => `extract(epoch FROM ${to} - ${from}) / 86400`;

const durationOf: Record<DurationMeasure, { expression: string; taken: string }> = {
  [DurationMeasure.TimeToAnswer]: { expression: days('f.sent_at', 'f.answered_at'), taken: 'f.answered_at IS NOT NULL' },
  [DurationMeasure.TimeToStart]: { expression: days('f.sent_at', 'f.started_at'), taken: 'f.started_at IS NOT NULL' },
  [DurationMeasure.TimeInResource]: {
    expression: days('f.started_at', 'f.ended_at'),
    taken: `f.started_at IS NOT NULL AND f.ended_at IS NOT NULL AND f.status IN ('${ReferralStatus.Completed}', '${ReferralStatus.Interrupted}')`,
  },
};

/**
 * Counts and durations of the referral flow from `referral_facts`, joined with what learning
 * knows of the directory: organisations (their types), support resources (the needs they address)
 * and units (where they are).
 */
@Injectable()
export class FlowStatisticsRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async counts(scope: FlowScope, rows: StatisticsDimension[], column: StatisticsDimension | null): Promise<GroupCount[]> {
    const dimensions = column ? [...rows, column] : rows;
    const periodColumn = periodColumns[scope.periodBasis];
    const grouped = dimensions.map((dimension, index) => `${dimensionExpression(dimension, periodColumn)} AS d${index}`);
    const named = dimensions.map((dimension, index) => `${dimensionValue(dimension, `g.d${index}`)} AS d${index}`);
    const found = await this.serially(
      () => this.db.$queryRaw<Array<Record<string, string> & { count: number }>>`
      SELECT ${Prisma.raw([...named, 'g.count'].join(', '))}
        FROM (SELECT ${Prisma.raw([...grouped, 'count(*)::int AS count'].join(', '))}
                FROM referral_facts f ${this.joins(dimensions, scope)}
               WHERE ${this.where(scope, dimensions)}
               ${groupBy(dimensions.length)}) AS g`,
    );
    return found.map((row) => ({
      keys: rows.map((_, index) => row[`d${index}`] as string),
      column: column ? (row[`d${rows.length}`] as string) : null,
      count: row.count,
    }));
  }

  async durations(scope: FlowScope, rows: StatisticsDimension[], measure: DurationMeasure): Promise<GroupDuration[]> {
    const periodColumn = periodColumns[scope.periodBasis];
    const { expression, taken } = durationOf[measure];
    const grouped = rows.map((dimension, index) => `${dimensionExpression(dimension, periodColumn)} AS d${index}`);
    const named = rows.map((dimension, index) => `${dimensionValue(dimension, `g.d${index}`)} AS d${index}`);
    const found = await this.serially(
      () => this.db.$queryRaw<Array<Record<string, string> & { basis: number; medianDays: number | null; p90Days: number | null }>>`
      SELECT ${Prisma.raw([...named, 'g.basis', 'g."medianDays"', 'g."p90Days"'].join(', '))}
        FROM (SELECT ${Prisma.raw(
          [
            ...grouped,
            'count(*)::int AS basis',
            `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expression}) AS "medianDays"`,
            `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${expression}) AS "p90Days"`,
          ].join(', '),
        )}
                FROM referral_facts f ${this.joins(rows, scope)}
               WHERE ${this.where(scope, rows)} AND ${Prisma.raw(taken)}
               ${groupBy(rows.length)}) AS g`,
    );
    return found.map((row) => ({
      keys: rows.map((_, index) => row[`d${index}`] as string),
      basis: row.basis,
      medianDays: row.medianDays === null ? null : Number(row.medianDays),
      p90Days: row.p90Days === null ? null : Number(row.p90Days),
    }));
  }

  /** The query on a serial plan: in the caller's transaction when there is one, else in one of its own for the setting. */
  private serially<T>(read: () => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(async () => {
      await this.db.$executeRawUnsafe(serialPlan);
      return read();
    });
  }

  /** Only the joins the dimensions and filters need, so a plain count reads the facts alone. */
  private joins(dimensions: StatisticsDimension[], scope: FlowScope): Prisma.Sql {
    const uses = (dimension: StatisticsDimension) => dimensions.includes(dimension);
    const needsUnits = uses(StatisticsDimension.ResourceMunicipality) || scope.resourceMunicipalityCode !== undefined;
    const needsResources = needsUnits || (scope.need !== undefined && !uses(StatisticsDimension.Need));
    const joins: string[] = [];
    if (needsResources) joins.push('LEFT JOIN support_resources sr ON sr.resource_id = f.support_resource_id');
    if (needsUnits) joins.push('LEFT JOIN units u ON u.unit_id = coalesce(sr.unit_id, f.to_unit_id)');
    // One row per need the resource addresses (none without a resource): a join, not an unnest per fact.
    if (uses(StatisticsDimension.Need)) joins.push('LEFT JOIN support_resource_needs rn ON rn.resource_id = f.support_resource_id');
    if (uses(StatisticsDimension.FromOrganisationType) || scope.fromOrganisationType !== undefined) {
      joins.push('LEFT JOIN organisations fo ON fo.organisation_id = f.from_organisation_id');
    }
    if (uses(StatisticsDimension.ToOrganisationType) || scope.toOrganisationType !== undefined) {
      joins.push('LEFT JOIN organisations tor ON tor.organisation_id = f.to_organisation_id');
    }
    return Prisma.raw(joins.join('\n'));
  }

  private where(scope: FlowScope, dimensions: StatisticsDimension[]): Prisma.Sql {
    const period = Prisma.raw(periodColumns[scope.periodBasis]);
    const conditions: Prisma.Sql[] = [
      Prisma.sql`${period} >= (${scope.from}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'`,
      Prisma.sql`${period} < (${scope.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm'`,
    ];
    if (scope.municipalityCode) conditions.push(Prisma.sql`f.municipality_code = ${scope.municipalityCode}`);
    if (scope.resourceMunicipalityCode) conditions.push(Prisma.sql`u.municipality_code = ${scope.resourceMunicipalityCode}`);
    if (scope.targetGroup) conditions.push(Prisma.sql`f.target_group = ${scope.targetGroup}`);
    if (scope.gender) conditions.push(Prisma.sql`f.gender = ${scope.gender}`);
    if (scope.need) {
      conditions.push(
        dimensions.includes(StatisticsDimension.Need) ? Prisma.sql`rn.need = ${scope.need}` : Prisma.sql`${scope.need} = ANY(sr.addresses_needs)`,
      );
    }
    if (scope.supportResourceId) conditions.push(Prisma.sql`f.support_resource_id = ${scope.supportResourceId}::uuid`);
    if (scope.fromOrganisationType) conditions.push(Prisma.sql`fo.type = ${scope.fromOrganisationType}`);
    if (scope.toOrganisationType) conditions.push(Prisma.sql`tor.type = ${scope.toOrganisationType}`);
    if (scope.status) conditions.push(Prisma.sql`f.status = ${scope.status}`);
    if (scope.statuses) conditions.push(Prisma.sql`f.status = ANY(${scope.statuses}::text[])`);
    if (scope.organisationId) {
      conditions.push(Prisma.sql`(f.from_organisation_id = ${scope.organisationId}::uuid OR f.to_organisation_id = ${scope.organisationId}::uuid)`);
    }
    return Prisma.join(conditions, ' AND ');
  }
}
