import { EventType, type ReferralOverdueData, type ReferralStateData } from '@samverkan/contracts';
import { consumers } from '@samverkan/messaging';
import { aReferralEvent } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { isNotifiedEventType, notificationsFor, TheSender } from './notification-audiences';

const aReferral = (overrides: Partial<ReferralStateData> = {}): ReferralStateData => aReferralEvent(EventType.ReferralSent, overrides).data;
const anOverdue = (overrides: Partial<ReferralOverdueData>): ReferralOverdueData => ({
  ...aReferral(),
  overdueStep: 'answer',
  level: 1,
  escalateTo: 'receiving_unit_manager',
  fromUnitId: randomUUID(),
  ...overrides,
});

describe('who is told of a referral event', () => {
  it('tells the receiving unit of a new referral when the sender named one, and nobody else', () => {
    const referral = aReferral({ toUnitId: randomUUID() });

    expect(notificationsFor(EventType.ReferralSent, referral)).toEqual([{ kind: 'new', to: { kind: 'unit', id: referral.toUnitId }, overdueStep: null }]);
  });

  it("tells the receiving organisation's caseworkers of a new referral to no unit in particular", () => {
    const referral = aReferral({ toUnitId: null });

    expect(notificationsFor(EventType.ReferralSent, referral)).toEqual([
      { kind: 'new', to: { kind: 'organisation_caseworkers', id: referral.toOrganisationId }, overdueStep: null },
    ]);
  });

  it.each([EventType.ReferralAccepted, EventType.ReferralDeclined])('tells the staff member who sent it of %s', (type) => {
    expect(notificationsFor(type, aReferral({ status: 'accepted' }))).toEqual([{ kind: 'answered', to: TheSender, overdueStep: null }]);
  });

  it('tells the receiving side of a withdrawal, as it was told of the referral, and the sender when the service withdrew it', () => {
    const toUnit = aReferral({ status: 'withdrawn', toUnitId: randomUUID(), withdrawalReason: 'by_sender' });
    const onEndedConsent = aReferral({ status: 'withdrawn', withdrawalReason: 'consent_withdrawn' });

    expect(notificationsFor(EventType.ReferralWithdrawn, toUnit)).toEqual([
      { kind: 'withdrawn', to: { kind: 'unit', id: toUnit.toUnitId }, overdueStep: null },
    ]);
    expect(notificationsFor(EventType.ReferralWithdrawn, onEndedConsent)).toEqual([
      { kind: 'withdrawn', to: { kind: 'organisation_caseworkers', id: onEndedConsent.toOrganisationId }, overdueStep: null },
      { kind: 'withdrawn', to: TheSender, overdueStep: null },
    ]);
  });

  it('tells nobody at an actor outside the network, and not the sender of the answers it records itself', () => {
    const external = aReferral({ external: true, toUnitId: null });

    expect(notificationsFor(EventType.ReferralSent, external)).toEqual([]);
    expect(notificationsFor(EventType.ReferralAccepted, { ...external, status: 'accepted' })).toEqual([]);
    expect(notificationsFor(EventType.ReferralWithdrawn, { ...external, status: 'withdrawn', withdrawalReason: 'by_sender' })).toEqual([]);
    expect(notificationsFor(EventType.ReferralWithdrawn, { ...external, status: 'withdrawn', withdrawalReason: 'consent_expired' })).toEqual([
      { kind: 'withdrawn', to: TheSender, overdueStep: null },
    ]);
  });

  it("escalates a missed step first to the receiving unit's managers, or the receiving organisation's without a unit", () => {
    const toUnit = anOverdue({ toUnitId: randomUUID(), overdueStep: 'acknowledge' });
    const toOrganisation = anOverdue({ toUnitId: null });

    expect(notificationsFor(EventType.ReferralOverdue, toUnit)).toEqual([
      { kind: 'overdue', to: { kind: 'unit_managers', id: toUnit.toUnitId }, overdueStep: 'acknowledge' },
    ]);
    expect(notificationsFor(EventType.ReferralOverdue, toOrganisation)).toEqual([
      { kind: 'overdue', to: { kind: 'organisation_unit_managers', id: toOrganisation.toOrganisationId }, overdueStep: 'answer' },
    ]);
  });

  it("escalates the second level to the sending organisation's coordinators", () => {
    const overdue = anOverdue({ level: 2, escalateTo: 'sending_coordinator', toUnitId: randomUUID() });

    expect(notificationsFor(EventType.ReferralOverdue, overdue)).toEqual([
      { kind: 'overdue', to: { kind: 'organisation_coordinators', id: overdue.fromOrganisationId }, overdueStep: 'answer' },
    ]);
  });

  it("escalates a referral outside the network to the sending unit's managers, whose unit records its steps", () => {
    const overdue = anOverdue({ escalateTo: 'sending_unit_manager', external: true });

    expect(notificationsFor(EventType.ReferralOverdue, overdue)).toEqual([
      { kind: 'overdue', to: { kind: 'unit_managers', id: overdue.fromUnitId }, overdueStep: 'answer' },
    ]);
  });

  it('tells the sender that a referral nobody answered expired, as overdue', () => {
    expect(notificationsFor(EventType.ReferralExpired, aReferral({ status: 'expired' }))).toEqual([{ kind: 'overdue', to: TheSender, overdueStep: null }]);
  });

  it('has a rule for every event the consumer is declared to receive, and none for the rest of the lifecycle', () => {
    expect(consumers.referralsNotifications.eventTypes.every((type) => isNotifiedEventType(type))).toBe(true);
    for (const type of [EventType.ReferralAcknowledged, EventType.ReferralStarted, EventType.ReferralCompleted, EventType.ReferralInterrupted]) {
      expect([type, isNotifiedEventType(type)]).toEqual([type, false]);
    }
  });
});
