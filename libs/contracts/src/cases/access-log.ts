import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { PageQuery } from '../pagination';
import { ConsentPurpose, LegalBasis, StaffRole } from '../vocabulary';

/** What a staff member did, or tried to do, with a person's data in cases. */
export const AccessAction = {
  OpenCase: 'case.open',
  ReadCase: 'case.read',
  ListCases: 'case.list',
  ChangeCaseStatus: 'case.status',
  ChangeTeam: 'case.team',
  RequestHandoff: 'case.handoff.request',
  AnswerHandoff: 'case.handoff.answer',
  ReadTimeline: 'case.timeline',
  RecordConsent: 'consent.record',
  WithdrawConsent: 'consent.withdraw',
  ReadPerson: 'person.read',
  RectifyPerson: 'person.rectify',
  ErasePerson: 'person.erase',
  /** The register extract (GDPR Art. 15) of the case's person. */
  ExtractPerson: 'person.extract',
  /** Reading, merging or dismissing a proposal that two persons are one. */
  ResolveDuplicate: 'person.duplicate',
  ReadPlan: 'case.plan.read',
  ChangePlan: 'case.plan.change',
  /** referrals asked, on behalf of the staff member, whether a share is covered. */
  CheckConsent: 'consent.check',
  /** A referral's receiver read what the sender chose to share of the person. */
  ReadSharedInformation: 'person.shared.read',
} as const;
export type AccessAction = (typeof AccessAction)[keyof typeof AccessAction];

export const AccessOutcome = { Allowed: 'allowed', Denied: 'denied' } as const;
export type AccessOutcome = (typeof AccessOutcome)[keyof typeof AccessOutcome];

/** Why the access policy allowed or denied; the first rule that decided. */
export const AccessReason = {
  /** The actor's unit leads the case. */
  LeadUnit: 'lead_unit',
  /** The actor's unit is on the case team. */
  TeamUnit: 'team_unit',
  /** A caseworker opens a case for the own unit. */
  OpensForOwnUnit: 'opens_for_own_unit',
  /** Lists only ever hold the cases of the actor's own unit. */
  OwnUnitCases: 'own_unit_cases',
  /** The unit is on the team on the person's consent, and no consent for coordination covers it now. */
  ConsentNotActive: 'consent_not_active',
  /** Staff of an organisation a consent names ask whether it still covers a referral it received. */
  ConsentReceiver: 'consent_receiver',
  /** The unit a hand-off asks to take the case over answers it. */
  HandoffReceiver: 'handoff_receiver',
  /** Only the unit that leads the case may do this. */
  NotLeadUnit: 'not_lead_unit',
  /** The actor's role does not work with cases. */
  Role: 'role',
  /** Another unit of an organisation on the team: the branches are separate for secrecy (OSL 8:2). */
  OtherUnitOfTeamOrganisation: 'other_unit_of_team_organisation',
  /** The person has protected identity: only the lead unit handles who they are. */
  ProtectedIdentity: 'protected_identity',
  /** Neither the actor's unit nor its organisation is on the team. */
  NotOnTeam: 'not_on_team',
} as const;
export type AccessReason = (typeof AccessReason)[keyof typeof AccessReason];

/** The data-protection officer's view of the log: their organisation's staff and cases, newest first. */
export class ListAccessLogQuery extends PageQuery {
  @IsOmittable()
  @IsUUID()
  caseId?: string;

  @IsOmittable()
  @IsUUID()
  staffId?: string;

  @IsOmittable()
  @IsIn(Object.values(AccessOutcome))
  outcome?: AccessOutcome;
}

export class AccessLogEntryView {
  @IsInt()
  sequence!: number;

  @IsUUID()
  id!: string;

  @IsString()
  at!: string;

  @IsUUID()
  staffId!: string;

  @IsUUID()
  organisationId!: string;

  @IsUUID()
  unitId!: string;

  @IsArray()
  @IsIn(Object.values(StaffRole), { each: true })
  roles!: StaffRole[];

  @IsIn(Object.values(AccessAction))
  action!: AccessAction;

  @IsOptional()
  @IsUUID()
  caseId!: string | null;

  /** The person's pseudonymous id in cases; never the identity. */
  @IsOptional()
  @IsUUID()
  personId!: string | null;

  @IsOptional()
  @IsIn(Object.values(ConsentPurpose))
  purpose!: ConsentPurpose | null;

  @IsOptional()
  @IsIn(Object.values(LegalBasis))
  legalBasis!: LegalBasis | null;

  @IsIn(Object.values(AccessOutcome))
  outcome!: AccessOutcome;

  @IsIn(Object.values(AccessReason))
  reason!: AccessReason;

  @IsString()
  correlationId!: string;
}

export const ChainProblem = {
  /** Its hash does not match its content: the entry was changed. */
  Edited: 'edited',
  /** One or more entries before it are missing. */
  Deleted: 'deleted',
  /** Its previous hash is not the hash of the entry before it. */
  Relinked: 'relinked',
} as const;
export type ChainProblem = (typeof ChainProblem)[keyof typeof ChainProblem];

export class BrokenChainEntryView {
  @IsInt()
  sequence!: number;

  @IsIn(Object.values(ChainProblem))
  problem!: ChainProblem;
}

/** The chain checked from the first entry to the last: where it first breaks, if it does. */
export class AccessLogVerificationView {
  /** Entries read. */
  @IsInt()
  entries!: number;

  @IsBoolean()
  intact!: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => BrokenChainEntryView)
  firstBroken!: BrokenChainEntryView | null;

  /** The hash of the last entry, hex: compared with a copy kept elsewhere, it also shows entries removed from the end. */
  @IsOptional()
  @IsString()
  lastHash!: string | null;

  /** Retention cut the entries up to this sequence; the chain is verified from the hash recorded for it. */
  @IsOptional()
  @IsInt()
  prunedThrough!: number | null;
}
