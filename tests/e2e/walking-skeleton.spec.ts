import type { CaseView, OrganisationView, ReferralView } from '@samverkan/contracts';
import { eventually, query } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { consentFor } from '../support/flow';
import { learnedReferralCounts } from '../support/learning';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

// Valid test numbers (Luhn-checked), never a real person's.
const personnummer = ['19900101-0017', '20050315-2381', '19981224-9879'];

describe('the walking skeleton, end to end through the gateway', () => {
  let system: TestSystem;
  let employmentService: SignedInStaff;
  let municipality: SignedInStaff;
  let administrator: SignedInStaff;
  let analyst: SignedInStaff;

  beforeAll(async () => {
    system = await TestSystem.start('skeleton');
    const http = system.http();
    employmentService = await signIn(http, 'Arbetsförmedlare Örebro');
    municipality = await signIn(http, 'Handläggare försörjningsstöd Örebro');
    administrator = await signIn(http, 'Anna Regional');
    analyst = await signIn(http, 'Analytiker Kumla');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  async function openCase(staff: SignedInStaff, number: string, municipalityCode = '1880'): Promise<CaseView> {
    const response = await system
      .http()
      .post('/api/v1/cases')
      .set(staff.auth)
      .send({ personnummer: number, municipalityCode, targetGroup: 'uvas' })
      .expect(201);
    return response.body as CaseView;
  }

  async function consent(staff: SignedInStaff, caseId: string, organisationId: string): Promise<void> {
    await system.http().post(`/api/v1/cases/${caseId}/consents`).set(staff.auth).send(consentFor(organisationId)).expect(201);
  }

  /** Arbetsförmedlingen refers the case's person to Örebro kommun, expecting `status`. */
  function refer(caseId: string, status: number) {
    return system
      .http()
      .post('/api/v1/referrals')
      .set(employmentService.auth)
      .send({ caseId, toOrganisationId: municipality.member.organisationId })
      .expect(status);
  }

  const statistics = () => learnedReferralCounts(system.databaseUrls.learning);

  describe('organisations', () => {
    /** Follows nextCursor until the last page; returns every item and every cursor seen. */
    async function allPages<T>(path: string, limit: number): Promise<{ items: T[]; cursors: string[] }> {
      const items: T[] = [];
      const cursors: string[] = [];
      let after: string | undefined;
      do {
        const page = await system
          .http()
          .get(path)
          .set(analyst.auth)
          .query({ limit, ...(after ? { after } : {}) })
          .expect(200);
        items.push(...(page.body.items as T[]));
        after = page.body.nextCursor ?? undefined;
        if (after) cursors.push(after);
      } while (after);
      return { items, cursors };
    }

    it('lists the seeded organisations of Örebro län by name, page by page', async () => {
      const names = (await allPages<OrganisationView>('/api/v1/organisations', 5)).items.map((organisation) => organisation.name);

      // The order is the database's collation, whatever the machine's locale.
      const stored = await query<{ name: string }>(system.databaseUrls.actors, 'SELECT name FROM organisations ORDER BY name, id');
      expect(names).toEqual(stored.map((row) => row.name));
      expect(names.length).toBeGreaterThanOrEqual(18);
      expect(names).toEqual(
        expect.arrayContaining(['Arbetsförmedlingen Örebro', 'Försäkringskassan Örebro', 'Region Örebro län', 'Lekebergs kommun', 'Lindesbergs kommun']),
      );
    });

    it('pages through staff by name with cursors that carry no name', async () => {
      const { items, cursors } = await allPages<{ displayName: string }>('/api/v1/staff', 7);
      const names = items.map((member) => member.displayName);

      const stored = await query<{ display_name: string }>(system.databaseUrls.actors, 'SELECT display_name FROM staff_members ORDER BY display_name, id');
      expect(names).toEqual(stored.map((row) => row.display_name));
      expect(names).toEqual(expect.arrayContaining(['Anna Regional', 'Olle Drift', 'KAA-samordnare Nora']));
      for (const cursor of cursors) expect(names.some((name) => Buffer.from(cursor, 'base64url').toString('utf8').includes(name))).toBe(false);
    });

    it('filters municipalities by municipality code', async () => {
      const response = await system.http().get('/api/v1/organisations').set(analyst.auth).query({ type: 'municipality', municipalityCode: '1883' }).expect(200);

      expect((response.body.items as OrganisationView[]).map((organisation) => organisation.name)).toEqual(['Karlskoga kommun']);
    });

    it('lets an administrator create an organisation, once per name', async () => {
      const body = {
        name: `Samordningsförbundet ${randomUUID().slice(0, 8)}`,
        type: 'civil_society',
        organisationNumber: '802480-1238',
        municipalityCodes: ['1880'],
      };

      const created = await system.http().post('/api/v1/organisations').set(administrator.auth).send(body).expect(201);
      const again = await system
        .http()
        .post('/api/v1/organisations')
        .set(administrator.auth)
        .send({ ...body, organisationNumber: '802480-1246' })
        .expect(409);
      const fetched = await system.http().get(`/api/v1/organisations/${created.body.id}`).set(analyst.auth).expect(200);

      expect(fetched.body).toMatchObject({ name: body.name, type: 'civil_society', organisationNumber: '802480-1238', municipalityCodes: ['1880'] });
      expect(again.body).toMatchObject({ code: 'ORGANISATION_NAME_TAKEN', status: 409 });
    });

    it('refuses to create an organisation for staff who are not administrators', async () => {
      const response = await system
        .http()
        .post('/api/v1/organisations')
        .set(employmentService.auth)
        .send({ name: 'Ny aktör', type: 'civil_society', organisationNumber: '802480-1246', municipalityCodes: ['1880'] })
        .expect(403);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('a referral from Arbetsförmedlingen to Örebro kommun', () => {
    it('is sent once the person consented, accepted by the receiver, and counted by learning', async () => {
      const before = await statistics();
      const opened = await openCase(employmentService, personnummer[0] as string);
      await consent(employmentService, opened.id, municipality.member.organisationId);

      const sent = await refer(opened.id, 201);
      const inbox = await system.http().get('/api/v1/referrals').set(municipality.auth).query({ direction: 'incoming', status: 'sent' }).expect(200);
      const accepted = await system.http().post(`/api/v1/referrals/${sent.body.id}/accept`).set(municipality.auth).expect(200);

      expect(sent.body).toMatchObject({ status: 'sent', municipalityCode: '1880', targetGroup: 'uvas', version: 1 });
      expect((inbox.body.items as ReferralView[]).map((referral) => referral.id)).toContain(sent.body.id);
      expect(accepted.body).toMatchObject({ id: sent.body.id, status: 'accepted', version: 2 });
      await eventually(async () => {
        const after = await statistics();
        const accepted1880 = (view: Awaited<ReturnType<typeof statistics>>) =>
          view.rows.find((row) => row.municipalityCode === '1880' && row.status === 'accepted')?.count ?? 0;
        expect(accepted1880(after)).toBe(accepted1880(before) + 1);
        expect(after.total).toBe(before.total + 1);
      });
    });

    it('is refused when the consent does not cover the receiver, and nothing is written', async () => {
      const opened = await openCase(employmentService, personnummer[1] as string, '1881');
      const socialInsurance = await signIn(system.http(), 'Handläggare aktivitetsersättning');
      await consent(employmentService, opened.id, socialInsurance.member.organisationId);
      const referralsBefore = await query(system.databaseUrls.referrals, 'SELECT count(*)::int AS n FROM referrals');

      const refused = await refer(opened.id, 422);

      expect(refused.body).toMatchObject({
        code: 'CONSENT_DOES_NOT_COVER_RECEIVER',
        errors: [{ field: 'toOrganisationId', message: expect.any(String) }],
      });
      expect(await query(system.databaseUrls.referrals, 'SELECT count(*)::int AS n FROM referrals')).toEqual(referralsBefore);
    });

    it('can be declined with a reason, and a decided referral cannot be answered again', async () => {
      const opened = await openCase(employmentService, personnummer[2] as string, '1885');
      await consent(employmentService, opened.id, municipality.member.organisationId);
      const sent = await refer(opened.id, 201);

      const declined = await system.http().post(`/api/v1/referrals/${sent.body.id}/decline`).set(municipality.auth).send({ reason: 'no_capacity' }).expect(200);
      const again = await system.http().post(`/api/v1/referrals/${sent.body.id}/accept`).set(municipality.auth).expect(409);

      expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'no_capacity' });
      expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', errors: [{ field: 'status', message: expect.stringContaining('declined') }] });
      await eventually(async () => {
        expect((await statistics()).rows).toContainEqual({ municipalityCode: '1885', status: 'declined', count: 1 });
      });
    });

    it('may only be accepted by the receiving organisation', async () => {
      const opened = await openCase(employmentService, personnummer[0] as string, '1814');
      await consent(employmentService, opened.id, municipality.member.organisationId);
      const sent = await refer(opened.id, 201);

      const response = await system.http().post(`/api/v1/referrals/${sent.body.id}/accept`).set(employmentService.auth).expect(403);

      expect(response.body).toMatchObject({ code: 'NOT_RECEIVER' });
    });
  });

  describe('cases', () => {
    it('shows a case only to its case team, and never returns the personnummer', async () => {
      const opened = await openCase(employmentService, personnummer[1] as string);

      const own = await system.http().get(`/api/v1/cases/${opened.id}`).set(employmentService.auth).expect(200);
      const other = await system.http().get(`/api/v1/cases/${opened.id}`).set(municipality.auth).expect(403);

      expect(own.body).toMatchObject({ id: opened.id, gender: 'female', status: 'open' });
      expect(JSON.stringify(own.body)).not.toContain('20050315');
      expect(other.body).toMatchObject({ code: 'NOT_ON_CASE_TEAM' });
    });

    it('stores the personnummer only encrypted, and no event carries it', async () => {
      await openCase(employmentService, personnummer[2] as string);

      const persons = await query<{ dump: string }>(system.databaseUrls.cases, 'SELECT row_to_json(p)::text AS dump FROM persons p');
      const events = await query<{ dump: string }>(system.databaseUrls.cases, 'SELECT envelope::text AS dump FROM outbox');

      for (const row of [...persons, ...events]) {
        expect(row.dump).not.toMatch(/19981224|981224/);
      }
    });
  });
});
