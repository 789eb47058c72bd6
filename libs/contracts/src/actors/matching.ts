import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO6391,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { AccessibilityFeature, EligibilityRule, Gender, SupportNeed, TargetGroup } from '../vocabulary';
import { SupportResourceView } from './support-resources';

/**
 * A person as matching needs them, without identity: no personnummer, no name, nothing that
 * points at one person. It travels in a request body, never in a URL.
 */
export class PersonProfileDto {
  @IsInt()
  @Min(0)
  @Max(120)
  age!: number;

  @IsIn(Object.values(Gender))
  gender!: Gender;

  /** Where the person is registered as resident. */
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups!: TargetGroup[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(SupportNeed), { each: true })
  supportNeeds?: SupportNeed[];

  /** What the person needs to take part: a resource without one of these excludes itself. */
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(AccessibilityFeature), { each: true })
  accessibilityNeeds?: AccessibilityFeature[];

  /** ISO 639-1 codes of the languages the person speaks. */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsISO6391({ each: true })
  languages?: string[];

  /**
   * The eligibility conditions the person meets (registered at Arbetsförmedlingen, a decision
   * from Försäkringskassan, …). Residence is known from `municipalityCode` and need not be listed.
   */
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(EligibilityRule), { each: true })
  meets?: EligibilityRule[];
}

export class MatchSupportResourcesBody {
  @ValidateNested()
  @Type(() => PersonProfileDto)
  profile!: PersonProfileDto;

  /** Also list the resources that do not fit, each with the rules that excluded it. */
  @IsOmittable()
  @IsBoolean()
  includeExcluded?: boolean;

  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The day to match for (default today): a resource must be running then. */
  @IsOmittable()
  @IsCalendarDate()
  on?: string;
}

export class MatchSupportResourcesQuery extends MatchSupportResourcesBody {}

/** Why a resource fits, strongest first. */
export const MatchReason = {
  TargetGroup: 'target_group',
  SupportNeed: 'support_need',
  Accessibility: 'accessibility',
  Language: 'language',
  FreePlaces: 'free_places',
  ShortWait: 'short_wait',
  InOwnMunicipality: 'in_own_municipality',
} as const;
export type MatchReason = (typeof MatchReason)[keyof typeof MatchReason];

/** Why a resource does not fit; eligibility rules exclude under their own codes. */
export const ExclusionRule = {
  Inactive: 'inactive',
  OutsideActivePeriod: 'outside_active_period',
  Age: 'age',
  TargetGroup: 'target_group',
  Accessibility: 'accessibility',
  ...EligibilityRule,
} as const;
export type ExclusionRule = (typeof ExclusionRule)[keyof typeof ExclusionRule];

export class MatchReasonView {
  @IsIn(Object.values(MatchReason))
  reason!: MatchReason;

  /** What matched, e.g. the needs or features in common. */
  @IsString({ each: true })
  codes!: string[];
}

export class ExclusionView {
  @IsIn(Object.values(ExclusionRule))
  rule!: ExclusionRule;

  /** What the rule asked for and the profile lacked, e.g. the missing accessibility features. */
  @IsString({ each: true })
  codes!: string[];
}

export class SupportResourceMatchView {
  @ValidateNested()
  @Type(() => SupportResourceView)
  resource!: SupportResourceView;

  /** Higher fits better; only the order means something. */
  @IsNumber()
  score!: number;

  @ValidateNested({ each: true })
  @Type(() => MatchReasonView)
  reasons!: MatchReasonView[];
}

export class ExcludedSupportResourceView {
  @ValidateNested()
  @Type(() => SupportResourceView)
  resource!: SupportResourceView;

  @ValidateNested({ each: true })
  @Type(() => ExclusionView)
  excludedBy!: ExclusionView[];
}

export class SupportResourceMatchesView {
  @ValidateNested({ each: true })
  @Type(() => SupportResourceMatchView)
  matches!: SupportResourceMatchView[];

  /** With `includeExcluded`: resources in the person's area that do not fit, and why; else null. */
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ExcludedSupportResourceView)
  excluded!: ExcludedSupportResourceView[] | null;

  /** The day matched for. */
  @IsString()
  on!: string;
}
