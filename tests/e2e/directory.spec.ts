import type {
  CompetenceMapView,
  HsdsExportView,
  OrganisationView,
  Page,
  StaffMemberView,
  SupportResourceMatchesView,
  SupportResourceView,
  UnitView,
  WorkplaceView,
} from '@samverkan/contracts';
import { eventually, query } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/** A support resource as a coordinator of Lekebergs kommun would describe it. */
function aResource(unitId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unitId,
    name: `Stegvis ${randomUUID().slice(0, 8)}`,
    description: 'Arbetsträning i liten grupp med handledare.',
    targetGroups: ['uvas'],
    ageRange: { min: 16, max: 29 },
    municipalityCodes: ['1814'],
    eligibility: ['resident_in_municipality'],
    accessibility: ['easy_swedish', 'adapted_pace'],
    addressesNeeds: ['work_experience'],
    languages: ['en'],
    capacity: { places: 10, taken: 4, expectedWaitDays: 7 },
    activeFrom: '2026-01-01',
    activeUntil: null,
    ...overrides,
  };
}

describe('the actors directory, through the gateway', () => {
  let system: TestSystem;
  let regionAdministrator: SignedInStaff;
  let coordinator: SignedInStaff;
  let caseworker: SignedInStaff;
  let otherCaseworker: SignedInStaff;

  beforeAll(async () => {
    system = await TestSystem.start('directory');
    const http = system.http();
    regionAdministrator = await signIn(http, 'Anna Regional');
    coordinator = await signIn(http, 'KAA-samordnare Lekeberg');
    caseworker = await signIn(http, 'Handläggare försörjningsstöd Lekeberg');
    otherCaseworker = await signIn(http, 'Arbetsförmedlare Örebro');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const actorsDatabase = () => system.databaseUrls.actors;
  const counts = async () =>
    (
      await query<{ organisations: number; units: number; staff: number; resources: number; workplaces: number; competences: number; outbox: number }>(
        actorsDatabase(),
        `SELECT (SELECT count(*) FROM organisations)::int AS organisations, (SELECT count(*) FROM units)::int AS units,
                (SELECT count(*) FROM staff_members)::int AS staff, (SELECT count(*) FROM support_resources)::int AS resources,
                (SELECT count(*) FROM workplaces)::int AS workplaces, (SELECT count(*) FROM competences)::int AS competences,
                (SELECT count(*) FROM outbox)::int AS outbox`,
      )
    )[0];
  const eventsOfType = async (type: string, subject: string) =>
    query<{ envelope: { data: Record<string, unknown> } }>(
      actorsDatabase(),
      'SELECT envelope FROM outbox WHERE subject = $1 AND envelope->>$2 = $3 ORDER BY created_at',
      [type, 'subject', subject],
    );

  async function allPages<T>(path: string, params: Record<string, unknown>, staff: SignedInStaff): Promise<T[]> {
    const items: T[] = [];
    for (let after: string | null | undefined; after !== null;) {
      const page = (
        await system
          .http()
          .get(path)
          .query({ ...params, ...(after ? { after } : {}) })
          .set(staff.auth)
          .expect(200)
      ).body as Page<T>;
      items.push(...page.items);
      after = page.nextCursor;
    }
    return items;
  }

  describe('ready means seeded', () => {
    it('reports ready only with the demo directory in, and then every seeded staff member can sign in', async () => {
      const readiness = await system.http().get('/health/ready').expect(200);
      expect(readiness.body.status).toBe('ok');
      const actorsReadiness = await import('supertest').then(({ default: request }) =>
        request(system.app('actors').getHttpServer()).get('/health/ready').expect(200),
      );

      expect(actorsReadiness.body.details).toMatchObject({ startup: { status: 'up' }, database: { status: 'up' } });
      expect((await counts())?.staff).toBeGreaterThan(40);
    });
  });

  describe('organisations', () => {
    it('lets an administrator of the region add an organisation, with its number, announced in an event', async () => {
      const response = await system
        .http()
        .post('/api/v1/organisations')
        .set(regionAdministrator.auth)
        .send({ name: 'Samordningsförbundet Sydnärke', type: 'civil_society', organisationNumber: '8024596127', municipalityCodes: ['1882', '1861'] })
        .expect(201);
      const created = response.body as OrganisationView;

      expect(created).toMatchObject({ organisationNumber: '802459-6127', municipalityCodes: ['1861', '1882'], active: true, version: 1 });
      expect((await eventsOfType('actors.events.organisation.registered', `organisation/${created.id}`)).map((row) => row.envelope.data)).toEqual([
        expect.objectContaining({ organisationId: created.id, organisationNumber: '802459-6127', version: 1 }),
      ]);
    });

    it.each([
      ['an organisation number with a wrong check digit', { organisationNumber: '802459-6128' }, 'organisationNumber'],
      ["a sole trader's number, which is a personnummer", { organisationNumber: '121212-1212' }, 'organisationNumber'],
      ['a municipality code outside the official list', { municipalityCodes: ['0180'] }, 'municipalityCodes'],
      ['an unknown organisation type', { type: 'company' }, 'type'],
      ['a website that is not https', { website: 'http://example.se' }, 'website'],
    ])('refuses %s with a problem naming the field, and writes nothing', async (_case, change, field) => {
      const before = await counts();
      const response = await system
        .http()
        .post('/api/v1/organisations')
        .set(regionAdministrator.auth)
        .send({ name: `Förening ${randomUUID().slice(0, 6)}`, type: 'civil_society', organisationNumber: '8024596127', municipalityCodes: ['1880'], ...change })
        .expect(400);

      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses a second organisation with the same number (409), and writes nothing', async () => {
      const before = await counts();
      const response = await system
        .http()
        .post('/api/v1/organisations')
        .set(regionAdministrator.auth)
        .send({ name: 'Dubblett AB', type: 'employer', organisationNumber: '802459-6127', municipalityCodes: ['1880'] })
        .expect(409);

      expect(response.body.code).toBe('ORGANISATION_NUMBER_TAKEN');
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['a caseworker', () => caseworker, 403],
      ["a municipality's coordinator", () => coordinator, 403],
    ])('does not let %s add organisations', async (_who, staff, status) => {
      await system
        .http()
        .post('/api/v1/organisations')
        .set(staff().auth)
        .send({ name: 'Obehörig förening', type: 'civil_society', organisationNumber: '8024596127', municipalityCodes: ['1880'] })
        .expect(status);
    });

    it("lets a coordinator change the own organisation's entry but nobody another's", async () => {
      const own = coordinator.member.organisationId;
      const updated = (
        await system.http().patch(`/api/v1/organisations/${own}`).set(coordinator.auth).send({ website: 'https://www.lekeberg.se/arbete' }).expect(200)
      ).body as OrganisationView;

      expect(updated.website).toBe('https://www.lekeberg.se/arbete');
      await system
        .http()
        .patch(`/api/v1/organisations/${otherCaseworker.member.organisationId}`)
        .set(coordinator.auth)
        .send({ website: 'https://x.se' })
        .expect(403);
      await system.http().patch(`/api/v1/organisations/${own}`).set(caseworker.auth).send({ website: 'https://x.se' }).expect(403);
    });

    it('lets every authenticated user read the directory, filtered by the municipalities served', async () => {
      const serving = await allPages<OrganisationView>('/api/v1/organisations', { municipalityCode: '1814', limit: 7 }, otherCaseworker);

      expect(serving.map((organisation) => organisation.name)).toEqual(expect.arrayContaining(['Lekebergs kommun', 'Arbetsförmedlingen Örebro']));
      expect(serving.every((organisation) => organisation.municipalityCodes.includes('1814'))).toBe(true);
      expect(serving.map((organisation) => organisation.name)).not.toContain('Nora kommun');
    });
  });

  describe('units and staff', () => {
    it('keeps units with their own contact details, changed only by their organisation', async () => {
      const own = coordinator.member.organisationId;
      const unit = (
        await system
          .http()
          .post(`/api/v1/organisations/${own}/units`)
          .set(coordinator.auth)
          .send({
            name: 'Ungdomsmottagning arbete',
            municipalityCode: '1814',
            email: 'ung@lekeberg.se',
            phone: '019-21 10 00',
            address: { street: 'Torget 1', postalCode: '716 81', city: 'Fjugesta' },
          })
          .expect(201)
      ).body as UnitView;

      expect(unit).toMatchObject({ address: { postalCode: '716 81' }, active: true });
      const changed = (await system.http().patch(`/api/v1/units/${unit.id}`).set(coordinator.auth).send({ phone: null, active: false }).expect(200))
        .body as UnitView;
      expect(changed).toMatchObject({ phone: null, active: false, version: 2 });
      await system.http().patch(`/api/v1/units/${unit.id}`).set(otherCaseworker.auth).send({ name: 'Kapad' }).expect(403);
      await system
        .http()
        .post(`/api/v1/organisations/${own}/units`)
        .set(coordinator.auth)
        .send({ name: 'Fel post', address: { street: 'X', postalCode: '1', city: 'Y' } })
        .expect(400);
    });

    it('adds staff with languages and catalogued competences, and announces them without their names', async () => {
      const member = (
        await system
          .http()
          .post('/api/v1/staff')
          .set(coordinator.auth)
          .send({ unitId: coordinator.member.unitId, displayName: 'Ny coach Lekeberg', roles: ['caseworker'], languages: ['sv', 'so'], competences: ['npf'] })
          .expect(201)
      ).body as StaffMemberView;

      const [event] = await eventsOfType('actors.events.staff-member.registered', `staff-member/${member.id}`);
      expect(event?.envelope.data).toEqual(expect.objectContaining({ languages: ['sv', 'so'], competences: ['npf'] }));
      expect(JSON.stringify(event)).not.toContain('Ny coach');
      const somaliSpeakers = await allPages<StaffMemberView>('/api/v1/staff', { language: 'so', municipalityCode: '1814' }, caseworker);
      expect(somaliSpeakers.map((staff) => staff.id)).toContain(member.id);
    });

    it('refuses competences the catalogue does not have, naming the field, until the region adds them', async () => {
      const before = await counts();
      const refused = await system
        .http()
        .post('/api/v1/staff')
        .set(coordinator.auth)
        .send({ unitId: coordinator.member.unitId, displayName: 'Teckenspråkstolk Lekeberg', roles: ['caseworker'], competences: ['tactile_sign_language'] })
        .expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'competences', message: expect.stringContaining('tactile_sign_language') })]);
      expect(await counts()).toEqual(before);

      await system
        .http()
        .post('/api/v1/competences')
        .set(regionAdministrator.auth)
        .send({ code: 'tactile_sign_language', name: 'Taktilt teckenspråk', addressesNeeds: ['hearing', 'vision'] })
        .expect(201);
      await system
        .http()
        .post('/api/v1/staff')
        .set(coordinator.auth)
        .send({ unitId: coordinator.member.unitId, displayName: 'Teckenspråkstolk Lekeberg', roles: ['caseworker'], competences: ['tactile_sign_language'] })
        .expect(201);
      await system.http().post('/api/v1/competences').set(coordinator.auth).send({ code: 'something_else', name: 'Annat', addressesNeeds: [] }).expect(403);
    });

    it('does not let a coordinator place staff in another organisation', async () => {
      await system
        .http()
        .post('/api/v1/staff')
        .set(coordinator.auth)
        .send({ unitId: otherCaseworker.member.unitId, displayName: 'Inplacerad', roles: ['caseworker'] })
        .expect(403);
    });
  });

  describe('support resources', () => {
    it.each([
      ['an age range upside down', { ageRange: { min: 30, max: 18 } }, 'ageRange.max'],
      ['capacity below zero', { capacity: { places: 5, taken: -1, expectedWaitDays: 0 } }, 'capacity.taken'],
      ['an active period that ends before it starts', { activeFrom: '2026-06-01', activeUntil: '2026-05-31' }, 'activeUntil'],
      ['an unknown need code', { addressesNeeds: ['astrology'] }, 'addressesNeeds'],
      ['an unknown accessibility feature', { accessibility: ['teleportation'] }, 'accessibility'],
      ['a date that does not exist', { activeFrom: '2026-02-30' }, 'activeFrom'],
    ])('refuses %s with a problem naming the field, and writes nothing', async (_case, change, field) => {
      const before = await counts();
      const response = await system
        .http()
        .post('/api/v1/support-resources')
        .set(coordinator.auth)
        .send(aResource(coordinator.member.unitId, change))
        .expect(400);

      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('keeps capacity apart from the description, each change announced with the next version', async () => {
      const created = (await system.http().post('/api/v1/support-resources').set(coordinator.auth).send(aResource(coordinator.member.unitId)).expect(201))
        .body as SupportResourceView;
      expect(created.capacity).toEqual({ places: 10, taken: 4, expectedWaitDays: 7, free: 6 });

      const full = (
        await system
          .http()
          .put(`/api/v1/support-resources/${created.id}/capacity`)
          .set(coordinator.auth)
          .send({ places: 10, taken: 12, expectedWaitDays: 45 })
          .expect(200)
      ).body as SupportResourceView;

      expect(full).toMatchObject({ capacity: { free: 0, expectedWaitDays: 45 }, version: 2 });
      const [changed] = await eventsOfType('actors.events.support-resource.capacity-changed', `support-resource/${created.id}`);
      expect(changed?.envelope.data).toMatchObject({ capacity: { places: 10, taken: 12, expectedWaitDays: 45 }, version: 2 });
      // Administrators and coordinators keep their own organisation's entries: not its caseworkers, nor another organisation.
      for (const outsider of [caseworker, otherCaseworker]) {
        await system
          .http()
          .put(`/api/v1/support-resources/${created.id}/capacity`)
          .set(outsider.auth)
          .send({ places: 1, taken: 0, expectedWaitDays: 0 })
          .expect(403);
      }
      expect((await eventsOfType('actors.events.support-resource.capacity-changed', `support-resource/${created.id}`)).length).toBe(1);
    });

    it('pages through resources without losing or repeating one while others are added', async () => {
      const pageSize = 5;
      const first = (await system.http().get('/api/v1/support-resources').query({ limit: pageSize }).set(caseworker.auth).expect(200))
        .body as Page<SupportResourceView>;
      const before = await allPages<SupportResourceView>('/api/v1/support-resources', { limit: 50 }, caseworker);

      // Names that sort before and after the cursor, added between two pages.
      for (const name of ['AAA först', 'ÖÖÖ sist', `${first.items.at(-1)?.name ?? 'M'} och mer`]) {
        await system.http().post('/api/v1/support-resources').set(coordinator.auth).send(aResource(coordinator.member.unitId, { name })).expect(201);
      }
      const rest: SupportResourceView[] = [];
      for (let after = first.nextCursor; after !== null;) {
        const page = (await system.http().get('/api/v1/support-resources').query({ limit: pageSize, after }).set(caseworker.auth).expect(200))
          .body as Page<SupportResourceView>;
        rest.push(...page.items);
        after = page.nextCursor;
      }
      const seen = [...first.items, ...rest].map((resource) => resource.id);

      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(before.map((resource) => resource.id)));
    });
  });

  describe('matching', () => {
    const youngPersonInLekeberg = {
      age: 19,
      gender: 'female',
      municipalityCode: '1814',
      targetGroups: ['uvas'],
      supportNeeds: ['work_experience', 'motivation'],
      accessibilityNeeds: ['easy_swedish'],
      languages: ['sv'],
      meets: [],
    };

    it('ranks the resources that fit, each with why, with capacity and wait shown', async () => {
      const result = (
        await system
          .http()
          .post('/api/v1/support-resources/matches')
          .set(caseworker.auth)
          .send({ profile: youngPersonInLekeberg, on: '2026-11-30' })
          .expect(200)
      ).body as SupportResourceMatchesView;

      expect(result.matches.length).toBeGreaterThan(0);
      expect(result.excluded).toBeNull();
      for (const match of result.matches) {
        expect(match.resource.accessibility).toContain('easy_swedish');
        expect(match.resource.targetGroups).toContain('uvas');
        expect(match.reasons.map((reason) => reason.reason)).toContain('target_group');
        expect(match.resource.capacity).toEqual(expect.objectContaining({ free: expect.any(Number), expectedWaitDays: expect.any(Number) }));
      }
      const scores = result.matches.map((match) => match.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('on request lists what does not fit in the municipality, with the rule that excluded it', async () => {
      const result = (
        await system
          .http()
          .post('/api/v1/support-resources/matches')
          .set(caseworker.auth)
          .send({ profile: { ...youngPersonInLekeberg, accessibilityNeeds: ['sign_language'] }, includeExcluded: true, on: '2026-11-30' })
          .expect(200)
      ).body as SupportResourceMatchesView;

      const rules = (result.excluded ?? []).flatMap((miss) => miss.excludedBy.map((exclusion) => exclusion.rule));
      expect(rules).toContain('accessibility');
      expect(result.matches.every((match) => match.resource.accessibility.includes('sign_language'))).toBe(true);
    });

    it.each([
      ['an age out of range', { age: 130 }, 'profile.age'],
      ['an unknown need', { supportNeeds: ['luck'] }, 'profile.supportNeeds'],
      ['no target group', { targetGroups: [] }, 'profile.targetGroups'],
      ['a personnummer, which matching never takes', { personnummer: '19900101-0017' }, 'profile.personnummer'],
    ])('refuses a profile with %s, naming the field', async (_case, change, field) => {
      const response = await system
        .http()
        .post('/api/v1/support-resources/matches')
        .set(caseworker.auth)
        .send({ profile: { ...youngPersonInLekeberg, ...change } })
        .expect(400);

      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  describe('workplaces', () => {
    it('finds workplaces by municipality, adaptation and words in their names, and keeps them to their organisation', async () => {
      const created = (
        await system
          .http()
          .post('/api/v1/workplaces')
          .set(coordinator.auth)
          .send({
            employerName: 'Fjugesta Trädgård AB',
            employerOrganisationNumber: '5560160680',
            name: 'Växthuset',
            industry: 'Trädgård',
            municipalityCode: '1814',
            offers: ['work_experience'],
            adaptations: ['quiet_workspace', 'structured_tasks'],
            supportNeeded: ['mentor_training'],
            places: 2,
          })
          .expect(201)
      ).body as WorkplaceView;

      const quiet = await allPages<WorkplaceView>('/api/v1/workplaces', { municipalityCode: '1814', adaptation: 'quiet_workspace' }, otherCaseworker);
      expect(quiet.map((workplace) => workplace.id)).toContain(created.id);
      const byWord = await allPages<WorkplaceView>('/api/v1/workplaces', { q: 'trädgård' }, otherCaseworker);
      expect(byWord.map((workplace) => workplace.id)).toContain(created.id);
      const wildcard = await allPages<WorkplaceView>('/api/v1/workplaces', { q: '%_' }, otherCaseworker);
      expect(wildcard).toEqual([]);
      await system.http().patch(`/api/v1/workplaces/${created.id}`).set(otherCaseworker.auth).send({ places: 9 }).expect(403);
      await system
        .http()
        .post('/api/v1/workplaces')
        .set(coordinator.auth)
        .send({ employerName: 'X', employerOrganisationNumber: '556016-0681', name: 'Y', municipalityCode: '1814', offers: ['employment'], places: 1 })
        .expect(400);
    });
  });

  describe('the competence map', () => {
    it('sets the needs of open cases, learned from their events, against the staff who can meet them', async () => {
      const kaa = await signIn(system.http(), 'KAA-samordnare Nora');
      for (const personnummer of ['19900101-0017', '20050315-2381', '19981224-9879', '20080101-0018']) {
        await system
          .http()
          .post('/api/v1/cases')
          .set(kaa.auth)
          .send({ personnummer, municipalityCode: '1884', targetGroup: 'uvas', supportNeeds: ['neuropsychiatric', 'studies'] })
          .expect(201);
      }

      const map = await eventually(async () => {
        const current = (await system.http().get('/api/v1/competence-map').query({ municipalityCode: '1884' }).set(caseworker.auth).expect(200))
          .body as CompetenceMapView;
        expect(current.rows).toEqual(expect.arrayContaining([expect.objectContaining({ municipalityCode: '1884', need: 'neuropsychiatric', cases: 4 })]));
        return current;
      });

      const neuropsychiatric = map.rows.find((row) => row.need === 'neuropsychiatric');
      expect(neuropsychiatric?.competences).toContain('npf');
      expect(map.rows.every((row) => row.municipalityCode === '1884')).toBe(true);
      if ((neuropsychiatric?.casesPerCompetentStaff ?? Infinity) > 5) expect(map.developmentNeeds).toContainEqual(neuropsychiatric);
      expect(JSON.stringify(map)).not.toMatch(/19900101|Nora kommun/);
    });
  });

  describe('the Open Referral export', () => {
    it('describes every organisation, and every service with its status and organisation', async () => {
      const exported = (await system.http().get('/api/v1/exports/hsds').set(caseworker.auth).expect(200)).body as HsdsExportView;
      const organisations = await allPages<OrganisationView>('/api/v1/organisations', { limit: 100 }, caseworker);

      expect(exported.organizations.map((organization) => organization['id']).sort()).toEqual(organisations.map((organisation) => organisation.id).sort());
      const organizationIds = new Set(exported.organizations.map((organization) => organization['id']));
      for (const service of exported.services) {
        expect(service).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            name: expect.any(String),
            status: expect.stringMatching(/^(active|inactive|defunct|temporarily closed)$/),
          }),
        );
        expect(organizationIds.has(service['organization_id'])).toBe(true);
      }
    });
  });
});
