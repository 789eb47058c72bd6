import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { IsSwedishIdentityNumber } from '../identity';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { CaseTeamRole, ConsentPurpose, Gender, LegalBasis, SupportNeed, TargetGroup } from '../vocabulary';

export class OpenCaseBody {
  /** Travels only in request bodies, never in URLs, events or logs. */
  @IsSwedishIdentityNumber()
  personnummer!: string;

  /** The person's home municipality. */
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(TargetGroup))
  targetGroup!: TargetGroup;

  /** The person's support needs, as far as known when the case opens. */
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(SupportNeed), { each: true })
  supportNeeds?: SupportNeed[];
}

/** The body is the whole command: who acts travels in the caller assertion, never in a payload. */
export class OpenCaseCommand extends OpenCaseBody {}

export class GetCaseQuery {
  @IsUUID()
  caseId!: string;
}

export class RecordConsentBody {
  @IsUUID()
  organisationId!: string;

  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose;
}

export class RecordConsentCommand extends RecordConsentBody {
  @IsUUID()
  caseId!: string;
}

/**
 * Asked by referrals, on behalf of the staff member sending a referral, before a referral
 * carrying personal data may be sent: the staff member's organisation must be on the case team.
 */
export class CheckConsentQuery {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  receivingOrganisationId!: string;

  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose;
}

export class ConsentCheckResult {
  covered!: boolean;
  caseId!: string;
  municipalityCode!: MunicipalityCode;
  targetGroup!: TargetGroup;
  gender!: Gender;
}

export class ConsentView {
  @IsUUID()
  id!: string;

  @IsUUID()
  organisationId!: string;

  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose;

  @IsString()
  givenAt!: string;
}

/** A unit on a case team, with the legal basis it works on the case's data on. */
export class CaseTeamMemberView {
  @IsUUID()
  unitId!: string;

  @IsUUID()
  organisationId!: string;

  @IsIn(Object.values(CaseTeamRole))
  role!: CaseTeamRole;

  @IsIn(Object.values(LegalBasis))
  legalBasis!: LegalBasis;
}

export class CaseView {
  @IsUUID()
  id!: string;

  @IsUUID()
  ownerOrganisationId!: string;

  @IsUUID()
  ownerUnitId!: string;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(TargetGroup))
  targetGroup!: TargetGroup;

  @IsIn(Object.values(Gender))
  gender!: Gender;

  @IsIn(Object.values(SupportNeed), { each: true })
  supportNeeds!: SupportNeed[];

  @IsIn(['open'])
  status!: 'open';

  @IsString()
  openedAt!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CaseTeamMemberView)
  team!: CaseTeamMemberView[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConsentView)
  consents!: ConsentView[];
}
