import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { referralSharedFields } from '../cases/shared-information';
import { IsCalendarDate, IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import {
  DeclineReason,
  EscalationTarget,
  ExitDestination,
  Gender,
  ReferralOutcome,
  referralBases,
  ReferralSharedField,
  ReferralStatus,
  type ReferralBasis,
  ReferralStep,
  ReferralWithdrawalReason,
  TargetGroup,
} from '../vocabulary';

/** When each step happened (ISO instants); null for a step not taken. */
export class ReferralStepTimes {
  @IsISO8601()
  sentAt!: string;

  @IsOptional()
  @IsISO8601()
  acknowledgedAt!: string | null;

  /** Accepted or declined. */
  @IsOptional()
  @IsISO8601()
  answeredAt!: string | null;

  @IsOptional()
  @IsISO8601()
  startedAt!: string | null;

  /** Completed, interrupted, withdrawn or expired. */
  @IsOptional()
  @IsISO8601()
  endedAt!: string | null;
}

/** The last day of each step in Swedish working days (calendar dates, Europe/Stockholm); null when the step has none. */
export class ReferralDeadlines {
  @IsOptional()
  @IsCalendarDate()
  acknowledgeBy!: string | null;

  @IsOptional()
  @IsCalendarDate()
  answerBy!: string | null;

  @IsOptional()
  @IsCalendarDate()
  startBy!: string | null;
}

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

  /*
   * Added after version 1 was published (absent from older events, where they mean unknown):
   * the rest of the state, and the time of each step, so projections can measure time to answer
   * and to start from events alone.
   */

  @IsOmittable()
  @IsOptional()
  @IsUUID()
  toUnitId?: string | null;

  @IsOmittable()
  @IsOptional()
  @IsUUID()
  supportResourceId?: string | null;

  /** To an actor outside the network: the sender records every step. */
  @IsOmittable()
  @IsBoolean()
  external?: boolean;

  /** What allowed the share: `consent`, or a ground in law; absent from events from before it was recorded (consent). */
  @IsOmittable()
  @IsIn(referralBases)
  legalBasis?: ReferralBasis;

  /** The names of the fields the sender shared with the receiver (never their values). */
  @IsOmittable()
  @IsIn(referralSharedFields, { each: true })
  sharedFields?: ReferralSharedField[];

  @IsOmittable()
  @IsOptional()
  @IsIn(Object.values(ExitDestination))
  exitDestination?: ExitDestination | null;

  @IsOmittable()
  @IsOptional()
  @IsIn(Object.values(ReferralOutcome))
  outcome?: ReferralOutcome | null;

  @IsOmittable()
  @ValidateNested()
  @Type(() => ReferralStepTimes)
  steps?: ReferralStepTimes;

  @IsOmittable()
  @ValidateNested()
  @Type(() => ReferralDeadlines)
  deadlines?: ReferralDeadlines;
}

/** A step's last day passed: the referral's state, which step, and whom it is escalated to (level 1, then 2). */
export class ReferralOverdueData extends ReferralStateData {
  @IsIn(Object.values(ReferralStep))
  overdueStep!: ReferralStep;

  @IsIn([1, 2])
  level!: 1 | 2;

  @IsIn(Object.values(EscalationTarget))
  escalateTo!: EscalationTarget;

  /** The sending unit, whose coordinator hears at level 2. */
  @IsUUID()
  fromUnitId!: string;
}
