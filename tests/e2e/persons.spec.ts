import {
  todayInSweden,
  type CaseTimelineEntryView,
  type CaseView,
  type DuplicateView,
  type ErasureView,
  type Page,
  type PersonView,
  type PlanStepView,
  type RegisterExtractView,
} from '@samverkan/contracts';
import { eventually, query, testIdentityNumber } from '@samverkan/testing';
import { openCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/**
 * The person behind a case: what is stored and shown, protected identity, possible duplicates,
 * rectification, the plan, the register extract and erasure, through the gateway.
 */
describe('persons, plans, register extracts and erasure', () => {
  let system: TestSystem;
  let lead: SignedInStaff; // Handläggare försörjningsstöd Hallsberg: opens and leads the cases
  let youthActivity: SignedInStaff; // Hallsberg's KAA: on the team by skollagen 29:9
  let outsider: SignedInStaff; // Arbetsförmedlingen: on no team here

  beforeAll(async () => {
    system = await TestSystem.start('persons');
    lead = await signIn(system.http(), 'Handläggare försörjningsstöd Hallsberg');
    youthActivity = await signIn(system.http(), 'KAA-samordnare Hallsberg');
    outsider = await signIn(system.http(), 'Arbetsförmedlare Örebro');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const details = { municipalityCode: '1861', targetGroup: 'uvas' };
  const open = (body: Record<string, unknown>) =>
    system
      .http()
      .post('/api/v1/cases')
      .set(lead.auth)
      .send({ ...details, ...body });
  const person = (staff: SignedInStaff, caseId: string) => system.http().get(`/api/v1/cases/${caseId}/person`).set(staff.auth);
  const addToTeam = (caseId: string, staff: SignedInStaff) =>
    system
      .http()
      .post(`/api/v1/cases/${caseId}/team`)
      .set(lead.auth)
      .send({ unitId: staff.member.unitId, legalBasis: 'youth_activity_responsibility' })
      .expect(200);
  const lastEntryOf = async (staff: SignedInStaff) =>
    (
      await query<{ action: string; outcome: string; reason: string }>(
        system.databaseUrls.cases,
        'SELECT action, outcome, reason FROM access_log WHERE staff_id = $1 ORDER BY sequence DESC LIMIT 1',
        [staff.member.id],
      )
    )[0];

  it('stores the name and number encrypted and shows them, normalised, to the team', async () => {
    const number = testIdentityNumber('1996-04-12', 101);
    const opened = (await open({ personnummer: number.replace(/^19/, '').replace('-', ''), name: 'Sara Lindqvist', gender: 'other' }).expect(201))
      .body as CaseView;
    await addToTeam(opened.id, youthActivity);

    const shown = (await person(youthActivity, opened.id).expect(200)).body as PersonView;

    expect(shown).toEqual({
      id: expect.any(String),
      personnummer: number,
      coordinationNumber: false,
      name: 'Sara Lindqvist',
      gender: 'other',
      municipalityCode: '1861',
      protectedIdentity: false,
      birthYearBand: '1995-1999',
    });
    expect(opened.gender).toBe('other');
    const raw = await query<{ row: string }>(system.databaseUrls.cases, 'SELECT p::text AS row FROM persons p WHERE id = $1', [shown.id]);
    expect(raw[0]?.row).not.toMatch(/Lindqvist|Sara|960412|19960412/);
    expect(await lastEntryOf(youthActivity)).toEqual({ action: 'person.read', outcome: 'allowed', reason: 'team_unit' });
    await person(outsider, opened.id).expect(403);
  });

  it.each([
    ['a name with protected identity', { name: 'Anna Berg', protectedIdentity: true }, 'name'],
    ['a name of digits', { name: '12345' }, 'name'],
    ['an unknown gender', { gender: 'unknown' }, 'gender'],
    ['protected identity that is not a boolean', { protectedIdentity: 'yes' }, 'protectedIdentity'],
  ])('refuses %s, naming the field and writing nothing', async (_, body, field) => {
    const number = testIdentityNumber('1991-02-03', 202);
    const before = await query<{ count: string }>(system.databaseUrls.cases, 'SELECT count(*) FROM persons');
    const refused = await open({ personnummer: number, ...body }).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field })] });
    expect(await query(system.databaseUrls.cases, 'SELECT count(*) FROM persons')).toEqual(before);
  });

  it('keeps a person with protected identity from everyone but the lead unit, and the case from everyone outside the team', async () => {
    const opened = (await open({ personnummer: testIdentityNumber('2002-09-21', 303), protectedIdentity: true }).expect(201)).body as CaseView;
    await addToTeam(opened.id, youthActivity);

    const shown = (await person(lead, opened.id).expect(200)).body as PersonView;
    expect(shown).toMatchObject({ protectedIdentity: true, name: null, municipalityCode: null });

    const refused = await person(youthActivity, opened.id).expect(403);
    expect(refused.body).toMatchObject({ code: 'NOT_ON_CASE_TEAM', errors: [{ field: 'caseId', message: 'protected_identity' }] });
    await system.http().get(`/api/v1/cases/${opened.id}`).set(youthActivity.auth).expect(200);

    const hidden = await system.http().get(`/api/v1/cases/${opened.id}`).set(outsider.auth).expect(404);
    expect(hidden.body).toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(await lastEntryOf(outsider)).toEqual({ action: 'case.read', outcome: 'denied', reason: 'not_on_team' });
    const [opening] = await query<{ envelope: { data: Record<string, unknown> } }>(
      system.databaseUrls.cases,
      "SELECT envelope FROM outbox WHERE subject = 'cases.events.case.opened' AND envelope->>'subject' = $1",
      [`case/${opened.id}`],
    );
    expect(opening?.envelope.data).not.toHaveProperty('birthYearBand');
  });

  it('proposes two numbers with one name and birth date as one person, and merges them on the number kept', async () => {
    const coordination = testIdentityNumber('1990-01-11', 123, { coordination: true });
    const personal = testIdentityNumber('1990-01-11', 234);
    const first = (await open({ personnummer: coordination, name: 'Amira  Hassan' }).expect(201)).body as CaseView;
    const second = (await open({ personnummer: personal, name: 'amira hassan' }).expect(201)).body as CaseView;
    const firstPerson = ((await person(lead, first.id).expect(200)).body as PersonView).id;
    const secondPerson = ((await person(lead, second.id).expect(200)).body as PersonView).id;

    const proposals = (await system.http().get('/api/v1/persons/duplicates').query({ status: 'proposed' }).set(lead.auth).expect(200))
      .body as Page<DuplicateView>;
    const proposal = proposals.items.find((item) => [item.personId, item.otherPersonId].sort().join() === [firstPerson, secondPerson].sort().join());
    expect(proposal?.cases.map((entry) => entry.caseId).sort()).toEqual([first.id, second.id].sort());
    const notLed = (await system.http().get('/api/v1/persons/duplicates').set(outsider.auth).expect(200)).body as Page<DuplicateView>;
    expect(notLed.items.map((item) => item.id)).not.toContain(proposal?.id);

    await system.http().post(`/api/v1/persons/duplicates/${proposal?.id}/merge`).set(outsider.auth).send({ keepPersonId: secondPerson }).expect(403);
    const merged = (
      await system.http().post(`/api/v1/persons/duplicates/${proposal?.id}/merge`).set(lead.auth).send({ keepPersonId: secondPerson }).expect(200)
    ).body as DuplicateView;

    expect(merged).toMatchObject({ status: 'merged', keptPersonId: secondPerson });
    expect(((await person(lead, first.id).expect(200)).body as PersonView).personnummer).toBe(personal);
    expect(await query(system.databaseUrls.cases, 'SELECT id FROM persons WHERE id = $1', [firstPerson])).toEqual([]);
    await system.http().post(`/api/v1/persons/duplicates/${proposal?.id}/dismiss`).set(lead.auth).expect(409);
  });

  it('never proposes a dismissed pair again', async () => {
    const first = (await open({ personnummer: testIdentityNumber('1985-06-01', 111), name: 'Erik Nilsson' }).expect(201)).body as CaseView;
    const second = (await open({ personnummer: testIdentityNumber('1985-06-01', 222), name: 'Erik Nilsson' }).expect(201)).body as CaseView;
    const proposals = (await system.http().get('/api/v1/persons/duplicates').query({ status: 'proposed' }).set(lead.auth).expect(200))
      .body as Page<DuplicateView>;
    const proposal = proposals.items.find((item) => item.cases.some((entry) => entry.caseId === second.id));
    await system.http().post(`/api/v1/persons/duplicates/${proposal?.id}/dismiss`).set(lead.auth).expect(200);

    await system.http().patch(`/api/v1/cases/${first.id}/person`).set(lead.auth).send({ name: 'Erik Nilsson' }).expect(200);

    const pairs = await query<{ status: string }>(
      system.databaseUrls.cases,
      'SELECT status FROM person_duplicates WHERE person_id = $1 OR other_person_id = $1',
      [proposal?.personId],
    );
    expect(pairs).toEqual([{ status: 'dismissed' }]);
  });

  it('rectifies the person by the lead unit, naming the fields changed on the timeline but never their values', async () => {
    const opened = (await open({ personnummer: testIdentityNumber('1999-12-24', 404), name: 'Jonas Ek' }).expect(201)).body as CaseView;
    await addToTeam(opened.id, youthActivity);
    const correct = testIdentityNumber('1999-12-24', 405);

    const rectified = (
      await system
        .http()
        .patch(`/api/v1/cases/${opened.id}/person`)
        .set(lead.auth)
        .send({ personnummer: correct, name: 'Jonas Ekström', gender: 'not_stated', municipalityCode: '1880' })
        .expect(200)
    ).body as PersonView;

    expect(rectified).toMatchObject({ personnummer: correct, name: 'Jonas Ekström', gender: 'not_stated', municipalityCode: '1880' });
    expect(((await system.http().get(`/api/v1/cases/${opened.id}`).set(lead.auth).expect(200)).body as CaseView).gender).toBe('not_stated');
    const timeline = (await system.http().get(`/api/v1/cases/${opened.id}/timeline`).set(lead.auth).expect(200)).body as CaseTimelineEntryView[];
    expect(timeline.at(-1)).toMatchObject({ kind: 'person.rectified', details: { fields: 'personnummer,gender,name,municipalityCode' } });
    expect(JSON.stringify(timeline)).not.toMatch(/Ekström|991224/);

    await system.http().patch(`/api/v1/cases/${opened.id}/person`).set(youthActivity.auth).send({ name: 'Someone Else' }).expect(403);
    const nothing = await system.http().patch(`/api/v1/cases/${opened.id}/person`).set(lead.auth).send({}).expect(400);
    expect(nothing.body).toMatchObject({ errors: [{ field: 'body' }] });
    const other = (await open({ personnummer: testIdentityNumber('1999-12-24', 406) }).expect(201)).body as CaseView;
    const taken = await system.http().patch(`/api/v1/cases/${other.id}/person`).set(lead.auth).send({ personnummer: correct }).expect(409);
    expect(taken.body).toMatchObject({ code: 'IDENTITY_NUMBER_TAKEN', errors: [{ field: 'personnummer' }] });
    const protectedWithName = await system.http().patch(`/api/v1/cases/${other.id}/person`).set(lead.auth).send({ protectedIdentity: true, name: 'X Y' });
    expect(protectedWithName.status).toBe(400);
    expect(protectedWithName.body).toMatchObject({ errors: [{ field: 'name' }] });
  });

  describe('the support plan', () => {
    let caseId: string;
    let resourceId: string;

    beforeAll(async () => {
      caseId = (await openCase(system.http(), lead, testIdentityNumber('2003-03-03', 505), details)).id;
      await addToTeam(caseId, youthActivity);
      const resources = await system.http().get('/api/v1/support-resources').query({ limit: 1 }).set(lead.auth).expect(200);
      resourceId = resources.body.items[0].id as string;
    });

    const add = (body: Record<string, unknown>) => system.http().post(`/api/v1/cases/${caseId}/plan-steps`).set(lead.auth).send(body);
    const change = (staff: SignedInStaff, stepId: string, body: Record<string, unknown>) =>
      system.http().patch(`/api/v1/cases/${caseId}/plan-steps/${stepId}`).set(staff.auth).send(body);
    const today = todayInSweden;

    it('adds a step at a support resource for a unit on the team and moves it on, versioned and announced', async () => {
      const added = (
        await add({
          supportResourceId: resourceId,
          responsibleUnitId: youthActivity.member.unitId,
          plannedStart: '2026-12-01',
          supportNeeds: ['work_experience'],
        }).expect(201)
      ).body as PlanStepView;
      expect(added).toMatchObject({ status: 'planned', version: 1, responsibleOrganisationId: youthActivity.member.organisationId, actualStart: null });

      const started = (await change(youthActivity, added.id, { version: 1, status: 'ongoing' }).expect(200)).body as PlanStepView;
      expect(started).toMatchObject({ status: 'ongoing', version: 2, actualStart: today() });
      const stale = await change(lead, added.id, { version: 1, status: 'done' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', errors: [{ field: 'version' }] });
      const done = (await change(lead, added.id, { version: 2, status: 'done' }).expect(200)).body as PlanStepView;
      expect(done).toMatchObject({ status: 'done', version: 3, actualEnd: today() });

      const listed = (await system.http().get(`/api/v1/cases/${caseId}/plan-steps`).set(youthActivity.auth).expect(200)).body as PlanStepView[];
      expect(listed).toEqual([done]);
      const events = await query<{ envelope: { data: Record<string, unknown> } }>(
        system.databaseUrls.cases,
        "SELECT envelope FROM outbox WHERE subject = 'cases.events.plan-step.changed' AND envelope->>'subject' = $1 ORDER BY created_at",
        [`plan-step/${added.id}`],
      );
      expect(events.map((event) => [event.envelope.data.status, event.envelope.data.version])).toEqual([
        ['planned', 1],
        ['ongoing', 2],
        ['done', 3],
      ]);
      expect(events[0]?.envelope.data).toMatchObject({ supportResourceId: resourceId, municipalityCode: '1861', targetGroup: 'uvas', gender: 'male' });
      await system.http().get(`/api/v1/cases/${caseId}/plan-steps`).set(outsider.auth).expect(403);
    });

    it.each([
      [
        'an unknown support resource',
        () => ({ supportResourceId: '00000000-0000-4000-8000-000000000000', responsibleUnitId: lead.member.unitId, plannedStart: '2026-12-01' }),
        404,
        'supportResourceId',
      ],
      ['a responsible unit off the team', () => ({ responsibleUnitId: outsider.member.unitId, plannedStart: '2026-12-01' }), 400, 'responsibleUnitId'],
      ['an end before the start', () => ({ responsibleUnitId: lead.member.unitId, plannedStart: '2026-12-10', plannedEnd: '2026-12-01' }), 400, 'plannedEnd'],
      ['an unknown need code', () => ({ responsibleUnitId: lead.member.unitId, plannedStart: '2026-12-01', supportNeeds: ['flying'] }), 400, 'supportNeeds'],
    ])('refuses a step with %s, naming the field and writing nothing', async (_, body, status, field) => {
      const before = await query(system.databaseUrls.cases, 'SELECT count(*) FROM plan_steps');
      const refused = await add(body()).expect(status);
      expect(refused.body).toMatchObject({ errors: [expect.objectContaining({ field })] });
      expect(await query(system.databaseUrls.cases, 'SELECT count(*) FROM plan_steps')).toEqual(before);
    });

    it('refuses a step that skips ahead or leaves a final status', async () => {
      const added = (await add({ responsibleUnitId: lead.member.unitId, plannedStart: '2026-12-01' }).expect(201)).body as PlanStepView;
      const skipped = await change(lead, added.id, { version: 1, status: 'done' }).expect(409);
      expect(skipped.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', errors: [{ field: 'status' }] });
      await change(lead, added.id, { version: 1, status: 'cancelled' }).expect(200);
      await change(lead, added.id, { version: 2, status: 'ongoing' }).expect(409);
    });
  });

  it('gives the lead unit the register extract as JSON and as an accessible Swedish document, and logs it', async () => {
    const opened = (await open({ personnummer: testIdentityNumber('1994-05-17', 606), name: 'Lina Öberg' }).expect(201)).body as CaseView;
    await addToTeam(opened.id, youthActivity);
    await person(youthActivity, opened.id).expect(200);

    const extract = (await system.http().get(`/api/v1/cases/${opened.id}/register-extract`).set(lead.auth).expect(200)).body as RegisterExtractView;

    expect(extract.person).toMatchObject({ name: 'Lina Öberg', personnummer: testIdentityNumber('1994-05-17', 606) });
    expect(extract.cases.map((entry) => entry.case.id)).toEqual([opened.id]);
    expect(extract.cases[0]?.timeline.map((entry) => entry.kind)).toEqual(['case.opened', 'team.added']);
    expect(extract.accesses).toContainEqual(
      expect.objectContaining({
        action: 'person.read',
        unitId: youthActivity.member.unitId,
        unitName: 'Kommunala aktivitetsansvaret (KAA)',
        outcome: 'allowed',
      }),
    );
    expect(await lastEntryOf(lead)).toEqual({ action: 'person.extract', outcome: 'allowed', reason: 'lead_unit' });

    const html = await system.http().get(`/api/v1/cases/${opened.id}/register-extract`).set(lead.auth).set('accept', 'text/html').expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['cache-control']).toBe('no-store');
    expect(html.text).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html.text).toContain('<h1>Registerutdrag</h1>');
    expect(html.text).toContain('Lina Öberg');
    expect(html.text).toContain('<th scope="col">Tid</th>');
    expect(html.text).toContain('Läste personuppgifter');
    expect(html.text).not.toContain('<script');

    await system.http().get(`/api/v1/cases/${opened.id}/register-extract`).set(youthActivity.auth).expect(403);
    const badFormat = await system.http().get(`/api/v1/cases/${opened.id}/register-extract`).query({ format: 'pdf' }).set(lead.auth).expect(400);
    expect(badFormat.body).toMatchObject({ errors: [{ field: 'format' }] });
  });

  it('erases a person whose cases are all closed, keeping the cases as codes only, and refuses while one is open', async () => {
    const opened = (await open({ personnummer: testIdentityNumber('1988-08-08', 707), name: 'Kim Sund' }).expect(201)).body as CaseView;
    const personId = ((await person(lead, opened.id).expect(200)).body as PersonView).id;

    const refused = await system.http().post(`/api/v1/cases/${opened.id}/person/erasure`).set(lead.auth).expect(409);
    expect(refused.body).toMatchObject({ code: 'ERASURE_NOT_ALLOWED', errors: [{ field: 'caseId' }] });

    await system.http().post(`/api/v1/cases/${opened.id}/status`).set(lead.auth).send({ status: 'closed', outcome: 'work' }).expect(200);
    const erased = (await system.http().post(`/api/v1/cases/${opened.id}/person/erasure`).set(lead.auth).expect(200)).body as ErasureView;

    expect(erased).toEqual({ personId, casesErased: 1 });
    await system.http().get(`/api/v1/cases/${opened.id}`).set(lead.auth).expect(404);
    expect(await query(system.databaseUrls.cases, 'SELECT id FROM persons WHERE id = $1', [personId])).toEqual([]);
    expect(
      await query(system.databaseUrls.cases, 'SELECT person_id, status, outcome, municipality_code, target_group FROM cases WHERE id = $1', [opened.id]),
    ).toEqual([{ person_id: null, status: 'closed', outcome: 'work', municipality_code: '1861', target_group: 'uvas' }]);
    for (const table of ['consents', 'case_team', 'case_timeline', 'plan_steps']) {
      expect(await query(system.databaseUrls.cases, `SELECT 1 FROM ${table} WHERE case_id = $1`, [opened.id])).toEqual([]);
    }
    expect(await query(system.databaseUrls.cases, "SELECT rule, data_kind, items FROM deletion_records WHERE rule = 'erasure' ORDER BY data_kind")).toEqual([
      { rule: 'erasure', data_kind: 'case', items: 1 },
      { rule: 'erasure', data_kind: 'person', items: 1 },
    ]);
    await eventually(async () => {
      const purged = await query<{ envelope: { data: Record<string, unknown> } }>(
        system.databaseUrls.cases,
        "SELECT envelope FROM outbox WHERE subject = 'cases.events.case.purged' AND envelope->>'subject' = $1",
        [`case/${opened.id}`],
      );
      expect(purged.map((event) => event.envelope.data)).toEqual([{ caseId: opened.id, rule: 'erasure' }]);
    });
  });
});
