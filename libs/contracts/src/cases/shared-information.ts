import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { Gender, ReferralSharedField, SupportNeed, TargetGroup } from '../vocabulary';
import { CheckConsentQuery } from './cases';
import { PlanStepView } from './plans';

/** The fields a sender chose, at most each once. */
export const referralSharedFields = Object.values(ReferralSharedField);

/**
 * Referrals asks, on behalf of a staff member of the receiving organisation, for what the sender
 * chose to share: cases answers only while the consent the referral relied on holds and names the
 * reader's organisation (or unit), and logs the read.
 */
export class ReadSharedInformationQuery extends CheckConsentQuery {
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(referralSharedFields.length)
  @IsIn(referralSharedFields, { each: true })
  fields!: ReferralSharedField[];
}

/**
 * What the receiver of a referral sees of the person: exactly the fields the sender chose, and no
 * key for the others. Under protected identity the number is withheld (the name and municipality
 * are never stored then): `withheld` names what was chosen and not given.
 */
export class SharedInformationView {
  @IsIn(referralSharedFields, { each: true })
  sharedFields!: ReferralSharedField[];

  /** YYYYMMDD-NNNN. */
  @IsOptional()
  @IsString()
  personnummer?: string | null;

  @IsOptional()
  @IsString()
  name?: string | null;

  @IsOptional()
  @IsIn(Object.values(Gender))
  gender?: Gender;

  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode | null;

  @IsOptional()
  @IsIn(Object.values(TargetGroup))
  targetGroup?: TargetGroup;

  @IsOptional()
  @IsIn(Object.values(SupportNeed), { each: true })
  supportNeeds?: SupportNeed[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PlanStepView)
  planSteps?: PlanStepView[];

  @IsBoolean()
  protectedIdentity!: boolean;

  @IsIn(referralSharedFields, { each: true })
  withheld!: ReferralSharedField[];
}
