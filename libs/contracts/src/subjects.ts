/**
 * NATS request-reply subjects, `<service>.<verb-noun>`. They never start with
 * `<service>.events.`, which belongs to the service's JetStream stream.
 */
export const Requests = {
  actors: {
    listOrganisations: 'actors.list-organisations',
    getOrganisation: 'actors.get-organisation',
    createOrganisation: 'actors.create-organisation',
    getStaffMember: 'actors.get-staff-member',
    listStaffMembers: 'actors.list-staff-members',
    listSupportResources: 'actors.list-support-resources',
  },
  cases: {
    openCase: 'cases.open-case',
    getCase: 'cases.get-case',
    recordConsent: 'cases.record-consent',
    checkConsent: 'cases.check-consent',
  },
  referrals: {
    sendReferral: 'referrals.send-referral',
    acceptReferral: 'referrals.accept-referral',
    declineReferral: 'referrals.decline-referral',
    getReferral: 'referrals.get-referral',
    listReferrals: 'referrals.list-referrals',
  },
  learning: {
    getReferralStatistics: 'learning.get-referral-statistics',
  },
} as const;

export const ServiceName = {
  Gateway: 'gateway',
  Actors: 'actors',
  Cases: 'cases',
  Referrals: 'referrals',
  Learning: 'learning',
} as const;
export type ServiceName = (typeof ServiceName)[keyof typeof ServiceName];

/** Services that own an outbox and a stream. */
export type PublishingService = Exclude<ServiceName, 'gateway'>;
export const publishingServices: PublishingService[] = ['actors', 'cases', 'referrals', 'learning'];

/** Operations every publishing service answers, e.g. `referrals.ops.republish-outbox`. */
export function republishOutboxSubject(service: PublishingService): string {
  return `${service}.ops.republish-outbox`;
}

/**
 * Event types double as JetStream subjects: `<service>.events.<aggregate>.<what-happened>`.
 */
export const EventType = {
  OrganisationCreated: 'actors.events.organisation.created',
  CaseOpened: 'cases.events.case.opened',
  ConsentRecorded: 'cases.events.consent.recorded',
  ReferralSent: 'referrals.events.referral.sent',
  ReferralAccepted: 'referrals.events.referral.accepted',
  ReferralDeclined: 'referrals.events.referral.declined',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];
