import { EventType, StaffRole, type ActorContext, type EventEnvelope, type ReferralStateData } from '@samverkan/contracts';
import { randomUUID } from 'node:crypto';

export function anActor(overrides: Partial<ActorContext> = {}): ActorContext {
  return {
    staffId: randomUUID(),
    organisationId: randomUUID(),
    unitId: randomUUID(),
    roles: [StaffRole.Caseworker],
    ...overrides,
  };
}

/** A referral event as the referrals relay publishes it; `state` overrides the referral's data. */
export function aReferralEvent(type: EventType = EventType.ReferralSent, state: Partial<ReferralStateData> = {}): EventEnvelope<ReferralStateData> {
  const referralId = state.referralId ?? randomUUID();
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/samverkan/referrals',
    type,
    subject: `referral/${referralId}`,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    schemaversion: 1,
    correlationid: randomUUID(),
    causationid: null,
    data: {
      referralId,
      caseId: randomUUID(),
      fromOrganisationId: randomUUID(),
      toOrganisationId: randomUUID(),
      municipalityCode: '1861',
      targetGroup: 'disability',
      gender: 'female',
      status: 'sent',
      declineReason: null,
      version: 1,
      ...state,
    },
  };
}
