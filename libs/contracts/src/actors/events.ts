import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import {
  AccessibilityFeature,
  EligibilityRule,
  EmployerSupport,
  OrganisationType,
  StaffRole,
  SupportNeed,
  TargetGroup,
  WorkplaceAdaptation,
  WorkplaceOffer,
} from '../vocabulary';

/*
 * Every directory event carries its aggregate's full state (without anything that names a
 * person: no staff names, no e-mail addresses) and a version that grows by one per change, so
 * another service can keep a local read model that converges whatever the order of delivery:
 * the highest version wins.
 */

export class OrganisationStateData {
  @IsUUID()
  organisationId!: string;

  @IsString()
  name!: string;

  @IsIn(Object.values(OrganisationType))
  type!: OrganisationType;

  @IsOptional()
  @IsString()
  organisationNumber!: string | null;

  @IsIn(municipalityCodes, { each: true })
  municipalityCodes!: MunicipalityCode[];

  @IsBoolean()
  active!: boolean;

  /** False for an actor outside the network; absent in events from before it was recorded (in the network). */
  @IsOmittable()
  @IsBoolean()
  inNetwork?: boolean;

  @IsInt()
  @Min(1)
  version!: number;
}

export class UnitStateData {
  @IsUUID()
  unitId!: string;

  @IsUUID()
  organisationId!: string;

  @IsString()
  name!: string;

  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode | null;

  @IsBoolean()
  active!: boolean;

  @IsInt()
  @Min(1)
  version!: number;
}

export class StaffMemberStateData {
  @IsUUID()
  staffId!: string;

  @IsUUID()
  organisationId!: string;

  @IsUUID()
  unitId!: string;

  @IsIn(Object.values(StaffRole), { each: true })
  roles!: StaffRole[];

  @IsString({ each: true })
  languages!: string[];

  @IsString({ each: true })
  competences!: string[];

  @IsBoolean()
  active!: boolean;

  @IsInt()
  @Min(1)
  version!: number;
}

export class AgeRangeData {
  @IsInt()
  min!: number;

  @IsInt()
  max!: number;
}

export class CapacityData {
  @IsInt()
  places!: number;

  @IsInt()
  taken!: number;

  @IsInt()
  expectedWaitDays!: number;
}

export class SupportResourceStateData {
  @IsUUID()
  resourceId!: string;

  @IsUUID()
  organisationId!: string;

  @IsUUID()
  unitId!: string;

  @IsString()
  name!: string;

  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups!: TargetGroup[];

  @ValidateNested()
  @Type(() => AgeRangeData)
  ageRange!: AgeRangeData;

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
  @Type(() => CapacityData)
  capacity!: CapacityData;

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
}

export class WorkplaceStateData {
  @IsUUID()
  workplaceId!: string;

  @IsUUID()
  organisationId!: string;

  @IsString()
  employerOrganisationNumber!: string;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(WorkplaceOffer), { each: true })
  offers!: WorkplaceOffer[];

  @IsIn(Object.values(WorkplaceAdaptation), { each: true })
  adaptations!: WorkplaceAdaptation[];

  @IsIn(Object.values(EmployerSupport), { each: true })
  supportNeeded!: EmployerSupport[];

  @IsInt()
  places!: number;

  @IsBoolean()
  active!: boolean;

  @IsInt()
  @Min(1)
  version!: number;
}

export class CompetenceAddedData {
  @IsString()
  code!: string;

  @IsString()
  name!: string;

  @IsIn(Object.values(SupportNeed), { each: true })
  addressesNeeds!: SupportNeed[];

  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups!: TargetGroup[];
}
