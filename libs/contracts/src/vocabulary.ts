/**
 * Closed vocabularies shared across services. Values are stable codes (English, snake_case);
 * the console translates them to Swedish.
 */
export const OrganisationType = {
  EmploymentService: 'employment_service',
  SocialInsurance: 'social_insurance',
  Municipality: 'municipality',
  Region: 'region',
  CountyAdministrativeBoard: 'county_administrative_board',
  CivilSociety: 'civil_society',
  AdultEducation: 'adult_education',
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

/** Legal gender as carried by the personnummer; every statistic can be split by it. */
export const Gender = { Female: 'female', Male: 'male' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];

export const ConsentPurpose = {
  /** Sharing what a referral needs with the receiving organisation. */
  Referral: 'referral',
  /** Joint planning of the support path with the organisation. */
  Coordination: 'coordination',
} as const;
export type ConsentPurpose = (typeof ConsentPurpose)[keyof typeof ConsentPurpose];

export const ReferralStatus = {
  Sent: 'sent',
  Accepted: 'accepted',
  Declined: 'declined',
} as const;
export type ReferralStatus = (typeof ReferralStatus)[keyof typeof ReferralStatus];

export const DeclineReason = {
  NoCapacity: 'no_capacity',
  NotEligible: 'not_eligible',
  WrongRecipient: 'wrong_recipient',
  PersonDeclined: 'person_declined',
  Other: 'other',
} as const;
export type DeclineReason = (typeof DeclineReason)[keyof typeof DeclineReason];

export const StaffRole = {
  /** Handläggare or coordinator working with people's cases. */
  Caseworker: 'caseworker',
  /** Regional or municipal analyst reading anonymised statistics. */
  Analyst: 'analyst',
  /** Keeps the platform running: health, replays, outbox republishing. */
  Operator: 'operator',
  /** Maintains the actors directory. */
  Administrator: 'administrator',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

export const ReferralDirection = { Incoming: 'incoming', Outgoing: 'outgoing' } as const;
export type ReferralDirection = (typeof ReferralDirection)[keyof typeof ReferralDirection];
