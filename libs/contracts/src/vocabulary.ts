/**
 * Closed vocabularies shared across services. Values are stable codes (English, snake_case);
 * the console translates them to Swedish.
 */
export const OrganisationType = {
  /** A state agency: Arbetsförmedlingen, Försäkringskassan. */
  StateAgency: 'state_agency',
  Municipality: 'municipality',
  Region: 'region',
  CountyAdministrativeBoard: 'county_administrative_board',
  /** Study associations, non-profits, social enterprises. */
  CivilSociety: 'civil_society',
  /** An employer that receives people for work experience or jobs. */
  Employer: 'employer',
  Other: 'other',
} as const;
export type OrganisationType = (typeof OrganisationType)[keyof typeof OrganisationType];

export const TargetGroup = {
  /** Young people who neither work nor study (UVAS / NEET), including upper-secondary drop-outs. */
  YoungNotInEmploymentOrEducation: 'uvas',
  /** Young adults with a disability (funktionsnedsättning). */
  YoungAdultWithDisability: 'disability',
  /** People with a foreign background outside the labour market. */
  ForeignBackground: 'foreign_background',
} as const;
export type TargetGroup = (typeof TargetGroup)[keyof typeof TargetGroup];

/**
 * Gender as the person gives it (woman, man, other, not stated); when staff record none, the
 * legal gender the personnummer carries. Every statistic can be split by it.
 */
export const Gender = { Female: 'female', Male: 'male', Other: 'other', NotStated: 'not_stated' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];

export const ConsentPurpose = {
  /** Sharing what a referral needs with the receiving organisation. */
  Referral: 'referral',
  /** Joint planning of the support path with the organisation. */
  Coordination: 'coordination',
} as const;
export type ConsentPurpose = (typeof ConsentPurpose)[keyof typeof ConsentPurpose];

/** How the person gave their consent. */
export const ConsentForm = {
  Written: 'written',
  Oral: 'oral',
  Digital: 'digital',
} as const;
export type ConsentForm = (typeof ConsentForm)[keyof typeof ConsentForm];

/**
 * Where a referral stands: sent → acknowledged → accepted or declined → started → completed or
 * interrupted; withdrawn by the sender before it starts (or when the consent it relied on ends);
 * expired when nobody answered. `referral-lifecycle.ts` in referrals is the one transition table.
 */
export const ReferralStatus = {
  Sent: 'sent',
  /** The receiver has seen it and will answer. */
  Acknowledged: 'acknowledged',
  Accepted: 'accepted',
  Declined: 'declined',
  /** The person started at the receiver. */
  Started: 'started',
  /** Ended as planned, with an outcome and an exit destination. */
  Completed: 'completed',
  /** Ended early. */
  Interrupted: 'interrupted',
  /** By the sender before it started, or because the consent it relied on ended: see `ReferralWithdrawalReason`. */
  Withdrawn: 'withdrawn',
  /** Nobody answered by the time it lapses. */
  Expired: 'expired',
} as const;
export type ReferralStatus = (typeof ReferralStatus)[keyof typeof ReferralStatus];

/** Why a referral was withdrawn: the consent it relied on was withdrawn, or its last day passed. */
export const ReferralWithdrawalReason = {
  ConsentWithdrawn: 'consent_withdrawn',
  ConsentExpired: 'consent_expired',
  /** The sender withdrew it before it started. */
  BySender: 'by_sender',
} as const;
export type ReferralWithdrawalReason = (typeof ReferralWithdrawalReason)[keyof typeof ReferralWithdrawalReason];

/**
 * What a sender may share with the receiver of a referral, chosen field by field: the receiver
 * sees those and nothing else, read from cases while the consent holds. None unless chosen.
 */
export const ReferralSharedField = {
  Personnummer: 'personnummer',
  Name: 'name',
  Gender: 'gender',
  MunicipalityOfResidence: 'municipality_of_residence',
  TargetGroup: 'target_group',
  SupportNeeds: 'support_needs',
  /** The steps of the support plan: resources, units, dates and statuses. */
  PlanSteps: 'plan_steps',
} as const;
export type ReferralSharedField = (typeof ReferralSharedField)[keyof typeof ReferralSharedField];

export const DeclineReason = {
  NoCapacity: 'no_capacity',
  NotEligible: 'not_eligible',
  CouldNotReachPerson: 'could_not_reach_person',
  PersonDeclined: 'person_declined',
  ReferredElsewhere: 'referred_elsewhere',
  /** Needs a text saying what. */
  Other: 'other',
  /** Only in referrals declined before the list above; not given any more. */
  WrongRecipient: 'wrong_recipient',
} as const;
export type DeclineReason = (typeof DeclineReason)[keyof typeof DeclineReason];

export const StaffRole = {
  /** Handläggare working with people's cases. */
  Caseworker: 'caseworker',
  /** Coordinates support paths across organisations; keeps the own organisation's directory entries. */
  Coordinator: 'coordinator',
  /** Leads a unit. */
  UnitManager: 'unit_manager',
  /** Municipal or regional analyst reading anonymised statistics. */
  Analyst: 'analyst',
  /** Keeps the platform running: health, replays, outbox republishing. */
  Operator: 'operator',
  /** Maintains the own organisation's directory entries: units, staff, resources, workplaces. */
  Administrator: 'administrator',
  /** Dataskyddsombud: reads the access log of the own organisation and verifies its chain; never a case. */
  DataProtectionOfficer: 'data_protection_officer',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

/** The steps of a referral that have deadlines. */
export const ReferralStep = { Acknowledge: 'acknowledge', Answer: 'answer', Start: 'start' } as const;
export type ReferralStep = (typeof ReferralStep)[keyof typeof ReferralStep];

/** Whom a missed deadline is escalated to: first the receiving unit's manager, then the sending coordinator. */
export const EscalationTarget = {
  ReceivingUnitManager: 'receiving_unit_manager',
  /** First level of a referral to an actor outside the network, whose steps the sending unit records. */
  SendingUnitManager: 'sending_unit_manager',
  SendingCoordinator: 'sending_coordinator',
} as const;
export type EscalationTarget = (typeof EscalationTarget)[keyof typeof EscalationTarget];

/** Where the person went when a referral ended: counted in statistics and follow-up. */
export const ExitDestination = {
  Work: 'work',
  Studies: 'studies',
  OtherSupport: 'other_support',
  MovedAway: 'moved_away',
  Interrupted: 'interrupted',
  Unknown: 'unknown',
} as const;
export type ExitDestination = (typeof ExitDestination)[keyof typeof ExitDestination];

/** How a started referral went, as the receiver judges it. */
export const ReferralOutcome = { Achieved: 'achieved', PartlyAchieved: 'partly_achieved', NotAchieved: 'not_achieved' } as const;
export type ReferralOutcome = (typeof ReferralOutcome)[keyof typeof ReferralOutcome];

export const ReferralDirection = { Incoming: 'incoming', Outgoing: 'outgoing' } as const;
export type ReferralDirection = (typeof ReferralDirection)[keyof typeof ReferralDirection];

/**
 * Support needs a case can record and a support resource or a competence can address. A closed
 * list: statistics and the competence map count by it, so a code must mean the same everywhere.
 */
export const SupportNeed = {
  Neuropsychiatric: 'neuropsychiatric',
  Psychiatric: 'psychiatric',
  IntellectualDisability: 'intellectual_disability',
  PhysicalDisability: 'physical_disability',
  Hearing: 'hearing',
  Vision: 'vision',
  SwedishLanguage: 'swedish_language',
  ForeignEducationValidation: 'foreign_education_validation',
  WorkExperience: 'work_experience',
  Studies: 'studies',
  HealthRehabilitation: 'health_rehabilitation',
  Motivation: 'motivation',
  SocialSituation: 'social_situation',
} as const;
export type SupportNeed = (typeof SupportNeed)[keyof typeof SupportNeed];

/** What a support resource offers so that people with a need can take part; a person can need each. */
export const AccessibilityFeature = {
  PhysicalAccess: 'physical_access',
  Interpreter: 'interpreter',
  EasySwedish: 'easy_swedish',
  SignLanguage: 'sign_language',
  Remote: 'remote',
  AdaptedPace: 'adapted_pace',
} as const;
export type AccessibilityFeature = (typeof AccessibilityFeature)[keyof typeof AccessibilityFeature];

/** Conditions a person must meet to take part in a support resource. */
export const EligibilityRule = {
  /** Registered as a job seeker at Arbetsförmedlingen. */
  RegisteredAtEmploymentService: 'registered_at_employment_service',
  /** A decision from Försäkringskassan, e.g. activity compensation or a rehabilitation plan. */
  SocialInsuranceDecision: 'social_insurance_decision',
  /** Registered as resident (folkbokförd) in one of the municipalities the resource serves. */
  ResidentInMunicipality: 'resident_in_municipality',
  /** Receives income support (försörjningsstöd) from the municipality. */
  ReceivesIncomeSupport: 'receives_income_support',
  /** Newly arrived: in the establishment programme or within three years of residence permit. */
  NewlyArrived: 'newly_arrived',
} as const;
export type EligibilityRule = (typeof EligibilityRule)[keyof typeof EligibilityRule];

/** What a workplace takes people for. */
export const WorkplaceOffer = {
  WorkExperience: 'work_experience',
  Employment: 'employment',
  SubsidisedEmployment: 'subsidised_employment',
  Apprenticeship: 'apprenticeship',
} as const;
export type WorkplaceOffer = (typeof WorkplaceOffer)[keyof typeof WorkplaceOffer];

/** Adaptations a workplace can make for a person with a disability. */
export const WorkplaceAdaptation = {
  PhysicalAccess: 'physical_access',
  ReducedHours: 'reduced_hours',
  FlexibleHours: 'flexible_hours',
  QuietWorkspace: 'quiet_workspace',
  StructuredTasks: 'structured_tasks',
  VisualInstructions: 'visual_instructions',
  AssistiveTechnology: 'assistive_technology',
  SignLanguageColleagues: 'sign_language_colleagues',
} as const;
export type WorkplaceAdaptation = (typeof WorkplaceAdaptation)[keyof typeof WorkplaceAdaptation];

/** Support an employer needs to receive a person with a disability. */
export const EmployerSupport = {
  MentorTraining: 'mentor_training',
  SupervisorSupport: 'supervisor_support',
  AssistiveAids: 'assistive_aids',
  WageSubsidyGuidance: 'wage_subsidy_guidance',
  JobCoach: 'job_coach',
  AccessibilityReview: 'accessibility_review',
} as const;
export type EmployerSupport = (typeof EmployerSupport)[keyof typeof EmployerSupport];

/**
 * Why personal data of a case may be processed or shared with a unit. `case_handling` is the
 * lead unit's own processing, not a disclosure; the others are the grounds for disclosure the
 * platform records for every share.
 */
export const LegalBasis = {
  /** The unit that leads the case processes the data for its own task. */
  CaseHandling: 'case_handling',
  /** The person's consent: OSL 12:2. */
  Consent: 'consent',
  /** A duty to disclose in law or ordinance: OSL 10:28. */
  DutyToDisclose: 'duty_to_disclose',
  /** Within social services and health care: OSL 26:9. */
  SocialServicesAndHealthCare: 'social_services_and_health_care',
  /** The municipality's youth activity responsibility: skollagen 29:9. */
  YouthActivityResponsibility: 'youth_activity_responsibility',
} as const;
export type LegalBasis = (typeof LegalBasis)[keyof typeof LegalBasis];

/**
 * The grounds other than consent on which a case is shared with another organisation's unit:
 * recorded when the unit joins the case team, and a referral to that unit may rely on them.
 */
export const disclosureBases = [LegalBasis.DutyToDisclose, LegalBasis.SocialServicesAndHealthCare, LegalBasis.YouthActivityResponsibility] as const;
export type DisclosureBasis = (typeof disclosureBases)[number];

/** What a referral relied on to share the case with its receiver: a consent (its id recorded) or a ground in law. */
export type ReferralBasis = typeof LegalBasis.Consent | DisclosureBasis;
export const referralBases: readonly ReferralBasis[] = [LegalBasis.Consent, ...disclosureBases];

/** What a unit does on a case team. */
export const CaseTeamRole = {
  /** Leads the case (handläggande enhet); one per case. */
  Lead: 'lead',
  /** Works on the case with the lead. */
  Member: 'member',
} as const;
export type CaseTeamRole = (typeof CaseTeamRole)[keyof typeof CaseTeamRole];

/** Where a support path stands. `closed` is final and has an outcome. */
export const CaseStatus = {
  Open: 'open',
  Active: 'active',
  Paused: 'paused',
  Closed: 'closed',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];

/** How a support path ended. */
export const CaseOutcome = {
  Work: 'work',
  Studies: 'studies',
  OtherSupport: 'other_support',
  MovedAway: 'moved_away',
  Declined: 'declined',
  Unknown: 'unknown',
} as const;
export type CaseOutcome = (typeof CaseOutcome)[keyof typeof CaseOutcome];

/** Which cases a list shows: the staff member's own (as case lead) or all of their unit's. */
export const CaseScope = { Mine: 'mine', Unit: 'unit' } as const;
export type CaseScope = (typeof CaseScope)[keyof typeof CaseScope];

/** Where a hand-off of a case's lead stands. */
export const HandoffStatus = {
  Requested: 'requested',
  Accepted: 'accepted',
  Declined: 'declined',
  /** Not answered by its last day. */
  Expired: 'expired',
} as const;
export type HandoffStatus = (typeof HandoffStatus)[keyof typeof HandoffStatus];

/** Why a unit declines to take over a case. */
export const HandoffDeclineReason = {
  NoCapacity: 'no_capacity',
  NotOurResponsibility: 'not_our_responsibility',
  NeedsMoreInformation: 'needs_more_information',
  Other: 'other',
} as const;
export type HandoffDeclineReason = (typeof HandoffDeclineReason)[keyof typeof HandoffDeclineReason];
