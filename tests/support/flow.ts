import type { CaseView, ConsentView, ReferralView } from '@samverkan/contracts';
import type TestAgent from 'supertest/lib/agent';
import type { SignedInStaff } from './staff';

/** The steps of the referral flow through the gateway, each expected to succeed. */

export async function openCase(
  http: TestAgent,
  staff: SignedInStaff,
  personnummer: string,
  details: { municipalityCode: string; targetGroup: string } = { municipalityCode: '1880', targetGroup: 'uvas' },
): Promise<CaseView> {
  return (
    await http
      .post('/api/v1/cases')
      .set(staff.auth)
      .send({ personnummer, ...details })
      .expect(201)
  ).body as CaseView;
}

/** A calendar date a year from now: an expiry the API accepts. */
export function inAYear(): string {
  return new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
}

/** The body of a written consent to share with one organisation, for referrals, for a year. */
export function consentFor(organisationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { receivers: [{ organisationId }], purpose: 'referral', givenAs: 'written', expiresOn: inAYear(), ...overrides };
}

export async function consentToShare(http: TestAgent, staff: SignedInStaff, caseId: string, organisationId: string): Promise<ConsentView> {
  return (await http.post(`/api/v1/cases/${caseId}/consents`).set(staff.auth).send(consentFor(organisationId)).expect(201)).body as ConsentView;
}

export async function sendReferral(http: TestAgent, staff: SignedInStaff, caseId: string, toOrganisationId: string): Promise<ReferralView> {
  return (await http.post('/api/v1/referrals').set(staff.auth).send({ caseId, toOrganisationId }).expect(201)).body as ReferralView;
}

/** A case whose person consented to share with `receiver`'s organisation, referred there. */
export async function referredCase(
  http: TestAgent,
  sender: SignedInStaff,
  receiver: SignedInStaff,
  personnummer: string,
  details?: { municipalityCode: string; targetGroup: string },
): Promise<{ opened: CaseView; sent: ReferralView }> {
  const opened = await openCase(http, sender, personnummer, details);
  await consentToShare(http, sender, opened.id, receiver.member.organisationId);
  return { opened, sent: await sendReferral(http, sender, opened.id, receiver.member.organisationId) };
}
