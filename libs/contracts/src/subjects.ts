/**
 * NATS request-reply subjects, `<service>.<verb-noun>`; operations `<service>.ops.<verb-noun>`.
 * They never start with `<service>.events.`, which belongs to the service's JetStream stream.
 * The service a subject starts with serves it.
 */
export const Requests = {
  actors: {
    listOrganisations: 'actors.list-organisations',
    getOrganisation: 'actors.get-organisation',
    createOrganisation: 'actors.create-organisation',
    updateOrganisation: 'actors.update-organisation',
    listUnits: 'actors.list-units',
    getUnit: 'actors.get-unit',
    createUnit: 'actors.create-unit',
    updateUnit: 'actors.update-unit',
    getStaffMember: 'actors.get-staff-member',
    listStaffMembers: 'actors.list-staff-members',
    createStaffMember: 'actors.create-staff-member',
    updateStaffMember: 'actors.update-staff-member',
    listCompetences: 'actors.list-competences',
    addCompetence: 'actors.add-competence',
    listSupportResources: 'actors.list-support-resources',
    getSupportResource: 'actors.get-support-resource',
    createSupportResource: 'actors.create-support-resource',
    updateSupportResource: 'actors.update-support-resource',
    updateCapacity: 'actors.update-capacity',
    matchSupportResources: 'actors.match-support-resources',
    listWorkplaces: 'actors.list-workplaces',
    getWorkplace: 'actors.get-workplace',
    createWorkplace: 'actors.create-workplace',
    updateWorkplace: 'actors.update-workplace',
    getCompetenceMap: 'actors.get-competence-map',
    exportHsds: 'actors.export-hsds',
    republishOutbox: 'actors.ops.republish-outbox',
  },
  cases: {
    openCase: 'cases.open-case',
    getCase: 'cases.get-case',
    listCases: 'cases.list-cases',
    changeCaseStatus: 'cases.change-case-status',
    addTeamUnit: 'cases.add-team-unit',
    removeTeamUnit: 'cases.remove-team-unit',
    requestHandoff: 'cases.request-handoff',
    acceptHandoff: 'cases.accept-handoff',
    declineHandoff: 'cases.decline-handoff',
    listHandoffs: 'cases.list-handoffs',
    getCaseTimeline: 'cases.get-case-timeline',
    recordConsent: 'cases.record-consent',
    withdrawConsent: 'cases.withdraw-consent',
    checkConsent: 'cases.check-consent',
    readSharedInformation: 'cases.read-shared-information',
    getPerson: 'cases.get-person',
    rectifyPerson: 'cases.rectify-person',
    erasePerson: 'cases.erase-person',
    getRegisterExtract: 'cases.get-register-extract',
    listDuplicates: 'cases.list-duplicates',
    mergeDuplicate: 'cases.merge-duplicate',
    dismissDuplicate: 'cases.dismiss-duplicate',
    addPlanStep: 'cases.add-plan-step',
    updatePlanStep: 'cases.update-plan-step',
    listPlanSteps: 'cases.list-plan-steps',
    listAccessLog: 'cases.list-access-log',
    verifyAccessLog: 'cases.verify-access-log',
    republishOutbox: 'cases.ops.republish-outbox',
  },
  referrals: {
    sendReferral: 'referrals.send-referral',
    getSharedInformation: 'referrals.get-shared-information',
    acknowledgeReferral: 'referrals.acknowledge-referral',
    acceptReferral: 'referrals.accept-referral',
    startReferral: 'referrals.start-referral',
    completeReferral: 'referrals.complete-referral',
    interruptReferral: 'referrals.interrupt-referral',
    withdrawReferral: 'referrals.withdraw-referral',
    getOrganisationDeadlines: 'referrals.get-organisation-deadlines',
    setOrganisationDeadlines: 'referrals.set-organisation-deadlines',
    getResourceDeadlines: 'referrals.get-resource-deadlines',
    setResourceDeadlines: 'referrals.set-resource-deadlines',
    declineReferral: 'referrals.decline-referral',
    getReferral: 'referrals.get-referral',
    listReferrals: 'referrals.list-referrals',
    countReferrals: 'referrals.count-referrals',
    createWebhook: 'referrals.create-webhook',
    listWebhooks: 'referrals.list-webhooks',
    getWebhook: 'referrals.get-webhook',
    deleteWebhook: 'referrals.delete-webhook',
    listWebhookDeliveries: 'referrals.list-webhook-deliveries',
    listNotifications: 'referrals.list-notifications',
    countUnreadNotifications: 'referrals.count-unread-notifications',
    markNotificationRead: 'referrals.mark-notification-read',
    markAllNotificationsRead: 'referrals.mark-all-notifications-read',
    republishOutbox: 'referrals.ops.republish-outbox',
  },
  learning: {
    getReferralStatistics: 'learning.get-referral-statistics',
    getMunicipalityReferrals: 'learning.get-municipality-referrals',
    importProject: 'learning.import-project',
    listProjects: 'learning.list-projects',
    getProject: 'learning.get-project',
    republishOutbox: 'learning.ops.republish-outbox',
  },
} as const;

export type RequestSubject = { [S in keyof typeof Requests]: (typeof Requests)[S][keyof (typeof Requests)[S]] }[keyof typeof Requests];

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
export function republishOutboxSubject(service: PublishingService): RequestSubject {
  return Requests[service].republishOutbox;
}

/** The service that serves a request subject: the one it starts with. */
export function servingService(subject: RequestSubject): PublishingService {
  return subject.slice(0, subject.indexOf('.')) as PublishingService;
}

/**
 * Who may send each request: the one table both the receiving service (it refuses any other
 * verified caller) and the NATS permissions (infra/nats) are built from.
 */
export const requestCallers = {
  [Requests.actors.listOrganisations]: ['gateway'],
  [Requests.actors.getOrganisation]: ['gateway', 'cases', 'referrals'],
  [Requests.actors.createOrganisation]: ['gateway'],
  [Requests.actors.updateOrganisation]: ['gateway'],
  [Requests.actors.listUnits]: ['gateway'],
  [Requests.actors.getUnit]: ['gateway', 'cases', 'referrals'],
  [Requests.actors.createUnit]: ['gateway'],
  [Requests.actors.updateUnit]: ['gateway'],
  [Requests.actors.getStaffMember]: ['gateway'],
  [Requests.actors.listStaffMembers]: ['gateway'],
  [Requests.actors.createStaffMember]: ['gateway'],
  [Requests.actors.updateStaffMember]: ['gateway'],
  [Requests.actors.listCompetences]: ['gateway'],
  [Requests.actors.addCompetence]: ['gateway'],
  [Requests.actors.listSupportResources]: ['gateway'],
  [Requests.actors.getSupportResource]: ['gateway', 'cases', 'referrals'],
  [Requests.actors.createSupportResource]: ['gateway'],
  [Requests.actors.updateSupportResource]: ['gateway'],
  [Requests.actors.updateCapacity]: ['gateway'],
  [Requests.actors.matchSupportResources]: ['gateway'],
  [Requests.actors.listWorkplaces]: ['gateway'],
  [Requests.actors.getWorkplace]: ['gateway'],
  [Requests.actors.createWorkplace]: ['gateway'],
  [Requests.actors.updateWorkplace]: ['gateway'],
  [Requests.actors.getCompetenceMap]: ['gateway'],
  [Requests.actors.exportHsds]: ['gateway'],
  [Requests.actors.republishOutbox]: ['gateway'],
  [Requests.cases.openCase]: ['gateway'],
  [Requests.cases.getCase]: ['gateway'],
  [Requests.cases.listCases]: ['gateway'],
  [Requests.cases.changeCaseStatus]: ['gateway'],
  [Requests.cases.addTeamUnit]: ['gateway'],
  [Requests.cases.removeTeamUnit]: ['gateway'],
  [Requests.cases.requestHandoff]: ['gateway'],
  [Requests.cases.acceptHandoff]: ['gateway'],
  [Requests.cases.declineHandoff]: ['gateway'],
  [Requests.cases.listHandoffs]: ['gateway'],
  [Requests.cases.getCaseTimeline]: ['gateway'],
  [Requests.cases.recordConsent]: ['gateway'],
  [Requests.cases.withdrawConsent]: ['gateway'],
  [Requests.cases.checkConsent]: ['referrals'],
  [Requests.cases.readSharedInformation]: ['referrals'],
  [Requests.cases.getPerson]: ['gateway'],
  [Requests.cases.rectifyPerson]: ['gateway'],
  [Requests.cases.erasePerson]: ['gateway'],
  [Requests.cases.getRegisterExtract]: ['gateway'],
  [Requests.cases.listDuplicates]: ['gateway'],
  [Requests.cases.mergeDuplicate]: ['gateway'],
  [Requests.cases.dismissDuplicate]: ['gateway'],
  [Requests.cases.addPlanStep]: ['gateway'],
  [Requests.cases.updatePlanStep]: ['gateway'],
  [Requests.cases.listPlanSteps]: ['gateway'],
  [Requests.cases.listAccessLog]: ['gateway'],
  [Requests.cases.verifyAccessLog]: ['gateway'],
  [Requests.cases.republishOutbox]: ['gateway'],
  [Requests.referrals.sendReferral]: ['gateway'],
  [Requests.referrals.getSharedInformation]: ['gateway'],
  [Requests.referrals.acknowledgeReferral]: ['gateway'],
  [Requests.referrals.acceptReferral]: ['gateway'],
  [Requests.referrals.startReferral]: ['gateway'],
  [Requests.referrals.completeReferral]: ['gateway'],
  [Requests.referrals.interruptReferral]: ['gateway'],
  [Requests.referrals.withdrawReferral]: ['gateway'],
  [Requests.referrals.getOrganisationDeadlines]: ['gateway'],
  [Requests.referrals.setOrganisationDeadlines]: ['gateway'],
  [Requests.referrals.getResourceDeadlines]: ['gateway'],
  [Requests.referrals.setResourceDeadlines]: ['gateway'],
  [Requests.referrals.declineReferral]: ['gateway'],
  [Requests.referrals.getReferral]: ['gateway'],
  [Requests.referrals.listReferrals]: ['gateway'],
  [Requests.referrals.countReferrals]: ['gateway'],
  [Requests.referrals.createWebhook]: ['gateway'],
  [Requests.referrals.listWebhooks]: ['gateway'],
  [Requests.referrals.getWebhook]: ['gateway'],
  [Requests.referrals.deleteWebhook]: ['gateway'],
  [Requests.referrals.listWebhookDeliveries]: ['gateway'],
  [Requests.referrals.listNotifications]: ['gateway'],
  [Requests.referrals.countUnreadNotifications]: ['gateway'],
  [Requests.referrals.markNotificationRead]: ['gateway'],
  [Requests.referrals.markAllNotificationsRead]: ['gateway'],
  [Requests.referrals.republishOutbox]: ['gateway'],
  [Requests.learning.getReferralStatistics]: ['gateway'],
  [Requests.learning.getMunicipalityReferrals]: ['gateway'],
  [Requests.learning.importProject]: ['gateway'],
  [Requests.learning.listProjects]: ['gateway'],
  [Requests.learning.getProject]: ['gateway'],
  [Requests.learning.republishOutbox]: ['gateway'],
} as const satisfies Record<RequestSubject, readonly ServiceName[]>;

export function isRequestSubject(subject: string): subject is RequestSubject {
  return Object.hasOwn(requestCallers, subject);
}

/**
 * Core NATS subjects for live updates to the screens of staff, `<prefix>.<...>`: plain publish and
 * subscribe, not JetStream, so nothing is kept and a subscriber that is away misses what was said
 * meanwhile (what it reads afterwards comes from the owning service's database). They never start
 * with a service name, so they cannot be mistaken for requests or events. Who publishes and who
 * subscribes is declared here, for the NATS permissions.
 */
export const LiveSubjects = {
  /** `live.notifications.<audience kind>.<id>`: a referral notification, once committed, for the gateway's event streams. */
  referralNotifications: { prefix: 'live.notifications', publisher: 'referrals', subscribers: ['gateway'] },
} as const satisfies Record<string, { prefix: string; publisher: PublishingService; subscribers: readonly ServiceName[] }>;

/**
 * Event types double as JetStream subjects: `<service>.events.<aggregate>.<what-happened>`.
 */
export const EventType = {
  OrganisationRegistered: 'actors.events.organisation.registered',
  OrganisationUpdated: 'actors.events.organisation.updated',
  UnitRegistered: 'actors.events.unit.registered',
  UnitUpdated: 'actors.events.unit.updated',
  StaffMemberRegistered: 'actors.events.staff-member.registered',
  StaffMemberUpdated: 'actors.events.staff-member.updated',
  SupportResourceRegistered: 'actors.events.support-resource.registered',
  SupportResourceUpdated: 'actors.events.support-resource.updated',
  SupportResourceCapacityChanged: 'actors.events.support-resource.capacity-changed',
  WorkplaceRegistered: 'actors.events.workplace.registered',
  WorkplaceUpdated: 'actors.events.workplace.updated',
  CompetenceAdded: 'actors.events.competence.added',
  CaseOpened: 'cases.events.case.opened',
  CaseStatusChanged: 'cases.events.case.status-changed',
  CaseTeamChanged: 'cases.events.case.team-changed',
  CaseLeadChanged: 'cases.events.case.lead-changed',
  ConsentRecorded: 'cases.events.consent.recorded',
  ConsentWithdrawn: 'cases.events.consent.withdrawn',
  ConsentExpired: 'cases.events.consent.expired',
  PlanStepChanged: 'cases.events.plan-step.changed',
  CasePurged: 'cases.events.case.purged',
  ReferralSent: 'referrals.events.referral.sent',
  ReferralAcknowledged: 'referrals.events.referral.acknowledged',
  ReferralAccepted: 'referrals.events.referral.accepted',
  ReferralDeclined: 'referrals.events.referral.declined',
  ReferralStarted: 'referrals.events.referral.started',
  ReferralCompleted: 'referrals.events.referral.completed',
  ReferralInterrupted: 'referrals.events.referral.interrupted',
  ReferralWithdrawn: 'referrals.events.referral.withdrawn',
  ReferralExpired: 'referrals.events.referral.expired',
  ReferralOverdue: 'referrals.events.referral.overdue',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];
