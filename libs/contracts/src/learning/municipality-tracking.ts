import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { IsCalendarDate, IsNotLessThan, IsOmittable, isCalendarDate } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { DeclineReason, Gender, TargetGroup } from '../vocabulary';

/*
 * Municipality tracking: what happened to the referrals of one municipality in a period, counted
 * from referrals' events in learning, split by target group and gender, with small counts
 * suppressed so that no figure points at a person.
 */

/**
 * Which referrals are the municipality's: those of the persons living there (the case's
 * municipality code, the default), or those its own organisation (the kommun) sent or received.
 */
export const MunicipalityTrackingBy = { Residence: 'residence', Organisation: 'organisation' } as const;
export type MunicipalityTrackingBy = (typeof MunicipalityTrackingBy)[keyof typeof MunicipalityTrackingBy];

export const TrackingFormat = { Json: 'json', Csv: 'csv' } as const;
export type TrackingFormat = (typeof TrackingFormat)[keyof typeof TrackingFormat];

/** The longest period one request may cover. */
export const longestTrackingPeriodYears = 2;

/** The last day of the longest period that starts on `from` (a calendar date): the day before the same date two years on. */
export function lastDayOfLongestTrackingPeriod(from: string): string {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  // 29 February rolls over to 1 March in a common year, whose day before is 28 February.
  const end = new Date(Date.UTC(year + longestTrackingPeriodYears, month - 1, day) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** `to` may not lie beyond the longest period from `from`; both must be calendar dates for the rule to apply. */
function IsWithinLongestTrackingPeriod(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isWithinLongestTrackingPeriod',
      target: target.constructor,
      propertyName: propertyKey.toString(),
      options: { message: `$property may be at most ${longestTrackingPeriodYears} years after from` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const from = (args.object as { from?: unknown }).from;
          if (!isCalendarDate(value) || !isCalendarDate(from)) return true;
          return value <= lastDayOfLongestTrackingPeriod(from);
        },
      },
    });
}

/** The query string of `GET /statistics/municipalities/{municipalityCode}/referrals`. */
export class MunicipalityReferralsHttpQuery {
  /** First day of the period (Swedish calendar date); a referral belongs to the day it was sent. */
  @IsCalendarDate()
  from!: string;

  /** Last day of the period, included; at most two years after `from`. */
  @IsCalendarDate()
  @IsNotLessThan('from')
  @IsWithinLongestTrackingPeriod()
  to!: string;

  @IsOmittable()
  @IsIn(Object.values(MunicipalityTrackingBy))
  by?: MunicipalityTrackingBy;

  /** `csv` for a spreadsheet; `Accept: text/csv` does the same. */
  @IsOmittable()
  @IsIn(Object.values(TrackingFormat))
  format?: TrackingFormat;
}

/** `learning.get-municipality-referrals`. */
export class GetMunicipalityReferralsQuery {
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  @IsNotLessThan('from')
  @IsWithinLongestTrackingPeriod()
  to!: string;

  @IsOmittable()
  @IsIn(Object.values(MunicipalityTrackingBy))
  by?: MunicipalityTrackingBy;
}

/** A count; null, and `suppressed`, when it is too small to publish or would reveal one that is. */
export class TrackingFigure {
  @IsOptional()
  @IsInt()
  @Min(0)
  value!: number | null;

  @IsBoolean()
  suppressed!: boolean;
}

/**
 * How long something took, in hours from sending: the median and the 90th percentile. Null when
 * no referral got that far; null and `suppressed` when fewer than five did.
 */
export class TrackingDuration {
  @IsOptional()
  @IsNumber()
  medianHours!: number | null;

  @IsOptional()
  @IsNumber()
  p90Hours!: number | null;

  @IsBoolean()
  suppressed!: boolean;
}

export class DeclineReasonFigure {
  @IsIn(Object.values(DeclineReason))
  reason!: DeclineReason;

  @IsOptional()
  @IsInt()
  @Min(0)
  value!: number | null;

  @IsBoolean()
  suppressed!: boolean;
}

/** Everything counted about one group of the municipality's referrals. */
export class TrackingMeasures {
  /** Referrals sent in the period that are the municipality's (see `by`). */
  @ValidateNested()
  @Type(() => TrackingFigure)
  referrals!: TrackingFigure;

  /** Of those, sent by the municipality's own organisation. */
  @ValidateNested()
  @Type(() => TrackingFigure)
  sent!: TrackingFigure;

  /** Of those, received by the municipality's own organisation. */
  @ValidateNested()
  @Type(() => TrackingFigure)
  received!: TrackingFigure;

  /** Not ended yet: sent, acknowledged, accepted or started. */
  @ValidateNested()
  @Type(() => TrackingFigure)
  open!: TrackingFigure;

  /** Open, and today (in Sweden) past the deadline of a step still to be taken. */
  @ValidateNested()
  @Type(() => TrackingFigure)
  overdue!: TrackingFigure;

  /** From sending to the answer (accepted or declined). */
  @ValidateNested()
  @Type(() => TrackingDuration)
  timeToAnswer!: TrackingDuration;

  /** From sending to the start at the receiver. */
  @ValidateNested()
  @Type(() => TrackingDuration)
  timeToStart!: TrackingDuration;

  /** Declined referrals by reason, every reason listed. */
  @ValidateNested({ each: true })
  @Type(() => DeclineReasonFigure)
  declineReasons!: DeclineReasonFigure[];
}

/** One group: a target group and a gender, or (null) every one of them. */
export class TrackingGroupView {
  @IsOptional()
  @IsIn(Object.values(TargetGroup))
  targetGroup!: TargetGroup | null;

  @IsOptional()
  @IsIn(Object.values(Gender))
  gender!: Gender | null;

  @ValidateNested()
  @Type(() => TrackingMeasures)
  measures!: TrackingMeasures;
}

export class MunicipalityReferralsView {
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsString()
  municipalityName!: string;

  @IsIn(Object.values(MunicipalityTrackingBy))
  by!: MunicipalityTrackingBy;

  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;

  /** The day overdue is judged against: today in Sweden. */
  @IsCalendarDate()
  asOf!: string;

  /** The municipality's own organisations (type municipality, serving the code): `sent` and `received` are theirs. */
  @IsUUID('all', { each: true })
  organisationIds!: string[];

  /** Counts from 1 to one less than this are never published. */
  @IsInt()
  smallestPublishedCount!: number;

  @ValidateNested()
  @Type(() => TrackingMeasures)
  total!: TrackingMeasures;

  /** Per target group, every gender together. */
  @ValidateNested({ each: true })
  @Type(() => TrackingGroupView)
  byTargetGroup!: TrackingGroupView[];

  /** Per gender, every target group together. */
  @ValidateNested({ each: true })
  @Type(() => TrackingGroupView)
  byGender!: TrackingGroupView[];

  /** Every target group × gender. */
  @ValidateNested({ each: true })
  @Type(() => TrackingGroupView)
  cells!: TrackingGroupView[];
}
