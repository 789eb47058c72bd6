import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { referralSharedFields } from '../cases/shared-information';
import { IsNotLessThan, IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageCursor, PageLimit } from '../pagination';
import {
  DeclineReason,
  ExitDestination,
  ReferralDirection,
  ReferralOutcome,
  ReferralStatus,
  ReferralStep,
  ReferralSharedField,
  ReferralWithdrawalReason,
  referralBases,
  TargetGroup,
  type ReferralBasis,
} from '../vocabulary';

export class SendReferralBody {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  toOrganisationId!: string;

  @IsOmittable()
  @IsUUID()
  supportResourceId?: string;

  /** A unit of the receiving organisation: its manager hears first of a missed deadline. */
  @IsOmittable()
  @IsUUID()
  toUnitId?: string;

  /** What the receiver may read of the person, from a fixed set; nothing if left out. */
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(referralSharedFields.length)
  @IsIn(referralSharedFields, { each: true })
  sharedFields?: ReferralSharedField[];
}

/** The body is the whole command: who acts travels in the caller assertion, never in a payload. */
export class SendReferralCommand extends SendReferralBody {}

export class AcceptReferralCommand {
  @IsUUID()
  referralId!: string;
}

/** The reasons a receiver may give now (`wrong_recipient` only appears in old referrals). */
export const givenDeclineReasons = Object.values(DeclineReason).filter((reason) => reason !== DeclineReason.WrongRecipient);

export class DeclineReferralBody {
  @IsIn(givenDeclineReasons)
  reason!: DeclineReason;

  /** What "other" means, required with it and only with it. Kept by referrals, never in events or logs: say nothing about the person. */
  @ValidateIf((body: DeclineReferralBody) => body.reason === DeclineReason.Other || body.text !== undefined)
  @IsString()
  @Length(3, 500)
  text?: string;
}

export class DeclineReferralCommand extends DeclineReferralBody {
  @IsUUID()
  referralId!: string;
}

/** A step of the lifecycle that needs nothing but the referral: acknowledge, start, withdraw. */
export class ReferralStepCommand {
  @IsUUID()
  referralId!: string;
}

export class CompleteReferralBody {
  @IsIn(Object.values(ReferralOutcome))
  outcome!: ReferralOutcome;

  @IsIn(Object.values(ExitDestination).filter((destination) => destination !== ExitDestination.Interrupted))
  exitDestination!: ExitDestination;
}

export class CompleteReferralCommand extends CompleteReferralBody {
  @IsUUID()
  referralId!: string;
}

/** Ended early; where the person went, when known. */
export class InterruptReferralBody {
  @IsOmittable()
  @IsIn(Object.values(ExitDestination))
  exitDestination?: ExitDestination;
}

export class InterruptReferralCommand extends InterruptReferralBody {
  @IsUUID()
  referralId!: string;
}

export class GetSharedInformationQuery {
  @IsUUID()
  referralId!: string;
}

export class GetReferralQuery {
  @IsUUID()
  referralId!: string;
}

/** What narrows an inbox (incoming) or outbox (outgoing), and its counts. */
export class ReferralBoxFilter {
  @IsIn(Object.values(ReferralDirection))
  direction!: ReferralDirection;

  /** Only this unit of the organisation: the receiving unit of incoming referrals, the sending unit of outgoing ones. */
  @IsOmittable()
  @IsUUID()
  unitId?: string;

  @IsOmittable()
  @IsIn(Object.values(TargetGroup))
  targetGroup?: TargetGroup;

  @IsOmittable()
  @IsUUID()
  supportResourceId?: string;

  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;
}

export class ReferralCountsQuery extends ReferralBoxFilter {}

export class ReferralStatusCount {
  @IsIn(Object.values(ReferralStatus))
  status!: ReferralStatus;

  @IsInt()
  count!: number;
}

/** How many referrals of the box are in each status (every status, zeros included), and how many are overdue. */
export class ReferralCountsView {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ReferralStatusCount)
  byStatus!: ReferralStatusCount[];

  @IsInt()
  overdue!: number;
}

/** The box, by status and overdue too, a page at a time. */
export class ListReferralsFilter extends ReferralBoxFilter {
  @IsOmittable()
  @IsIn(Object.values(ReferralStatus))
  status?: ReferralStatus;

  /** `true`: only referrals with a step past its last day; `false`: only those without. */
  @IsOmittable()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @PageLimit()
  limit?: number;

  @PageCursor()
  after?: string;
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

  /** What "other" meant. */
  @IsOptional()
  @IsString()
  declineText!: string | null;

  @IsString()
  sentAt!: string;

  @IsOptional()
  @IsString()
  acknowledgedAt!: string | null;

  /** Accepted or declined. */
  @IsOptional()
  @IsString()
  respondedAt!: string | null;

  @IsOptional()
  @IsString()
  startedAt!: string | null;

  /** Completed, interrupted, withdrawn or expired. */
  @IsOptional()
  @IsString()
  endedAt!: string | null;

  @IsOptional()
  @IsIn(Object.values(ExitDestination))
  exitDestination!: ExitDestination | null;

  @IsOptional()
  @IsIn(Object.values(ReferralOutcome))
  outcome!: ReferralOutcome | null;

  @IsOptional()
  @IsUUID()
  toUnitId!: string | null;

  /** Last days, Swedish calendar dates, counted in Swedish working days. */
  @IsOptional()
  @IsString()
  acknowledgeBy!: string | null;

  @IsOptional()
  @IsString()
  answerBy!: string | null;

  /** Set when it is accepted. */
  @IsOptional()
  @IsString()
  startBy!: string | null;

  /** The step whose last day has passed, if one has: acknowledge, answer or start. */
  @IsOptional()
  @IsIn(Object.values(ReferralStep))
  overdue!: ReferralStep | null;

  /** The consent the referral relied on (an id in cases); null when it relied on a ground in law, or was sent before it was recorded. */
  @IsOptional()
  @IsUUID()
  consentId!: string | null;

  /** What allowed the share: `consent` (see `consentId`), or the ground in law on which the receiver is on the case team. */
  @IsIn(referralBases)
  legalBasis!: ReferralBasis;

  /** Set when the consent it relied on ended while it was open. */
  @IsOptional()
  @IsIn(Object.values(ReferralWithdrawalReason))
  withdrawalReason!: ReferralWithdrawalReason | null;

  @IsOptional()
  @IsString()
  withdrawnAt!: string | null;

  /** What the sender chose to share with the receiver (`GET /referrals/{id}/shared-information`). */
  @IsIn(referralSharedFields, { each: true })
  sharedFields!: ReferralSharedField[];

  /** The receiver is outside the network: the sender records its answers. */
  @IsBoolean()
  external!: boolean;

  @IsInt()
  @Min(1)
  version!: number;
}

/** Working days a receiving organisation (or one of its support resources) gives itself for each step. */
export class DeadlinePolicyBody {
  @IsInt()
  @Min(0)
  @Max(60)
  acknowledgeDays!: number;

  /** Counted from sending, like acknowledging: at least as long. */
  @IsInt()
  @Min(0)
  @Max(120)
  @IsNotLessThan('acknowledgeDays')
  answerDays!: number;

  /** Counted from acceptance. */
  @IsInt()
  @Min(0)
  @Max(250)
  startDays!: number;
}

export class SetOrganisationDeadlinesCommand extends DeadlinePolicyBody {
  @IsUUID()
  organisationId!: string;
}

export class SetResourceDeadlinesCommand extends DeadlinePolicyBody {
  @IsUUID()
  resourceId!: string;
}

export class GetOrganisationDeadlinesQuery {
  @IsUUID()
  organisationId!: string;
}

export class GetResourceDeadlinesQuery {
  @IsUUID()
  resourceId!: string;
}

export class DeadlinePolicyView extends DeadlinePolicyBody {
  /** Where the days come from: the resource's own policy, its organisation's, or the platform's defaults. */
  @IsIn(['support_resource', 'organisation', 'default'])
  source!: 'support_resource' | 'organisation' | 'default';
}
