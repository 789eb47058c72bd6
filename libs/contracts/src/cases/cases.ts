import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsFutureCalendarDate, IsOmittable, IsPastInstant } from '../field-rules';
import { IsSwedishIdentityNumber } from '../identity';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import {
  CaseOutcome,
  CaseScope,
  CaseStatus,
  CaseTeamRole,
  HandoffDeclineReason,
  HandoffStatus,
  ReferralDirection,
  ConsentForm,
  ConsentPurpose,
  disclosureBases,
  Gender,
  LegalBasis,
  SupportNeed,
  TargetGroup,
  type DisclosureBasis,
  type ReferralBasis,
} from '../vocabulary';
import { PageQuery } from '../pagination';
import { personNamePattern } from './persons';

export class OpenCaseBody {
  /** Travels only in request bodies, never in URLs, events or logs. */
  @IsSwedishIdentityNumber()
  personnummer!: string;

  /** The person's home municipality: the case counts there; stored for the person too unless their identity is protected. */
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  /** Refused with protected identity, under which it is never stored. */
  @IsOmittable()
  @IsString()
  @Length(2, 200)
  @Matches(personNamePattern, { message: 'name must be letters, spaces, hyphens and apostrophes' })
  name?: string;

  /** As the person gives it; when left out, the legal gender the number carries. */
  @IsOmittable()
  @IsIn(Object.values(Gender))
  gender?: Gender;

  /** Skyddade personuppgifter: no name or residence stored, the number shown to the lead unit only, the case hidden from everyone else. */
  @IsOmittable()
  @IsBoolean()
  protectedIdentity?: boolean;

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

/** An organisation the person consented to share with, or only one of its units. */
export class ConsentReceiverDto {
  @IsUUID()
  organisationId!: string;

  /** Only this unit of the organisation; left out for the whole organisation. */
  @IsOptional()
  @IsUUID()
  unitId?: string | null;
}

export class RecordConsentBody {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConsentReceiverDto)
  receivers!: ConsentReceiverDto[];

  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose;

  @IsIn(Object.values(ConsentForm))
  givenAs!: ConsentForm;

  /** When the person gave it; now when left out. */
  @IsOmittable()
  @IsPastInstant()
  givenAt?: string;

  /** The last day it holds; it lapses at the end of that day, Swedish time. */
  @IsFutureCalendarDate()
  expiresOn!: string;
}

export class RecordConsentCommand extends RecordConsentBody {
  @IsUUID()
  caseId!: string;
}

export class WithdrawConsentCommand {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  consentId!: string;
}

/**
 * Asked by referrals, on behalf of the staff member sending a referral, before a referral
 * carrying personal data may be sent: the staff member's organisation must be on the case team.
 * Asked again, with `consentId`, on every read and answer of a referral that relied on a consent:
 * then the receiving organisation's staff may ask too, and only that consent counts.
 */
export class CheckConsentQuery {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  receivingOrganisationId!: string;

  /** The receiving unit, when the share goes to one; a consent naming only other units does not cover it. */
  @IsOmittable()
  @IsUUID()
  receivingUnitId?: string;

  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose;

  /** The consent a share relied on: covered only while this very consent holds and names the receiver. */
  @IsOmittable()
  @IsUUID()
  consentId?: string;

  /**
   * A ground in law the share relied on instead of a consent: covered only while the receiving
   * organisation (or unit) is on the case team on that ground.
   */
  @IsOmittable()
  @IsIn(disclosureBases)
  legalBasis?: DisclosureBasis;
}

export class ConsentCheckResult {
  covered!: boolean;
  /** The consent that covers the share (with `consentId` asked, that one); null when none does. */
  consentId!: string | null;
  /**
   * What covers it: `consent` (then `consentId`), or the ground in law on which the receiver is
   * on the case team when no consent covers it; null when nothing does.
   */
  legalBasis!: ReferralBasis | null;
  caseId!: string;
  municipalityCode!: MunicipalityCode;
  targetGroup!: TargetGroup;
  gender!: Gender;
}

export class ConsentReceiverView {
  @IsUUID()
  organisationId!: string;

  @IsOptional()
  @IsUUID()
  unitId!: string | null;
}

export const ConsentStatus = { Active: 'active', Withdrawn: 'withdrawn', Expired: 'expired' } as const;
export type ConsentStatus = (typeof ConsentStatus)[keyof typeof ConsentStatus];

export class ConsentView {
  @IsUUID()
  id!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConsentReceiverView)
  receivers!: ConsentReceiverView[];

  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose;

  @IsIn(Object.values(ConsentForm))
  givenAs!: ConsentForm;

  @IsString()
  givenAt!: string;

  @IsUUID()
  recordedBy!: string;

  @IsString()
  expiresOn!: string;

  @IsIn(Object.values(ConsentStatus))
  status!: ConsentStatus;

  @IsOptional()
  @IsString()
  withdrawnAt!: string | null;
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

  @IsIn(Object.values(CaseStatus))
  status!: CaseStatus;

  @IsOptional()
  @IsIn(Object.values(CaseOutcome))
  outcome!: CaseOutcome | null;

  /** The staff member who leads the case (handläggare). */
  @IsUUID()
  leadStaffId!: string;

  @IsInt()
  version!: number;

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

/** The statuses a case can be moved to; `closed` needs an outcome, and nothing leaves it. */
export class ChangeCaseStatusBody {
  @IsIn([CaseStatus.Active, CaseStatus.Paused, CaseStatus.Closed])
  status!: Exclude<CaseStatus, 'open'>;

  /** How it ended: given with `closed`, and only then. */
  @IsOmittable()
  @IsIn(Object.values(CaseOutcome))
  outcome?: CaseOutcome;
}

export class ChangeCaseStatusCommand extends ChangeCaseStatusBody {
  @IsUUID()
  caseId!: string;
}

/** The cases of the staff member (as case lead) or of their unit, newest first. */
export class ListCasesQuery extends PageQuery {
  @IsOmittable()
  @IsIn(Object.values(CaseScope))
  scope?: CaseScope;

  @IsOmittable()
  @IsIn(Object.values(CaseStatus))
  status?: CaseStatus;

  @IsOmittable()
  @IsIn(Object.values(TargetGroup))
  targetGroup?: TargetGroup;

  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;
}

/** A case in a list: what a caseworker needs to pick it, nothing about the person. */
export class CaseSummaryView {
  @IsUUID()
  id!: string;

  @IsUUID()
  ownerUnitId!: string;

  @IsUUID()
  leadStaffId!: string;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(TargetGroup))
  targetGroup!: TargetGroup;

  @IsIn(Object.values(CaseStatus))
  status!: CaseStatus;

  @IsString()
  openedAt!: string;
}

export class GetCaseTimelineQuery {
  @IsUUID()
  caseId!: string;
}

/** What happened on a case, when, by whom: codes and ids only. */
export class CaseTimelineEntryView {
  @IsUUID()
  id!: string;

  @IsString()
  at!: string;

  @IsString()
  kind!: string;

  @IsUUID()
  staffId!: string;

  @IsUUID()
  unitId!: string;

  /** Codes and ids that say what changed (e.g. a status and outcome, a consent id). */
  @IsObject()
  details!: Record<string, string | null>;
}

/** Puts a unit on the case team, on a legal basis for sharing the case with it. */
export class AddTeamUnitBody {
  @IsUUID()
  unitId!: string;

  /** Any ground for disclosure; `case_handling` belongs to the lead unit alone. */
  @IsIn(Object.values(LegalBasis).filter((basis) => basis !== LegalBasis.CaseHandling))
  legalBasis!: Exclude<LegalBasis, 'case_handling'>;
}

export class AddTeamUnitCommand extends AddTeamUnitBody {
  @IsUUID()
  caseId!: string;
}

export class RemoveTeamUnitCommand {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  unitId!: string;
}

/** The lead unit asks another unit to take the case over, by a day. */
export class RequestHandoffBody {
  @IsUUID()
  toUnitId!: string;

  /** The last day the unit may answer. */
  @IsFutureCalendarDate()
  respondBy!: string;
}

export class RequestHandoffCommand extends RequestHandoffBody {
  @IsUUID()
  caseId!: string;
}

export class AcceptHandoffCommand {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  handoffId!: string;
}

export class DeclineHandoffBody {
  @IsIn(Object.values(HandoffDeclineReason))
  reason!: HandoffDeclineReason;
}

export class DeclineHandoffCommand extends DeclineHandoffBody {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  handoffId!: string;
}

/** The hand-offs the staff member's unit asked for (outgoing) or was asked to take (incoming). */
export class ListHandoffsQuery extends PageQuery {
  @IsIn(Object.values(ReferralDirection))
  direction!: ReferralDirection;

  @IsOmittable()
  @IsIn(Object.values(HandoffStatus))
  status?: HandoffStatus;
}

export class HandoffView {
  @IsUUID()
  id!: string;

  @IsUUID()
  caseId!: string;

  @IsUUID()
  fromUnitId!: string;

  @IsUUID()
  toUnitId!: string;

  @IsUUID()
  toOrganisationId!: string;

  @IsString()
  respondBy!: string;

  @IsIn(Object.values(HandoffStatus))
  status!: HandoffStatus;

  @IsOptional()
  @IsIn(Object.values(HandoffDeclineReason))
  declineReason!: HandoffDeclineReason | null;

  @IsString()
  requestedAt!: string;

  @IsOptional()
  @IsString()
  answeredAt!: string | null;
}
