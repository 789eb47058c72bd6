import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsNotLessThan, IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { DeclineReason, ExitDestination, Gender, OrganisationType, ReferralOutcome, ReferralStatus, SupportNeed, TargetGroup } from '../vocabulary';
import { TrackingFigure, TrackingFormat } from './municipality-tracking';

/*
 * Anonymised statistics of the referral flow, counted by learning from referrals' events and the
 * directory's (never from a person's data): any table of referrals grouped by the dimensions
 * below, for a period, with every small count suppressed so that no figure points at a person.
 */

/** What referrals can be grouped and filtered by. */
export const StatisticsDimension = {
  /** The municipality the person lives in. */
  Municipality: 'municipality',
  /** The municipality of the unit that gives the support (its resource's unit, else the receiving unit); `unknown` when not known. */
  ResourceMunicipality: 'resourceMunicipality',
  TargetGroup: 'targetGroup',
  Gender: 'gender',
  /**
   * The need the support addresses (the resource's needs); a referral to a resource that addresses
   * several is counted once under each, `none` without a resource.
   */
  Need: 'need',
  FromOrganisationType: 'fromOrganisationType',
  ToOrganisationType: 'toOrganisationType',
  /** The support resource's id; `none` for a referral to an organisation or unit without one. */
  SupportResource: 'supportResource',
  Status: 'status',
  /** Of completed referrals; `none` for the rest. */
  Outcome: 'outcome',
  /** Of ended referrals; `none` for the rest. */
  ExitDestination: 'exitDestination',
  /** Of declined referrals; `none` for the rest. */
  DeclineReason: 'declineReason',
  /** The quarter (`2026-Q3`) or month (`2026-07`) of the date the period is counted by. */
  Quarter: 'quarter',
  Month: 'month',
} as const;
export type StatisticsDimension = (typeof StatisticsDimension)[keyof typeof StatisticsDimension];
export const statisticsDimensions = Object.values(StatisticsDimension);

/** The values a coded dimension can take, in the order tables show them; the others show the values found. */
export const dimensionValues: Partial<Record<StatisticsDimension, readonly string[]>> = {
  [StatisticsDimension.Municipality]: municipalityCodes,
  [StatisticsDimension.TargetGroup]: Object.values(TargetGroup),
  [StatisticsDimension.Gender]: Object.values(Gender),
  [StatisticsDimension.Status]: Object.values(ReferralStatus),
  [StatisticsDimension.Outcome]: [...Object.values(ReferralOutcome), 'none'],
  [StatisticsDimension.ExitDestination]: [...Object.values(ExitDestination), 'none'],
  [StatisticsDimension.DeclineReason]: [...Object.values(DeclineReason), 'none'],
  [StatisticsDimension.FromOrganisationType]: [...Object.values(OrganisationType), 'unknown'],
  [StatisticsDimension.ToOrganisationType]: [...Object.values(OrganisationType), 'unknown'],
};

/** Which step's day puts a referral in the period: sent (every referral), started or ended (those that got there). */
export const StatisticsPeriodBasis = { Sent: 'sent', Started: 'started', Ended: 'ended' } as const;
export type StatisticsPeriodBasis = (typeof StatisticsPeriodBasis)[keyof typeof StatisticsPeriodBasis];

/** The most dimensions one table's rows are grouped by. */
export const mostRowDimensions = 3;

/** `a,b` or repeated parameters alike, as a list. */
const commaSeparated = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (value === '' ? [] : value.split(',').map((part) => part.trim())) : value));

/** The period and filters every statistic of the referral flow shares. */
export class StatisticsScopeQuery {
  /** First day of the period (Swedish calendar date). */
  @IsCalendarDate()
  from!: string;

  /** Last day of the period, included. */
  @IsCalendarDate()
  @IsNotLessThan('from')
  to!: string;

  @IsOmittable()
  @IsIn(Object.values(StatisticsPeriodBasis))
  periodBasis?: StatisticsPeriodBasis;

  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOmittable()
  @IsIn(municipalityCodes)
  resourceMunicipalityCode?: MunicipalityCode;

  @IsOmittable()
  @IsIn(Object.values(TargetGroup))
  targetGroup?: TargetGroup;

  @IsOmittable()
  @IsIn(Object.values(Gender))
  gender?: Gender;

  @IsOmittable()
  @IsIn(Object.values(SupportNeed))
  need?: SupportNeed;

  @IsOmittable()
  @IsUUID()
  supportResourceId?: string;

  @IsOmittable()
  @IsIn(Object.values(OrganisationType))
  fromOrganisationType?: OrganisationType;

  @IsOmittable()
  @IsIn(Object.values(OrganisationType))
  toOrganisationType?: OrganisationType;

  @IsOmittable()
  @IsIn(Object.values(ReferralStatus))
  status?: ReferralStatus;
}

/** A statistic whose rows are grouped by dimensions, as JSON or CSV. */
export class GroupedStatisticsQuery extends StatisticsScopeQuery {
  /** The dimensions each row is a combination of (`municipality,gender`); none gives one row of everything. */
  @IsOmittable()
  @commaSeparated()
  @IsArray()
  @ArrayMaxSize(mostRowDimensions)
  @ArrayUnique()
  @IsIn(statisticsDimensions, { each: true })
  rows?: StatisticsDimension[];

  @IsOmittable()
  @IsIn(Object.values(TrackingFormat))
  format?: TrackingFormat;
}

/** `GET /statistics/referrals`: a table of referral counts. */
export class ReferralStatisticsQuery extends GroupedStatisticsQuery {
  /** The dimension the columns are (`gender` splits every figure by gender); none gives one column of counts. */
  @IsOmittable()
  @IsIn(statisticsDimensions)
  columns?: StatisticsDimension;
}

/** How long a step took, in days. */
export const DurationMeasure = {
  /** From sending to the answer. */
  TimeToAnswer: 'timeToAnswer',
  /** From sending to the start. */
  TimeToStart: 'timeToStart',
  /** From the start to the end: time in the resource. */
  TimeInResource: 'timeInResource',
} as const;
export type DurationMeasure = (typeof DurationMeasure)[keyof typeof DurationMeasure];

/** `GET /statistics/referrals/durations`. */
export class ReferralDurationsQuery extends GroupedStatisticsQuery {
  @IsIn(Object.values(DurationMeasure))
  measure!: DurationMeasure;
}

/** One value of each row dimension, in the order of `rows`. */
export class StatisticsRowKey {
  @IsIn(statisticsDimensions)
  dimension!: StatisticsDimension;

  @IsString()
  value!: string;
}

export class StatisticsTableRow {
  @ValidateNested({ each: true })
  @Type(() => StatisticsRowKey)
  key!: StatisticsRowKey[];

  /** One per column, in the order of `columnValues`. */
  @ValidateNested({ each: true })
  @Type(() => TrackingFigure)
  cells!: TrackingFigure[];

  @ValidateNested()
  @Type(() => TrackingFigure)
  total!: TrackingFigure;
}

/** Who the figures cover: every referral, or those the reader's organisation sent or received. */
export const StatisticsCoverage = { All: 'all', OwnOrganisation: 'own_organisation' } as const;
export type StatisticsCoverage = (typeof StatisticsCoverage)[keyof typeof StatisticsCoverage];

/**
 * A table of referral counts with its totals. Counts from 1 to 4 are null with `suppressed`, and so
 * is the smallest other figure of any row or column that would otherwise give one away by
 * subtraction (complementary suppression).
 */
export class ReferralStatisticsTable {
  @IsArray()
  @IsIn(statisticsDimensions, { each: true })
  rowDimensions!: StatisticsDimension[];

  @IsOptional()
  @IsIn(statisticsDimensions)
  columnDimension!: StatisticsDimension | null;

  /** The columns' values; `["referrals"]` when the columns are not split. */
  @IsString({ each: true })
  columnValues!: string[];

  @ValidateNested({ each: true })
  @Type(() => StatisticsTableRow)
  rows!: StatisticsTableRow[];

  @ValidateNested({ each: true })
  @Type(() => TrackingFigure)
  columnTotals!: TrackingFigure[];

  @ValidateNested()
  @Type(() => TrackingFigure)
  total!: TrackingFigure;

  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;

  @IsIn(Object.values(StatisticsPeriodBasis))
  periodBasis!: StatisticsPeriodBasis;

  @IsIn(Object.values(StatisticsCoverage))
  coverage!: StatisticsCoverage;

  /** Counts below this are never shown. */
  @IsInt()
  smallestPublishedCount!: number;
}

export class DurationRow {
  @ValidateNested({ each: true })
  @Type(() => StatisticsRowKey)
  key!: StatisticsRowKey[];

  /** How many referrals the figures are computed over. */
  @ValidateNested()
  @Type(() => TrackingFigure)
  basis!: TrackingFigure;

  @IsOptional()
  @IsNumber()
  medianDays!: number | null;

  @IsOptional()
  @IsNumber()
  p90Days!: number | null;

  /** The median and 90th percentile are withheld: fewer than five referrals, or a basis that is. */
  @IsBoolean()
  suppressed!: boolean;
}

export class ReferralDurationsView {
  @IsIn(Object.values(DurationMeasure))
  measure!: DurationMeasure;

  @IsArray()
  @IsIn(statisticsDimensions, { each: true })
  rowDimensions!: StatisticsDimension[];

  @ValidateNested({ each: true })
  @Type(() => DurationRow)
  rows!: DurationRow[];

  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;

  @IsIn(Object.values(StatisticsPeriodBasis))
  periodBasis!: StatisticsPeriodBasis;

  @IsIn(Object.values(StatisticsCoverage))
  coverage!: StatisticsCoverage;
}

/** A period (Swedish calendar dates, `to` included) for the fixed views below. */
export class StatisticsPeriodQuery {
  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  @IsNotLessThan('from')
  to!: string;

  @IsOmittable()
  @IsIn(Object.values(TrackingFormat))
  format?: TrackingFormat;
}

/** `GET /statistics/support-resources/{resourceId}/follow-up`. */
export class SupportResourceFollowUpQuery extends StatisticsPeriodQuery {
  @IsUUID()
  supportResourceId!: string;
}

/**
 * Follow-up of one support resource in the manner of ESF's SUS register, derived from referrals'
 * events rather than typed in again: participants who started and who ended in the period by
 * gender, where those who ended went, their outcomes, and how long they were in the resource.
 */
export class SupportResourceFollowUpView {
  @IsUUID()
  supportResourceId!: string;

  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;

  /** Rows `started` and `ended`, columns by gender. */
  @ValidateNested()
  @Type(() => ReferralStatisticsTable)
  participants!: ReferralStatisticsTable;

  /** Those who ended in the period: exit destination × gender. */
  @ValidateNested()
  @Type(() => ReferralStatisticsTable)
  exitDestinations!: ReferralStatisticsTable;

  /** Those who completed in the period: outcome × gender. */
  @ValidateNested()
  @Type(() => ReferralStatisticsTable)
  outcomes!: ReferralStatisticsTable;

  /** Days from start to end of those who ended in the period, by gender. */
  @ValidateNested()
  @Type(() => ReferralDurationsView)
  timeInResource!: ReferralDurationsView;
}

/** `GET /statistics/commuting`: whether to split by gender as well. */
export class CommutingQuery extends StatisticsPeriodQuery {
  @IsOmittable()
  @IsIn(Object.values(Gender))
  gender?: Gender;
}

/**
 * The gender balance the pre-study asks about: where those who ended a support in the period went,
 * and who started which resource, each split by gender.
 */
export class GenderBalanceView {
  @ValidateNested()
  @Type(() => ReferralStatisticsTable)
  exitDestinations!: ReferralStatisticsTable;

  @ValidateNested()
  @Type(() => ReferralStatisticsTable)
  resources!: ReferralStatisticsTable;
}
