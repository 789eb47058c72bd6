import {
  EscalationTarget,
  EventType,
  NotificationAudienceKind,
  NotificationKind,
  ReferralWithdrawalReason,
  type EventData,
  type NotificationAudience,
  type ReferralOverdueData,
  type ReferralStateData,
  type ReferralStep,
} from '@samverkan/contracts';
import type { consumers } from '@samverkan/messaging';

/** The referral events staff are told of: those the notifications consumer is declared to receive. */
export type NotifiedEventType = (typeof consumers.referralsNotifications.eventTypes)[number];

/** The staff member who sent the referral: not in the events, so looked up by the recorder. */
export const TheSender = 'sender';

export interface PlannedNotification {
  kind: NotificationKind;
  to: NotificationAudience | typeof TheSender;
  overdueStep: ReferralStep | null;
}

/** The receiving side: the unit the sender named, else the receiving organisation's caseworkers. */
function receivingSide(referral: ReferralStateData): NotificationAudience {
  return referral.toUnitId
    ? { kind: NotificationAudienceKind.Unit, id: referral.toUnitId }
    : { kind: NotificationAudienceKind.OrganisationCaseworkers, id: referral.toOrganisationId };
}

/** Whom each escalation level reaches, as the deadline job names it. */
const escalatedTo = {
  // Level 1: the managers of the receiving unit, or of the receiving organisation when no unit was named.
  [EscalationTarget.ReceivingUnitManager]: (overdue) =>
    overdue.toUnitId
      ? { kind: NotificationAudienceKind.UnitManagers, id: overdue.toUnitId }
      : { kind: NotificationAudienceKind.OrganisationUnitManagers, id: overdue.toOrganisationId },
  // Level 1 of a referral outside the network: the managers of the sending unit, which records its steps.
  [EscalationTarget.SendingUnitManager]: (overdue) => ({ kind: NotificationAudienceKind.UnitManagers, id: overdue.fromUnitId }),
  // Level 2: the coordinators of the sending organisation.
  [EscalationTarget.SendingCoordinator]: (overdue) => ({ kind: NotificationAudienceKind.OrganisationCoordinators, id: overdue.fromOrganisationId }),
} satisfies Record<EscalationTarget, (overdue: ReferralOverdueData) => NotificationAudience>;

const told = (kind: NotificationKind, to: PlannedNotification['to'], overdueStep: ReferralStep | null = null): PlannedNotification[] => [
  { kind, to, overdueStep },
];

/**
 * The receiving side of a referral inside the network. An actor outside it has nobody here to
 * tell, and its answers are recorded by the sender, who needs no notice of its own steps.
 */
const receiverTold = (kind: NotificationKind, referral: ReferralStateData): PlannedNotification[] =>
  referral.external ? [] : told(kind, receivingSide(referral));
const senderToldOfAnswer = (referral: ReferralStateData): PlannedNotification[] => (referral.external ? [] : told(NotificationKind.Answered, TheSender));

/** What each event tells whom. A type added to the consumer's declaration needs its rule here. */
const rules: { [T in NotifiedEventType]: (data: EventData<T>) => PlannedNotification[] } = {
  [EventType.ReferralSent]: (referral) => receiverTold(NotificationKind.New, referral),
  [EventType.ReferralAccepted]: senderToldOfAnswer,
  [EventType.ReferralDeclined]: senderToldOfAnswer,
  // By the sender, or by the service when the consent it relied on ended: the receiver stops
  // working on it, and in the second case the sender, who did not withdraw it, learns of it too.
  [EventType.ReferralWithdrawn]: (referral) => [
    ...receiverTold(NotificationKind.Withdrawn, referral),
    ...(referral.withdrawalReason && referral.withdrawalReason !== ReferralWithdrawalReason.BySender ? told(NotificationKind.Withdrawn, TheSender) : []),
  ],
  [EventType.ReferralOverdue]: (overdue) => told(NotificationKind.Overdue, escalatedTo[overdue.escalateTo](overdue), overdue.overdueStep),
  // Nobody answered in time: the sender needs to find another way (the receiving side was escalated to already).
  [EventType.ReferralExpired]: () => told(NotificationKind.Overdue, TheSender),
};

/**
 * The notifications a referral event makes: one per audience, ids only. Nobody is told of each
 * staff member separately; a staff member reads what their audiences were told.
 */
export function notificationsFor<T extends NotifiedEventType>(type: T, data: EventData<T>): PlannedNotification[] {
  return (rules[type] as (data: EventData<T>) => PlannedNotification[])(data);
}

export function isNotifiedEventType(type: string): type is NotifiedEventType {
  return Object.hasOwn(rules, type);
}
