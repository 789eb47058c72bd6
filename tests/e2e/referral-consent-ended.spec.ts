import type { ConsentView, ReferralView } from '@samverkan/contracts';
import { eventually, query } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { consentToShare, openCase, sendReferral } from '../support/flow';
import { learnedReferralCounts } from '../support/learning';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

interface ReferralRow {
  status: string;
  withdrawal_reason: string | null;
  withdrawn_at: Date | null;
  consent_id: string | null;
  version: number;
}

/**
 * A referral records the consent that allowed it and lives only as long as that consent: from the
 * moment it is withdrawn or expires, every read and answer of the referral is refused (referrals
 * asks cases, which decides on its own rows), and referrals withdraws what relied on it, with
 * the reason, once cases' event reaches it.
 */
describe('a referral whose consent ends', () => {
  let system: TestSystem;
  let caseworker: SignedInStaff; // Arbetsförmedlingen Örebro
  let municipality: SignedInStaff; // Örebro kommun
  let socialInsurance: SignedInStaff; // Försäkringskassan

  beforeAll(async () => {
    system = await TestSystem.start('consentend');
    const http = system.http();
    caseworker = await signIn(http, 'Arbetsförmedlare Örebro');
    municipality = await signIn(http, 'Handläggare försörjningsstöd Örebro');
    socialInsurance = await signIn(http, 'Handläggare aktivitetsersättning');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const read = (staff: SignedInStaff, referralId: string) => system.http().get(`/api/v1/referrals/${referralId}`).set(staff.auth);
  const accept = (staff: SignedInStaff, referralId: string) => system.http().post(`/api/v1/referrals/${referralId}/accept`).set(staff.auth);
  const decline = (staff: SignedInStaff, referralId: string) =>
    system.http().post(`/api/v1/referrals/${referralId}/decline`).set(staff.auth).send({ reason: 'no_capacity' });
  const withdraw = (caseId: string, consentId: string) => system.http().post(`/api/v1/cases/${caseId}/consents/${consentId}/withdraw`).set(caseworker.auth);

  async function referral(id: string): Promise<ReferralRow> {
    const [row] = await query<ReferralRow>(
      system.databaseUrls.referrals,
      'SELECT status, withdrawal_reason, withdrawn_at, consent_id, version FROM referrals WHERE id = $1',
      [id],
    );
    if (!row) throw new Error(`no referral ${id}`);
    return row;
  }

  const statistics = (municipalityCode: string) => learnedReferralCounts(system.databaseUrls.learning, municipalityCode);

  /** Puts an event into cases' outbox as cases itself does; its relay publishes it. */
  async function publishFromCases(type: string, data: { consentId: string; caseId: string; receivers: unknown[]; purpose: string }): Promise<string> {
    const id = randomUUID();
    const envelope = {
      specversion: '1.0',
      id,
      source: '/samverkan/cases',
      type,
      subject: `consent/${data.consentId}`,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      schemaversion: 1,
      correlationid: randomUUID(),
      causationid: null,
      data,
    };
    await query(system.databaseUrls.cases, "INSERT INTO outbox (id, subject, envelope, created_at) VALUES ($1, $2, $3, now() - interval '2 seconds')", [
      id,
      type,
      JSON.stringify(envelope),
    ]);
    return id;
  }

  /** Whether referrals' consumer has applied the event: its record is written with the change. */
  async function handledByReferrals(eventId: string): Promise<boolean> {
    const rows = await query(system.databaseUrls.referrals, "SELECT 1 FROM processed_events WHERE consumer = 'referrals-consent-ended' AND event_id = $1", [
      eventId,
    ]);
    return rows.length === 1;
  }

  const expectConsentRefusal = (response: { status: number; headers: Record<string, string>; body: unknown }) => {
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'CONSENT_NOT_ACTIVE', errors: [{ field: 'referralId' }] });
  };

  it('refuses every read and answer of the referral from the withdrawal on, withdraws it with the reason, and leaves referrals on other consents alone', async () => {
    // One case consented to Örebro kommun and, separately, to Försäkringskassan; another case to Örebro kommun.
    const first = await openCase(system.http(), caseworker, '19920304-1232', { municipalityCode: '1862', targetGroup: 'uvas' });
    const toMunicipality = await consentToShare(system.http(), caseworker, first.id, municipality.member.organisationId);
    const toSocialInsurance = await consentToShare(system.http(), caseworker, first.id, socialInsurance.member.organisationId);
    const second = await openCase(system.http(), caseworker, '19881122-2341', { municipalityCode: '1862', targetGroup: 'uvas' });
    const secondConsent = await consentToShare(system.http(), caseworker, second.id, municipality.member.organisationId);
    const relying = await sendReferral(system.http(), caseworker, first.id, municipality.member.organisationId);
    const sameCaseOtherConsent = await sendReferral(system.http(), caseworker, first.id, socialInsurance.member.organisationId);
    const otherCase = await sendReferral(system.http(), caseworker, second.id, municipality.member.organisationId);
    const declinedEarlier = await sendReferral(system.http(), caseworker, first.id, municipality.member.organisationId);
    await decline(municipality, declinedEarlier.id).expect(200);
    expect([relying.consentId, sameCaseOtherConsent.consentId, otherCase.consentId]).toEqual([toMunicipality.id, toSocialInsurance.id, secondConsent.id]);
    await read(municipality, relying.id).expect(200);

    await withdraw(first.id, toMunicipality.id).expect(200);

    // (a) The very next requests, by either organisation, are refused: cases is asked, not a copy.
    expectConsentRefusal(await read(municipality, relying.id));
    expectConsentRefusal(await read(caseworker, relying.id));
    expectConsentRefusal(await accept(municipality, relying.id));
    expectConsentRefusal(await decline(municipality, relying.id));

    // (b) The consumer withdraws it with the reason, and announces it to learning.
    await eventually(async () => {
      expect(await referral(relying.id)).toMatchObject({
        status: 'withdrawn',
        withdrawal_reason: 'consent_withdrawn',
        withdrawn_at: expect.any(Date),
        version: 2,
      });
    });
    const [event] = await query<{ envelope: { data: Record<string, unknown>; causationid: string | null } }>(
      system.databaseUrls.referrals,
      "SELECT envelope FROM outbox WHERE subject = 'referrals.events.referral.withdrawn' AND envelope->>'subject' = $1",
      [`referral/${relying.id}`],
    );
    expect(event?.envelope.data).toEqual({
      referralId: relying.id,
      caseId: first.id,
      fromOrganisationId: caseworker.member.organisationId,
      toOrganisationId: municipality.member.organisationId,
      municipalityCode: '1862',
      targetGroup: 'uvas',
      gender: 'male',
      status: 'withdrawn',
      declineReason: null,
      withdrawalReason: 'consent_withdrawn',
      version: 2,
      supportResourceId: null,
      toUnitId: null,
      external: false,
      sharedFields: [],
      legalBasis: 'consent',
      deadlines: { acknowledgeBy: expect.any(String), answerBy: expect.any(String), startBy: null },
      exitDestination: null,
      outcome: null,
      steps: { sentAt: relying.sentAt, acknowledgedAt: null, answeredAt: null, startedAt: null, endedAt: expect.any(String) },
    });
    await eventually(async () => {
      expect((await statistics('1862')).rows).toEqual(
        expect.arrayContaining([
          { municipalityCode: '1862', status: 'withdrawn', count: 1 },
          { municipalityCode: '1862', status: 'sent', count: 2 },
          { municipalityCode: '1862', status: 'declined', count: 1 },
        ]),
      );
    });
    expectConsentRefusal(await read(caseworker, relying.id));

    // A referral answered before stays as it was answered: only open ones are withdrawn.
    expect(await referral(declinedEarlier.id)).toMatchObject({ status: 'declined', withdrawal_reason: null, version: 2 });
    // (c) Referrals relying on another consent, of the same case or another, are untouched and still work.
    expect(await referral(sameCaseOtherConsent.id)).toMatchObject({ status: 'sent', withdrawal_reason: null, version: 1 });
    expect(await referral(otherCase.id)).toMatchObject({ status: 'sent', withdrawal_reason: null, version: 1 });
    expect(((await read(socialInsurance, sameCaseOtherConsent.id).expect(200)).body as ReferralView).status).toBe('sent');
    expect(((await accept(municipality, otherCase.id).expect(200)).body as ReferralView).status).toBe('accepted');
  });

  it('holds a referral to the very consent it relied on, not to a later one for the same receiver', async () => {
    const opened = await openCase(system.http(), caseworker, '19121212-1212', { municipalityCode: '1860', targetGroup: 'uvas' });
    const relied = await consentToShare(system.http(), caseworker, opened.id, municipality.member.organisationId);
    const sent = await sendReferral(system.http(), caseworker, opened.id, municipality.member.organisationId);
    const later = await consentToShare(system.http(), caseworker, opened.id, municipality.member.organisationId);

    await withdraw(opened.id, relied.id).expect(200);

    expectConsentRefusal(await accept(municipality, sent.id));
    await eventually(async () => expect((await referral(sent.id)).status).toBe('withdrawn'));
    // The person's later consent allows a new referral, which relies on it.
    const resent = await sendReferral(system.http(), caseworker, opened.id, municipality.member.organisationId);
    expect(resent.consentId).toBe(later.id);
    await accept(municipality, resent.id).expect(200);
  });

  it('refuses at once even when referrals has heard nothing of the end', async () => {
    const opened = await openCase(system.http(), caseworker, '20010203-3453', { municipalityCode: '1863', targetGroup: 'uvas' });
    const consent = await consentToShare(system.http(), caseworker, opened.id, municipality.member.organisationId);
    const sent = await sendReferral(system.http(), caseworker, opened.id, municipality.member.organisationId);

    // Ended in cases' own rows, without an event: nothing can have told referrals.
    await query(system.databaseUrls.cases, 'UPDATE consents SET withdrawn_at = now(), withdrawn_by = recorded_by WHERE id = $1', [consent.id]);

    expectConsentRefusal(await read(municipality, sent.id));
    expectConsentRefusal(await accept(municipality, sent.id));
    expect(await referral(sent.id)).toMatchObject({ status: 'sent', version: 1 });
  });

  it('withdraws an accepted referral when its consent expires, with the reason consent_expired', async () => {
    const opened = await openCase(system.http(), caseworker, '19770707-4568', { municipalityCode: '1864', targetGroup: 'uvas' });
    const consent = await consentToShare(system.http(), caseworker, opened.id, municipality.member.organisationId);
    const sent = await sendReferral(system.http(), caseworker, opened.id, municipality.member.organisationId);
    await accept(municipality, sent.id).expect(200);

    // Its last day passes; from the next request on it no longer covers the referral.
    await query(system.databaseUrls.cases, "UPDATE consents SET expires_on = (now() AT TIME ZONE 'Europe/Stockholm')::date - 1 WHERE id = $1", [consent.id]);
    expectConsentRefusal(await read(municipality, sent.id));
    // What cases announces when it finds the consent expired.
    await publishFromCases('cases.events.consent.expired', {
      consentId: consent.id,
      caseId: opened.id,
      receivers: [{ organisationId: municipality.member.organisationId, unitId: null }],
      purpose: 'referral',
    });

    await eventually(async () => {
      expect(await referral(sent.id)).toMatchObject({ status: 'withdrawn', withdrawal_reason: 'consent_expired', version: 3 });
    });
    await eventually(async () => {
      expect((await statistics('1864')).rows).toEqual([{ municipalityCode: '1864', status: 'withdrawn', count: 1 }]);
    });
  });

  it('withdraws a referral once, however often the end of its consent is announced', async () => {
    const opened = await openCase(system.http(), caseworker, '19951212-5676', { municipalityCode: '1884', targetGroup: 'uvas' });
    const consent = await consentToShare(system.http(), caseworker, opened.id, municipality.member.organisationId);
    const sent = await sendReferral(system.http(), caseworker, opened.id, municipality.member.organisationId);
    await withdraw(opened.id, consent.id).expect(200);
    await eventually(async () => expect((await referral(sent.id)).status).toBe('withdrawn'));

    // The same end announced again, and as an expiry, by later events.
    const again = await publishFromCases('cases.events.consent.withdrawn', {
      consentId: consent.id,
      caseId: opened.id,
      receivers: [{ organisationId: municipality.member.organisationId, unitId: null }],
      purpose: 'referral',
    });
    const expired = await publishFromCases('cases.events.consent.expired', {
      consentId: consent.id,
      caseId: opened.id,
      receivers: [{ organisationId: municipality.member.organisationId, unitId: null }],
      purpose: 'referral',
    });
    await eventually(async () => expect([await handledByReferrals(again), await handledByReferrals(expired)]).toEqual([true, true]));

    expect(await referral(sent.id)).toMatchObject({ status: 'withdrawn', withdrawal_reason: 'consent_withdrawn', version: 2 });
    const events = await query<{ count: number }>(
      system.databaseUrls.referrals,
      "SELECT count(*)::int AS count FROM outbox WHERE subject = 'referrals.events.referral.withdrawn' AND envelope->>'subject' = $1",
      [`referral/${sent.id}`],
    );
    expect(events).toEqual([{ count: 1 }]);
  });

  it('withdraws what relied on a consent withdrawn while referrals was down, once it is back', async () => {
    const opened = await openCase(system.http(), caseworker, '20000606-6781', { municipalityCode: '1885', targetGroup: 'uvas' });
    const consent = (await consentToShare(system.http(), caseworker, opened.id, municipality.member.organisationId)) satisfies ConsentView;
    const sent = await sendReferral(system.http(), caseworker, opened.id, municipality.member.organisationId);

    await system.stopService('referrals');
    try {
      await withdraw(opened.id, consent.id).expect(200);
      // The withdrawal is out: cases' relay has published it to the stream.
      await eventually(async () => {
        const [row] = await query<{ sent: boolean }>(
          system.databaseUrls.cases,
          "SELECT sent_at IS NOT NULL AS sent FROM outbox WHERE subject = 'cases.events.consent.withdrawn' AND envelope->>'subject' = $1",
          [`consent/${consent.id}`],
        );
        expect(row?.sent).toBe(true);
      });
      expect(await referral(sent.id)).toMatchObject({ status: 'sent' });
    } finally {
      await system.startService('referrals');
    }

    await eventually(async () => {
      expect(await referral(sent.id)).toMatchObject({ status: 'withdrawn', withdrawal_reason: 'consent_withdrawn' });
    });
  });
});
