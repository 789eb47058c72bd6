import type { CaseView, OrganisationView, ReferralView, SharedInformationView } from '@samverkan/contracts';
import { eventually, query, testIdentityNumber } from '@samverkan/testing';
import { consentToShare, openCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';
import { daysAgoInSweden } from '../support/dates';

/**
 * Lawful sharing and referrals outside the network. The sender chooses, from a fixed set, what the
 * receiver may read of the person; the receiver reads exactly that, from cases, while the consent
 * holds, and every read is in the access log. A referral to an actor outside the network (an
 * organisation in the directory with no staff here) runs the same lifecycle, recorded by the sender.
 */
describe('referral sharing and external referrals', () => {
  let system: TestSystem;
  let sender: SignedInStaff; // Arbetsförmedlingen Örebro
  let receiver: SignedInStaff; // Örebro kommun, försörjningsstöd
  let bystander: SignedInStaff; // Försäkringskassan
  let regionAdministrator: SignedInStaff;

  beforeAll(async () => {
    system = await TestSystem.start('sharing', { env: { referrals: { REFERRAL_DEADLINE_INTERVAL_MS: '200' } } });
    const http = system.http();
    sender = await signIn(http, 'Arbetsförmedlare Örebro');
    receiver = await signIn(http, 'Handläggare försörjningsstöd Örebro');
    bystander = await signIn(http, 'Handläggare aktivitetsersättning');
    regionAdministrator = await signIn(http, 'Anna Regional');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const send = (body: Record<string, unknown>) => system.http().post('/api/v1/referrals').set(sender.auth).send(body);
  const shared = (staff: SignedInStaff, referralId: string) => system.http().get(`/api/v1/referrals/${referralId}/shared-information`).set(staff.auth);
  const referralCount = async () => Number((await query<{ n: string }>(system.databaseUrls.referrals, 'SELECT count(*) AS n FROM referrals'))[0]?.n);

  async function consentedCase(personnummer: string, organisationId: string, extra: Record<string, unknown> = {}): Promise<CaseView> {
    const opened = (
      await system
        .http()
        .post('/api/v1/cases')
        .set(sender.auth)
        .send({ personnummer, municipalityCode: '1880', targetGroup: 'uvas', supportNeeds: ['work_experience'], ...extra })
        .expect(201)
    ).body as CaseView;
    await consentToShare(system.http(), sender, opened.id, organisationId);
    return opened;
  }

  async function accessLogOf(caseId: string): Promise<Array<{ action: string; outcome: string; staff_id: string; reason: string }>> {
    return query(
      system.databaseUrls.cases,
      "SELECT action, outcome, staff_id, reason FROM access_log WHERE case_id = $1 AND action = 'person.shared.read' ORDER BY sequence",
      [caseId],
    );
  }

  describe('what the sender shares', () => {
    it('shows the receiver exactly the chosen fields, read from the case, and logs each read', async () => {
      const opened = await consentedCase(testIdentityNumber('1990-01-01', 101), receiver.member.organisationId, { name: 'Sara Exempel', gender: 'female' });
      await system
        .http()
        .post(`/api/v1/cases/${opened.id}/plan-steps`)
        .set(sender.auth)
        .send({ responsibleUnitId: sender.member.unitId, supportNeeds: ['work_experience'], plannedStart: '2027-01-11' })
        .expect(201);
      const sent = (
        await send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId, sharedFields: ['personnummer', 'name', 'plan_steps'] }).expect(201)
      ).body as ReferralView;
      expect(sent.sharedFields).toEqual(['personnummer', 'name', 'plan_steps']);

      const view = (await shared(receiver, sent.id).expect(200)).body as SharedInformationView;

      expect(Object.keys(view).sort()).toEqual(['name', 'personnummer', 'planSteps', 'protectedIdentity', 'sharedFields', 'withheld']);
      expect(view).toMatchObject({ personnummer: testIdentityNumber('1990-01-01', 101), name: 'Sara Exempel', protectedIdentity: false, withheld: [] });
      expect(view.planSteps).toEqual([expect.objectContaining({ caseId: opened.id, plannedStart: '2027-01-11', status: 'planned' })]);
      expect(await accessLogOf(opened.id)).toEqual([
        { action: 'person.shared.read', outcome: 'allowed', staff_id: receiver.member.id, reason: 'consent_receiver' },
      ]);
      // The event names the fields shared, never their values.
      const [event] = await query<{ envelope: { data: Record<string, unknown> } }>(
        system.databaseUrls.referrals,
        "SELECT envelope FROM outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' = 'referrals.events.referral.sent'",
        [`referral/${sent.id}`],
      );
      expect(event?.envelope.data).toMatchObject({ sharedFields: ['personnummer', 'name', 'plan_steps'], external: false });
      const number = testIdentityNumber('1990-01-01', 101);
      for (const secret of [number, number.replace('-', ''), 'Sara']) expect(JSON.stringify(event?.envelope)).not.toContain(secret);
    });

    it('shares nothing of the person unless the sender chose it', async () => {
      const opened = await consentedCase(testIdentityNumber('1987-06-05', 102), receiver.member.organisationId, { name: 'Omar Exempel' });
      const sent = (await send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId }).expect(201)).body as ReferralView;

      const view = (await shared(receiver, sent.id).expect(200)).body as SharedInformationView;

      expect(view).toEqual({ sharedFields: [], protectedIdentity: false, withheld: [] });
    });

    it('gives codes as chosen: gender, municipality, target group and needs', async () => {
      const opened = await consentedCase(testIdentityNumber('1995-03-15', 103), receiver.member.organisationId, { name: 'Lina Exempel', gender: 'female' });
      const sent = (
        await send({
          caseId: opened.id,
          toOrganisationId: receiver.member.organisationId,
          sharedFields: ['gender', 'municipality_of_residence', 'target_group', 'support_needs'],
        }).expect(201)
      ).body as ReferralView;

      const view = (await shared(receiver, sent.id).expect(200)).body as SharedInformationView;

      expect(view).toEqual({
        sharedFields: ['gender', 'municipality_of_residence', 'target_group', 'support_needs'],
        gender: 'female',
        municipalityCode: '1880',
        targetGroup: 'uvas',
        supportNeeds: ['work_experience'],
        protectedIdentity: false,
        withheld: [],
      });
    });

    it('withholds the number of a person with protected identity, and says so', async () => {
      const opened = await consentedCase(testIdentityNumber('1988-08-08', 104), receiver.member.organisationId, { protectedIdentity: true });
      const sent = (
        await send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId, sharedFields: ['personnummer', 'name', 'gender'] }).expect(201)
      ).body as ReferralView;

      const view = (await shared(receiver, sent.id).expect(200)).body as SharedInformationView;

      expect(view).toEqual({
        sharedFields: ['personnummer', 'name', 'gender'],
        gender: expect.any(String),
        protectedIdentity: true,
        withheld: ['personnummer', 'name'],
      });
    });

    it('is for the receiver only: the sender reads the case, anyone else is refused', async () => {
      const opened = await consentedCase(testIdentityNumber('1991-02-02', 105), receiver.member.organisationId, { name: 'Nils Exempel' });
      const sent = (await send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId, sharedFields: ['name'] }).expect(201))
        .body as ReferralView;

      expect((await shared(sender, sent.id).expect(403)).body).toMatchObject({ code: 'NOT_RECEIVER' });
      expect((await shared(bystander, sent.id).expect(403)).headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await accessLogOf(opened.id)).toEqual([]);
    });

    it('refuses the very next read once the consent is withdrawn, and logs the refusal', async () => {
      const opened = await consentedCase(testIdentityNumber('1993-03-03', 106), receiver.member.organisationId, { name: 'Eva Exempel' });
      const [consent] = (await system.http().get(`/api/v1/cases/${opened.id}`).set(sender.auth).expect(200)).body.consents as Array<{ id: string }>;
      const sent = (await send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId, sharedFields: ['name'] }).expect(201))
        .body as ReferralView;
      await shared(receiver, sent.id).expect(200);

      await system.http().post(`/api/v1/cases/${opened.id}/consents/${consent?.id}/withdraw`).set(sender.auth).expect(200);

      const refused = await shared(receiver, sent.id);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'CONSENT_NOT_ACTIVE', errors: [{ field: 'referralId' }] });
      expect((await accessLogOf(opened.id)).map((entry) => entry.outcome)).toEqual(['allowed', 'denied']);
    });

    it.each([
      ['a field outside the fixed set', ['personnummer', 'address']],
      ['the same field twice', ['name', 'name']],
      ['not a list', 'name'],
    ])('refuses %s with a problem naming sharedFields, and writes nothing', async (_case, sharedFields) => {
      const opened = await consentedCase(testIdentityNumber('1994-04-04', 107), receiver.member.organisationId);
      const before = await referralCount();

      const response = await send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId, sharedFields });

      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'sharedFields' })]));
      expect(await referralCount()).toBe(before);
    });
  });

  describe('on a ground in law instead of a consent', () => {
    it('records the ground on which the receiving unit is on the case team, shares on it while it holds, and refuses from the moment it does not', async () => {
      const opened = (
        await system
          .http()
          .post('/api/v1/cases')
          .set(sender.auth)
          .send({ personnummer: testIdentityNumber('1989-09-19', 113), municipalityCode: '1880', targetGroup: 'uvas', name: 'Ali Exempel' })
          .expect(201)
      ).body as CaseView;
      // No consent: the receiving unit joins the team under a duty to disclose (OSL 10:28).
      await system
        .http()
        .post(`/api/v1/cases/${opened.id}/team`)
        .set(sender.auth)
        .send({ unitId: receiver.member.unitId, legalBasis: 'duty_to_disclose' })
        .expect(200);

      const sent = (await send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId, sharedFields: ['name'] }).expect(201))
        .body as ReferralView;

      expect(sent).toMatchObject({ legalBasis: 'duty_to_disclose', consentId: null });
      expect(((await shared(receiver, sent.id).expect(200)).body as SharedInformationView).name).toBe('Ali Exempel');
      await system.http().post(`/api/v1/referrals/${sent.id}/acknowledge`).set(receiver.auth).expect(200);
      const [event] = await query<{ basis: string }>(
        system.databaseUrls.referrals,
        "SELECT envelope->'data'->>'legalBasis' AS basis FROM outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' = 'referrals.events.referral.sent'",
        [`referral/${sent.id}`],
      );
      expect(event?.basis).toBe('duty_to_disclose');

      await system.http().delete(`/api/v1/cases/${opened.id}/team/${receiver.member.unitId}`).set(sender.auth).expect(200);

      // Off the team, the receiver is refused by the case's own policy, on the next request.
      for (const refused of [await shared(receiver, sent.id), await system.http().post(`/api/v1/referrals/${sent.id}/accept`).set(receiver.auth)]) {
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ code: 'NOT_ON_CASE_TEAM' });
      }
    });
  });

  describe('to an actor outside the network', () => {
    let outside: OrganisationView;

    beforeAll(async () => {
      outside = (
        await system
          .http()
          .post('/api/v1/organisations')
          .set(regionAdministrator.auth)
          .send({ name: 'Arbetsträning Exempel AB', type: 'civil_society', organisationNumber: '5566778899', municipalityCodes: ['1880'], inNetwork: false })
          .expect(201)
      ).body as OrganisationView;
    });

    it('is in the directory as outside the network', () => {
      expect(outside).toMatchObject({ inNetwork: false, active: true });
    });

    it('runs the whole lifecycle, each step recorded by the sender, announced with external set', async () => {
      const opened = await consentedCase(testIdentityNumber('1996-06-06', 108), outside.id);
      const sent = (await send({ caseId: opened.id, toOrganisationId: outside.id }).expect(201)).body as ReferralView;
      expect(sent).toMatchObject({ external: true, status: 'sent', toOrganisationId: outside.id });
      const step = (path: string, body: Record<string, unknown> = {}) =>
        system.http().post(`/api/v1/referrals/${sent.id}/${path}`).set(sender.auth).send(body).expect(200);

      await step('acknowledge');
      await step('accept');
      await step('start');
      const completed = (await step('complete', { outcome: 'achieved', exitDestination: 'work' })).body as ReferralView;

      expect(completed).toMatchObject({ status: 'completed', exitDestination: 'work', version: 5, external: true });
      const events = await query<{ type: string; external: boolean }>(
        system.databaseUrls.referrals,
        "SELECT envelope->>'type' AS type, (envelope->'data'->>'external')::boolean AS external FROM outbox WHERE envelope->>'subject' = $1 ORDER BY created_at",
        [`referral/${sent.id}`],
      );
      expect(events.map((event) => event.type.replace('referrals.events.referral.', ''))).toEqual(['sent', 'acknowledged', 'accepted', 'started', 'completed']);
      expect(events.every((event) => event.external)).toBe(true);
      // The outbox lists it like any other; nobody else may act on it.
      await system.http().post(`/api/v1/referrals/${sent.id}/withdraw`).set(bystander.auth).expect(403);
    });

    it('lets the sender record a decline, and keeps the table: no start after a decline', async () => {
      const opened = await consentedCase(testIdentityNumber('1997-07-07', 109), outside.id);
      const sent = (await send({ caseId: opened.id, toOrganisationId: outside.id }).expect(201)).body as ReferralView;

      await system.http().post(`/api/v1/referrals/${sent.id}/decline`).set(sender.auth).send({ reason: 'no_capacity' }).expect(200);
      const illegal = await system.http().post(`/api/v1/referrals/${sent.id}/start`).set(sender.auth);

      expect(illegal.status).toBe(409);
      expect(illegal.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', errors: [{ field: 'status', message: 'is declined; allowed from here: none' }] });
    });

    it('tells the sending unit’s manager first when a step is missed, as nobody at the actor works here', async () => {
      const opened = await consentedCase(testIdentityNumber('1992-12-12', 112), outside.id);
      const sent = (await send({ caseId: opened.id, toOrganisationId: outside.id }).expect(201)).body as ReferralView;
      const yesterday = daysAgoInSweden(2);
      await query(system.databaseUrls.referrals, 'UPDATE referrals SET acknowledge_by = $2::date, deadline_check_on = now()::date WHERE id = $1', [
        sent.id,
        yesterday,
      ]);

      await eventually(async () => {
        const escalations = await query<{ escalate_to: string; level: number }>(
          system.databaseUrls.referrals,
          "SELECT envelope->'data'->>'escalateTo' AS escalate_to, (envelope->'data'->>'level')::int AS level FROM outbox WHERE subject = 'referrals.events.referral.overdue' AND envelope->>'subject' = $1",
          [`referral/${sent.id}`],
        );
        expect(escalations).toEqual([{ escalate_to: 'sending_unit_manager', level: 1 }]);
      });
    });

    it('still needs the consent to name the actor', async () => {
      const opened = await openCase(system.http(), sender, testIdentityNumber('1998-08-08', 110));
      const before = await referralCount();

      const response = await send({ caseId: opened.id, toOrganisationId: outside.id });

      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'CONSENT_DOES_NOT_COVER_RECEIVER', errors: [{ field: 'toOrganisationId' }] });
      expect(await referralCount()).toBe(before);
    });
  });

  it('refuses a referral to an organisation the directory does not know, naming the field, and writes nothing', async () => {
    const opened = await openCase(system.http(), sender, testIdentityNumber('1999-09-09', 111));
    const before = await referralCount();

    const response = await send({ caseId: opened.id, toOrganisationId: '0195f3a0-0000-7000-8000-00000000dead' });

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'ORGANISATION_NOT_FOUND', errors: [{ field: 'toOrganisationId' }] });
    expect(await referralCount()).toBe(before);
  });
});
