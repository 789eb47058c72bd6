import { IsArray, IsIn, IsUUID } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { ConsentPurpose, Gender, SupportNeed, TargetGroup } from '../vocabulary';

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
}

export class ConsentRecordedData {
  @IsUUID()
  consentId!: string;

  @IsUUID()
  caseId!: string;

  @IsUUID()
  organisationId!: string;

  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose;
}
