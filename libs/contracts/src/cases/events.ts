import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { CaseOutcome, CaseStatus, ConsentPurpose, Gender, LegalBasis, SupportNeed, TargetGroup } from '../vocabulary';

/** Non-identifying attributes only: the person behind the case never leaves the cases service. */
export class CaseOpenedData {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  ownerOrganisationId!: string;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(TargetGroup))
  targetGroup!: TargetGroup;

  @IsIn(Object.values(Gender))
  gender!: Gender;

  /** Added after version 1 was published: absent in older events, where it means none recorded. */
  @IsOmittable()
  @IsArray()
  @IsIn(Object.values(SupportNeed), { each: true })
  supportNeeds?: SupportNeed[];

  /** Five birth years (`1990-1994`), never the date; absent in events from before it was added. */
  @IsOmittable()
  @Matches(/^\d{4}-\d{4}$/)
  birthYearBand?: string;
}

export class ConsentReceiverData {
  @IsUUID()
  organisationId!: string;

  @IsOptional()
  @IsUUID()
  unitId!: string | null;
}

export class ConsentRecordedData {
  @IsUUID()
  consentId!: string;

  @IsUUID()
  caseId!: string;

  /** Version 1 named one receiving organisation here; later events list `receivers`. */
  @IsOmittable()
  @IsUUID()
  organisationId?: string;

  /** Absent only in events of version 1, whose receiver is `organisationId`. */
  @IsOmittable()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConsentReceiverData)
  receivers?: ConsentReceiverData[];

  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose;

  /** The last day it holds (absent in version 1, which had no expiry). */
  @IsOmittable()
  @IsCalendarDate()
  expiresOn?: string;
}

/**
 * The consent no longer holds from this event's time on: whatever relied on it must stop. Both
 * `consent.withdrawn` and `consent.expired` (announced once the day after its last day begins)
 * carry it.
 */
export class ConsentWithdrawnData {
  @IsUUID()
  consentId!: string;

  @IsUUID()
  caseId!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConsentReceiverData)
  receivers!: ConsentReceiverData[];

  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose;
}

/** A case moved to another status; a closed case carries how it ended. Non-identifying only. */
export class CaseStatusChangedData {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  ownerOrganisationId!: string;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(TargetGroup))
  targetGroup!: TargetGroup;

  @IsIn(Object.values(CaseStatus))
  status!: CaseStatus;

  @IsOptional()
  @IsIn(Object.values(CaseOutcome))
  outcome!: CaseOutcome | null;

  @IsInt()
  version!: number;
}

/** A unit joined or left a case team. */
export class CaseTeamChangedData {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  unitId!: string;

  @IsUUID()
  organisationId!: string;

  @IsIn(['added', 'removed'])
  change!: 'added' | 'removed';

  @IsIn(Object.values(LegalBasis))
  legalBasis!: LegalBasis;
}

/** The lead of a case moved to another unit, which accepted the hand-off. */
export class CaseLeadChangedData {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  fromUnitId!: string;

  @IsUUID()
  toUnitId!: string;

  @IsUUID()
  ownerOrganisationId!: string;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsInt()
  version!: number;
}

/**
 * A step of a support plan was added or moved on: which resource, which unit, its status and
 * dates, with the case's non-identifying attributes, so follow-up per resource needs no copy of
 * the case.
 */
export class PlanStepChangedData {
  @IsUUID()
  stepId!: string;

  @IsUUID()
  caseId!: string;

  @IsOptional()
  @IsUUID()
  supportResourceId!: string | null;

  @IsUUID()
  responsibleOrganisationId!: string;

  @IsUUID()
  responsibleUnitId!: string;

  @IsIn(['planned', 'ongoing', 'done', 'cancelled'])
  status!: 'planned' | 'ongoing' | 'done' | 'cancelled';

  @IsOptional()
  @IsCalendarDate()
  actualStart!: string | null;

  @IsOptional()
  @IsCalendarDate()
  actualEnd!: string | null;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(TargetGroup))
  targetGroup!: TargetGroup;

  @IsIn(Object.values(Gender))
  gender!: Gender;

  @IsInt()
  version!: number;
}

/**
 * The case's person was deleted (by a retention rule, by erasure or by a merge): other services
 * drop what they hold about the case beyond statistics.
 */
export class CasePurgedData {
  @IsUUID()
  caseId!: string;

  /** The retention rule's id, `erasure` or `merge`. */
  @Matches(/^[a-z0-9-]{1,60}$/)
  rule!: string;
}
