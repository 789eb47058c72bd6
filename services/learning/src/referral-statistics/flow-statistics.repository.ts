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

/** One group's durations, to a tenth of a day: how many referrals took each. */
export interface GroupDurations {
  keys: string[];
  tenths: Array<{ tenthsOfADay: number; count: number }>;
}

/** The day (in Sweden) of the step that places a referral in the period. */
const periodColumns: Record<StatisticsPeriodBasis, string> = {
  [StatisticsPeriodBasis.Sent]: 'f.sent_on',
  [StatisticsPeriodBasis.Started]: 'f.started_on',
  [StatisticsPeriodBasis.Ended]: 'f.ended_on',
};

/**
 * Statistics scan a period of figures once and group them in memory: on a small machine the
 * workers of a parallel plan cost more to start than they save.
 */
const serialPlan = 'SET LOCAL max_parallel_workers_per_gather = 0';

/**
 * A table is counted in two steps. The scan of a period's figures groups them by their own
 * columns (enums, uuids and days, hashed by their bytes, with no join and no text per referral);
 * the groups, a few thousand at most, are then joined with what learning knows of the directory
 * and grouped again by the dimensions as the API names them. A dimension says which of the
 * figures' columns it needs (`of`) and how to name it from them and the joins (`named`).
 */
interface DimensionSource {
  of: string[];
  named: (g: string) => string;
  joins?: Join[];
}

/** The directory joined to the grouped figures `g`, in the order they depend on each other. */
const joinOrder = ['sr', 'u', 'rn', 'fo', 'tor'] as const;
type Join = (typeof joinOrder)[number];
const joinClauses: Record<Join, string> = {
  sr: 'LEFT JOIN support_resources sr ON sr.resource_id = g.support_resource_id',
  u: 'LEFT JOIN units u ON u.unit_id = coalesce(sr.unit_id, g.to_unit_id)',
  // One row per need the resource addresses, none without a resource.
  rn: 'LEFT JOIN support_resource_needs rn ON rn.resource_id = g.support_resource_id',
  fo: 'LEFT JOIN organisations fo ON fo.organisation_id = g.from_organisation_id',
  tor: 'LEFT JOIN organisations tor ON tor.organisation_id = g.to_organisation_id',
};

const own = (column: string, missing?: string): DimensionSource => ({
  of: [column],
  named: (g) => (missing ? `coalesce(${g}.${column}::text, '${missing}')` : `${g}.${column}::text`),
});

function dimensionSource(dimension: StatisticsDimension): DimensionSource {
  switch (dimension) {
    case StatisticsDimension.Municipality:
      return own('municipality');
    case StatisticsDimension.TargetGroup:
      return own('target_group');
    case StatisticsDimension.Gender:
      return own('gender');
    case StatisticsDimension.Status:
      return own('status');
    case StatisticsDimension.Outcome:
      return own('outcome', 'none');
    case StatisticsDimension.ExitDestination:
      return own('exit_destination', 'none');
    case StatisticsDimension.DeclineReason:
      return own('decline_reason', 'none');
    case StatisticsDimension.SupportResource:
      return own('support_resource_id', 'none');
    case StatisticsDimension.Need:
      return { of: ['support_resource_id'], joins: ['rn'], named: () => "coalesce(rn.need, 'none')" };
    case StatisticsDimension.ResourceMunicipality:
      return { of: ['support_resource_id', 'to_unit_id'], joins: ['sr', 'u'], named: () => "coalesce(u.municipality_code, 'unknown')" };
    case StatisticsDimension.FromOrganisationType:
      return { of: ['from_organisation_id'], joins: ['fo'], named: () => "coalesce(fo.type, 'unknown')" };
    case StatisticsDimension.ToOrganisationType:
      return { of: ['to_organisation_id'], joins: ['tor'], named: () => "coalesce(tor.type, 'unknown')" };
    case StatisticsDimension.Quarter:
      return { of: ['day'], named: (g) => `to_char(date_trunc('quarter', ${g}.day), 'YYYY-"Q"Q')` };
    case StatisticsDimension.Month:
      return { of: ['day'], named: (g) => `to_char(${g}.day, 'YYYY-MM')` };
  }
}

/** Each duration in days, kept with the figures; a referral that did not take the step has none. */
const durationOf: Record<DurationMeasure, { days: string; taken: string }> = {
  [DurationMeasure.TimeToAnswer]: { days: 'f.answer_days', taken: 'f.answer_days IS NOT NULL' },
  [DurationMeasure.TimeToStart]: { days: 'f.start_days', taken: 'f.start_days IS NOT NULL' },
  [DurationMeasure.TimeInResource]: {
    days: 'f.in_resource_days',
    taken: `f.in_resource_days IS NOT NULL AND f.status IN ('${ReferralStatus.Completed}', '${ReferralStatus.Interrupted}')`,
  },
};

const numbered = (count: number, from = 1) => Array.from({ length: count }, (_, index) => index + from).join(', ');

/** A statistic's query: which figures' columns to group by, the directory to join, the names of the dimensions. */
interface Plan {
  inner: string[];
  joins: Join[];
  named: string[];
  outerConditions: Prisma.Sql[];
}

/**
 * Counts and durations of the referral flow from `referral_figures` (the facts, narrow), joined
 * with what learning knows of the directory: organisations (their types), support resources
 * (their units and the needs they address) and units (where they are).
 */
@Injectable()
export class FlowStatisticsRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async counts(scope: FlowScope, rows: StatisticsDimension[], column: StatisticsDimension | null): Promise<GroupCount[]> {
    const dimensions = column ? [...rows, column] : rows;
    const found = await this.countInTwoSteps<Record<string, string>>(scope, dimensions);
    return found.map((row) => ({
      keys: rows.map((_, index) => row[`d${index}`] as string),
      column: column ? (row[`d${rows.length}`] as string) : null,
      count: row.count,
    }));
  }

  /** How many referrals of each group took each duration, to a tenth of a day (percentiles are taken from these). */
  async durations(scope: FlowScope, rows: StatisticsDimension[], measure: DurationMeasure): Promise<GroupDurations[]> {
    const { days, taken } = durationOf[measure];
    const found = await this.countInTwoSteps<Record<string, string> & { tenths: number }>(scope, rows, { tenths: `round(${days} * 10)::int`, taken });
    const groups = new Map<string, GroupDurations>();
    for (const row of found) {
      const keys = rows.map((_, index) => row[`d${index}`] as string);
      const key = JSON.stringify(keys);
      const group = groups.get(key) ?? { keys, tenths: [] };
      group.tenths.push({ tenthsOfADay: row.tenths, count: row.count });
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  /**
   * The referrals of the scope counted per combination of the dimensions (named `d0`, `d1` …), and
   * per tenth of a day of a duration when one is given (`tenths`, over the referrals that `taken`).
   */
  private countInTwoSteps<TRow>(
    scope: FlowScope,
    dimensions: StatisticsDimension[],
    duration?: { tenths: string; taken: string },
  ): Promise<Array<TRow & { count: number }>> {
    const plan = this.plan(scope, dimensions);
    const inner = [...plan.inner, ...(duration ? [`${duration.tenths} AS tenths`] : [])];
    const outer = [...plan.named.map((name, index) => `${name} AS d${index}`), ...(duration ? ['g.tenths'] : [])];
    const groupedBy = (count: number) => (count > 0 ? Prisma.raw(`GROUP BY ${numbered(count)}`) : Prisma.empty);
    return this.serially(
      () => this.db.$queryRaw<Array<TRow & { count: number }>>`
      SELECT ${Prisma.raw([...outer, 'sum(g.n)::int AS count'].join(', '))}
        FROM (SELECT ${Prisma.raw([...inner, 'count(*) AS n'].join(', '))}
                FROM referral_figures f
               WHERE ${this.where(scope)} ${duration ? Prisma.raw(`AND ${duration.taken}`) : Prisma.empty}
               ${groupedBy(inner.length)}) AS g
        ${Prisma.raw(plan.joins.map((join) => joinClauses[join]).join('\n'))}
       WHERE ${plan.outerConditions.length > 0 ? Prisma.join(plan.outerConditions, ' AND ') : Prisma.sql`true`}
       ${groupedBy(outer.length)}`,
    );
  }

  /** The query on a serial plan: in the caller's transaction when there is one, else in one of its own for the setting. */
  private serially<T>(read: () => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(async () => {
      await this.db.$executeRawUnsafe(serialPlan);
      return read();
    });
  }

  /**
   * What the dimensions and the filters on the directory need: the figures' columns to group by
   * (the day of the period's step as `day`), the joins in their order, and the conditions on the joined rows.
   */
  private plan(scope: FlowScope, dimensions: StatisticsDimension[]): Plan {
    const sources = dimensions.map(dimensionSource);
    const columns = new Set(sources.flatMap((source) => source.of));
    const joins = new Set<Join>(sources.flatMap((source) => source.joins ?? []));
    const outerConditions: Prisma.Sql[] = [];
    if (scope.resourceMunicipalityCode) {
      ['support_resource_id', 'to_unit_id'].forEach((column) => columns.add(column));
      ['sr', 'u'].forEach((join) => joins.add(join as Join));
      outerConditions.push(Prisma.sql`u.municipality_code = ${scope.resourceMunicipalityCode}`);
    }
    if (scope.need) {
      columns.add('support_resource_id');
      joins.add('rn');
      outerConditions.push(Prisma.sql`rn.need = ${scope.need}`);
    }
    if (scope.fromOrganisationType) {
      columns.add('from_organisation_id');
      joins.add('fo');
      outerConditions.push(Prisma.sql`fo.type = ${scope.fromOrganisationType}`);
    }
    if (scope.toOrganisationType) {
      columns.add('to_organisation_id');
      joins.add('tor');
      outerConditions.push(Prisma.sql`tor.type = ${scope.toOrganisationType}`);
    }
    const period = periodColumns[scope.periodBasis];
    return {
      inner: [...columns].map((column) => (column === 'day' ? `${period} AS day` : `f.${column}`)),
      joins: joinOrder.filter((join) => joins.has(join)),
      named: sources.map((source) => source.named('g')),
      outerConditions,
    };
  }

  /** The conditions on the figures themselves. */
  private where(scope: FlowScope): Prisma.Sql {
    const period = Prisma.raw(periodColumns[scope.periodBasis]);
    const conditions: Prisma.Sql[] = [Prisma.sql`${period} BETWEEN ${scope.from}::date AND ${scope.to}::date`];
    if (scope.municipalityCode) conditions.push(Prisma.sql`f.municipality = ${scope.municipalityCode}::stat_municipality`);
    if (scope.targetGroup) conditions.push(Prisma.sql`f.target_group = ${scope.targetGroup}::stat_target_group`);
    if (scope.gender) conditions.push(Prisma.sql`f.gender = ${scope.gender}::stat_gender`);
    if (scope.supportResourceId) conditions.push(Prisma.sql`f.support_resource_id = ${scope.supportResourceId}::uuid`);
    if (scope.status) conditions.push(Prisma.sql`f.status = ${scope.status}::stat_status`);
    if (scope.statuses) conditions.push(Prisma.sql`f.status = ANY(${scope.statuses}::stat_status[])`);
    if (scope.organisationId) {
      conditions.push(Prisma.sql`(f.from_organisation_id = ${scope.organisationId}::uuid OR f.to_organisation_id = ${scope.organisationId}::uuid)`);
    }
    return Prisma.join(conditions, ' AND ');
  }
}
