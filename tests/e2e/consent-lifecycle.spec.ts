import type { CaseView, ConsentView } from '@samverkan/contracts';
import { query } from '@samverkan/testing';
import { consentFor, consentToShare, openCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/**
 * A consent names its receivers, how and when it was given and the last day it holds; it can be
 * withdrawn, and from then on nothing that relied on it is allowed: cases decides every share on
 * its own rows, in the request.
 */
describe('the lifecycle of a consent', () => {
  let system: TestSystem;
  let caseworker: SignedInStaff; // Arbetsförmedlingen Örebro
  let receiver: SignedInStaff; // Örebro kommun

  beforeAll(async () => {
    system = await TestSystem.start('consents');
    caseworker = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    receiver = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const refer = (caseId: string) =>
    system.http().post('/api/v1/referrals').set(caseworker.auth).send({ caseId, toOrganisationId: receiver.member.organisationId });
  const withdraw = (caseId: string, consentId: string) => system.http().post(`/api/v1/cases/${caseId}/consents/${consentId}/withdraw`).set(caseworker.auth);

  it('records receivers, form, time given and expiry, and shows them on the case', async () => {
    const opened = await openCase(system.http(), caseworker, '19900101-0017');
    const givenAt = new Date(Date.now() - 3_600_000).toISOString();
    const recorded = (
      await system
        .http()
        .post(`/api/v1/cases/${opened.id}/consents`)
        .set(caseworker.auth)
        .send(consentFor(receiver.member.organisationId, { givenAs: 'oral', givenAt, expiresOn: '2099-06-30' }))
        .expect(201)
    ).body as ConsentView;

    expect(recorded).toMatchObject({
      receivers: [{ organisationId: receiver.member.organisationId, unitId: null }],
      purpose: 'referral',
      givenAs: 'oral',
      givenAt,
      recordedBy: caseworker.member.id,
      expiresOn: '2099-06-30',
      status: 'active',
      withdrawnAt: null,
    });
    const read = (await system.http().get(`/api/v1/cases/${opened.id}`).set(caseworker.auth).expect(200)).body as CaseView;
    expect(read.consents).toEqual([recorded]);
  });

  it('refuses the very next share after a withdrawal, and announces the withdrawal without identity', async () => {
    const opened = await openCase(system.http(), caseworker, '20050315-2381');
    const consent = await consentToShare(system.http(), caseworker, opened.id, receiver.member.organisationId);
    await refer(opened.id).expect(201);

    const withdrawn = (await withdraw(opened.id, consent.id).expect(200)).body as ConsentView;
    const refused = await refer(opened.id);

    expect(withdrawn).toMatchObject({ id: consent.id, status: 'withdrawn', withdrawnAt: expect.any(String) });
    // The first request after the withdrawal is refused: the delay is at most one round trip.
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'CONSENT_DOES_NOT_COVER_RECEIVER' });

    const [event] = await query<{ envelope: { data: Record<string, unknown> } }>(
      system.databaseUrls.cases,
      "SELECT envelope FROM outbox WHERE subject = 'cases.events.consent.withdrawn' AND envelope->>'subject' = $1",
      [`consent/${consent.id}`],
    );
    expect(event?.envelope.data).toEqual({
      consentId: consent.id,
      caseId: opened.id,
      receivers: [{ organisationId: receiver.member.organisationId, unitId: null }],
      purpose: 'referral',
    });
    expect(JSON.stringify(event)).not.toContain('2381');
  });

  it('refuses to withdraw twice, and writes nothing the second time', async () => {
    const opened = await openCase(system.http(), caseworker, '19981224-9879');
    const consent = await consentToShare(system.http(), caseworker, opened.id, receiver.member.organisationId);
    await withdraw(opened.id, consent.id).expect(200);
    const events = async () =>
      (
        await query<{ count: number }>(system.databaseUrls.cases, "SELECT count(*)::int AS count FROM outbox WHERE subject = 'cases.events.consent.withdrawn'")
      )[0]?.count;
    const before = await events();

    const again = await withdraw(opened.id, consent.id).expect(409);

    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', errors: [{ field: 'consentId' }] });
    expect(await events()).toBe(before);
  });

  it('stops covering a share the day after its last day', async () => {
    const opened = await openCase(system.http(), caseworker, '20080101-0018');
    const consent = await consentToShare(system.http(), caseworker, opened.id, receiver.member.organisationId);
    await refer(opened.id).expect(201);

    // The day passes: its last day becomes yesterday.
    await query(system.databaseUrls.cases, "UPDATE consents SET expires_on = (now() AT TIME ZONE 'Europe/Stockholm')::date - 1 WHERE id = $1", [consent.id]);

    await refer(opened.id).expect(422);
    const read = (await system.http().get(`/api/v1/cases/${opened.id}`).set(caseworker.auth).expect(200)).body as CaseView;
    expect(read.consents.map((shown) => shown.status)).toEqual(['expired']);
  });

  it('lets no other organisation withdraw a consent, and logs the attempt', async () => {
    const opened = await openCase(system.http(), caseworker, '19121212-1212');
    const consent = await consentToShare(system.http(), caseworker, opened.id, receiver.member.organisationId);

    await system.http().post(`/api/v1/cases/${opened.id}/consents/${consent.id}/withdraw`).set(receiver.auth).expect(403);

    const [attempt] = await query<{ outcome: string; reason: string }>(
      system.databaseUrls.cases,
      "SELECT outcome, reason FROM access_log WHERE action = 'consent.withdraw' AND staff_id = $1",
      [receiver.member.id],
    );
    expect(attempt).toEqual({ outcome: 'denied', reason: 'not_on_team' });
    await refer(opened.id).expect(201);
  });
});
