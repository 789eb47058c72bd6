import { IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageQuery } from '../pagination';
import { DeclineReason, ReferralDirection, ReferralStatus, ReferralWithdrawalReason, TargetGroup } from '../vocabulary';

export class SendReferralBody {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  toOrganisationId!: string;

  @IsOmittable()
  @IsUUID()
  supportResourceId?: string;
}

/** The body is the whole command: who acts travels in the caller assertion, never in a payload. */
export class SendReferralCommand extends SendReferralBody {}

export class AcceptReferralCommand {
  @IsUUID()
  referralId!: string;
}

export class DeclineReferralBody {
  @IsIn(Object.values(DeclineReason))
  reason!: DeclineReason;
}

export class DeclineReferralCommand extends DeclineReferralBody {
  @IsUUID()
  referralId!: string;
}

export class GetReferralQuery {
  @IsUUID()
  referralId!: string;
}

export class ListReferralsFilter extends PageQuery {
  @IsIn(Object.values(ReferralDirection))
  direction!: ReferralDirection;

  @IsOmittable()
  @IsIn(Object.values(ReferralStatus))
  status?: ReferralStatus;
}

export class ListReferralsQuery extends ListReferralsFilter {}

export class ReferralView {
  @IsUUID()
  id!: string;

  @IsUUID()
  caseId!: string;

  @IsUUID()
  fromOrganisationId!: string;

  @IsUUID()
  fromUnitId!: string;

  @IsUUID()
  toOrganisationId!: string;

  @IsOptional()
  @IsUUID()
  supportResourceId!: string | null;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(TargetGroup))
  targetGroup!: TargetGroup;

  @IsIn(Object.values(ReferralStatus))
  status!: ReferralStatus;

  @IsOptional()
  @IsIn(Object.values(DeclineReason))
  declineReason!: DeclineReason | null;

  @IsString()
  sentAt!: string;

  @IsOptional()
  @IsString()
  respondedAt!: string | null;

  /** The consent the referral relied on (an id in cases); null for referrals sent before it was recorded. */
  @IsOptional()
  @IsUUID()
  consentId!: string | null;

  /** Set when the consent it relied on ended while it was open. */
  @IsOptional()
  @IsIn(Object.values(ReferralWithdrawalReason))
  withdrawalReason!: ReferralWithdrawalReason | null;

  @IsOptional()
  @IsString()
  withdrawnAt!: string | null;

  @IsInt()
  @Min(1)
  version!: number;
}
