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

/**
 * A valid (Luhn-checked) test personnummer, YYYYMMDD-NNNC, for a made-up person; with
 * `coordination`, the samordningsnummer of the same birth date (day + 60).
 */
export function testIdentityNumber(birthDate: string, serial: number, options: { coordination?: boolean } = {}): string {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const shownDay = String(Number(day) + (options.coordination ? 60 : 0)).padStart(2, '0');
  const digits = `${year.slice(2)}${month}${shownDay}${String(serial).padStart(3, '0')}`;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return `${year}${month}${shownDay}-${digits.slice(6)}${(10 - (sum % 10)) % 10}`;
}
