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
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsNotLessThan, IsOmittable, QueryBoolean } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageQuery } from '../pagination';
import { AccessibilityFeature, EligibilityRule, SupportNeed, TargetGroup } from '../vocabulary';

export class AgeRangeDto {
  @IsInt()
  @Min(0)
  @Max(120)
  min!: number;

  @IsInt()
  @Min(0)
  @Max(120)
  @IsNotLessThan('min')
  max!: number;
}

export class CapacityDto {
  /** Places the resource has at once. */
  @IsInt()
  @Min(0)
  @Max(100_000)
  places!: number;

  /** Places taken now; more than `places` means a queue. */
  @IsInt()
  @Min(0)
  @Max(100_000)
  taken!: number;

  /** Expected wait, in days, for a person referred today. */
  @IsInt()
  @Min(0)
  @Max(730)
  expectedWaitDays!: number;
}

export class CreateSupportResourceBody {
  /** A unit of the acting staff member's own organisation, which offers the resource. */
  @IsUUID()
  unitId!: string;

  @IsString()
  @Length(2, 200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups!: TargetGroup[];

  @ValidateNested()
  @Type(() => AgeRangeDto)
  ageRange!: AgeRangeDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes!: MunicipalityCode[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(EligibilityRule), { each: true })
  eligibility?: EligibilityRule[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(AccessibilityFeature), { each: true })
  accessibility?: AccessibilityFeature[];

  /** The support needs the resource works with. */
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(SupportNeed), { each: true })
  addressesNeeds?: SupportNeed[];

  /** ISO 639-1 codes of the languages it is given in besides Swedish. */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsISO6391({ each: true })
  languages?: string[];

  @ValidateNested()
  @Type(() => CapacityDto)
  capacity!: CapacityDto;

  @IsCalendarDate()
  activeFrom!: string;

  /** Last day it runs; none for an ordinary activity without an end. */
  @IsOptional()
  @IsCalendarDate()
  @IsNotLessThan('activeFrom')
  activeUntil?: string | null;
}

export class CreateSupportResourceCommand extends CreateSupportResourceBody {}

export class UpdateSupportResourceBody {
  @IsOmittable()
  @IsString()
  @Length(2, 200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups?: TargetGroup[];

  @IsOmittable()
  @ValidateNested()
  @Type(() => AgeRangeDto)
  ageRange?: AgeRangeDto;

  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes?: MunicipalityCode[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(EligibilityRule), { each: true })
  eligibility?: EligibilityRule[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(AccessibilityFeature), { each: true })
  accessibility?: AccessibilityFeature[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(SupportNeed), { each: true })
  addressesNeeds?: SupportNeed[];

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsISO6391({ each: true })
  languages?: string[];

  @IsOmittable()
  @IsCalendarDate()
  activeFrom?: string;

  @IsOptional()
  @IsCalendarDate()
  @IsNotLessThan('activeFrom')
  activeUntil?: string | null;

  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class UpdateSupportResourceCommand extends UpdateSupportResourceBody {
  @IsUUID()
  resourceId!: string;
}

/** Capacity changes often (every intake): a command of its own, with an event of its own. */
export class UpdateCapacityCommand extends CapacityDto {
  @IsUUID()
  resourceId!: string;
}

export class GetSupportResourceQuery {
  @IsUUID()
  resourceId!: string;
}

export class ListSupportResourcesQuery extends PageQuery {
  @IsOmittable()
  @IsUUID()
  organisationId?: string;

  @IsOmittable()
  @IsIn(Object.values(TargetGroup))
  targetGroup?: TargetGroup;

  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOmittable()
  @IsIn(Object.values(SupportNeed))
  need?: SupportNeed;

  @IsOmittable()
  @IsIn(Object.values(AccessibilityFeature))
  accessibility?: AccessibilityFeature;

  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class CapacityView extends CapacityDto {
  /** Places free now: places − taken, never below zero. */
  @IsInt()
  free!: number;
}

export class SupportResourceView {
  @IsUUID()
  id!: string;

  @IsUUID()
  organisationId!: string;

  @IsUUID()
  unitId!: string;

  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description!: string | null;

  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups!: TargetGroup[];

  @ValidateNested()
  @Type(() => AgeRangeDto)
  ageRange!: AgeRangeDto;

  @IsIn(municipalityCodes, { each: true })
  municipalityCodes!: MunicipalityCode[];

  @IsIn(Object.values(EligibilityRule), { each: true })
  eligibility!: EligibilityRule[];

  @IsIn(Object.values(AccessibilityFeature), { each: true })
  accessibility!: AccessibilityFeature[];

  @IsIn(Object.values(SupportNeed), { each: true })
  addressesNeeds!: SupportNeed[];

  @IsString({ each: true })
  languages!: string[];

  @ValidateNested()
  @Type(() => CapacityView)
  capacity!: CapacityView;

  @IsString()
  activeFrom!: string;

  @IsOptional()
  @IsString()
  activeUntil!: string | null;

  @IsBoolean()
  active!: boolean;

  @IsInt()
  @Min(1)
  version!: number;

  @IsString()
  updatedAt!: string;
}
