import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { DeclineReason, Gender, ReferralStatus, ReferralWithdrawalReason, TargetGroup } from '../vocabulary';

/**
 * Every referral event carries the referral's full non-identifying state and its version, so a
 * projection can apply events in any order and converge (the highest version wins).
 */
export class ReferralStateData {
  @IsUUID()
  referralId!: string;

  @IsUUID()
  caseId!: string;

  @IsUUID()
  fromOrganisationId!: string;

  @IsUUID()
  toOrganisationId!: string;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(TargetGroup))
  targetGroup!: TargetGroup;

  @IsIn(Object.values(Gender))
  gender!: Gender;

  @IsIn(Object.values(ReferralStatus))
  status!: ReferralStatus;

  @IsOptional()
  @IsIn(Object.values(DeclineReason))
  declineReason!: DeclineReason | null;

  /** Why a withdrawn referral was withdrawn; absent from events written before withdrawals existed. */
  @IsOptional()
  @IsIn(Object.values(ReferralWithdrawalReason))
  withdrawalReason?: ReferralWithdrawalReason | null;

  @IsInt()
  @Min(1)
  version!: number;
}
