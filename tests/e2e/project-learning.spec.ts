import type { CriticalFactorsView, ImportedProjectView, IndicatorView, LessonView, ObstacleView, Page, ProjectView } from '@samverkan/contracts';
import { eventually, query } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'services', 'learning', 'src', 'projects', 'fixtures', `${name}.txt`), 'utf8');

/**
 * What the region learns from its projects, through the gateway: editing a project (analysts and
 * staff of its owner, with optimistic concurrency), indicators over time, lessons, critical
 * factors, and structural obstacles with their evidence.
 */
describe('project learning', () => {
  let system: TestSystem;
  let analyst: SignedInStaff; // Örebro kommun, analyst
  let owner: SignedInStaff; // Kumla kommun, which owns complete.txt's project; a caseworker
  let stranger: SignedInStaff; // Arbetsförmedlingen Örebro: neither analyst nor owner
  let project: ProjectView;

  beforeAll(async () => {
    system = await TestSystem.start('project_learning');
    const http = system.http();
    analyst = await signIn(http, 'Analytiker Örebro');
    owner = await signIn(http, 'Arbetsmarknadskonsulent Kumla');
    stranger = await signIn(http, 'Arbetsförmedlare Örebro');
    const organisations = await query<{ id: string }>(system.databaseUrls.actors, 'SELECT id FROM organisations');
    // The owner is linked to the organisation learning has projected from actors' events.
    await eventually(async () => {
      const [row] = await query<{ count: number }>(system.databaseUrls.learning, 'SELECT count(*)::int AS count FROM organisations WHERE name IS NOT NULL');
      expect(row?.count).toBe(organisations.length);
    });
    project = (
      (
        await http
          .post('/api/v1/projects/import')
          .set(analyst.auth)
          .send({ text: fixture('complete') })
          .expect(201)
      ).body as ImportedProjectView
    ).project;
    expect(project.owner?.organisationId).toBe(owner.member.organisationId);
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const http = () => system.http();
  const projectPath = (suffix = '') => `/api/v1/projects/${project.projectId}${suffix}`;

  async function rowCounts(): Promise<Record<string, number>> {
    const [row] = await query<Record<string, number>>(
      system.databaseUrls.learning,
      `SELECT (SELECT count(*)::int FROM projects) AS projects,
              (SELECT max(version) FROM projects) AS "maxVersion",
              (SELECT count(*)::int FROM project_indicators) AS indicators,
              (SELECT count(*)::int FROM indicator_measurements) AS measurements,
              (SELECT count(*)::int FROM project_lessons) AS lessons,
              (SELECT count(*)::int FROM project_critical_factors) AS factors,
              (SELECT count(*)::int FROM structural_obstacles) AS obstacles,
              (SELECT count(*)::int FROM obstacle_evidence) AS evidence,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return row as Record<string, number>;
  }

  async function outboxEvents(type: string): Promise<{ data: Record<string, unknown> }[]> {
    const rows = await query<{ envelope: { data: Record<string, unknown> } }>(
      system.databaseUrls.learning,
      'SELECT envelope FROM outbox WHERE subject = $1 ORDER BY created_at',
      [type],
    );
    return rows.map((row) => row.envelope);
  }

  const current = async () => (await http().get(projectPath()).set(stranger.auth).expect(200)).body as ProjectView;

  describe('editing a project', () => {
    it('announces the import with ids and codes only', async () => {
      const [imported] = await outboxEvents('learning.events.project.imported');
      expect(imported?.data).toEqual({
        projectId: project.projectId,
        status: 'imported',
        ownerOrganisationId: owner.member.organisationId,
        partnerOrganisationIds: expect.arrayContaining([expect.any(String)]),
        municipalityCodes: project.municipalityCodes,
        version: 1,
      });
      expect((imported?.data['partnerOrganisationIds'] as string[]).length).toBe(6);
    });

    it('lets staff of the owning organisation change the status, texts, partners and municipalities, and announces it', async () => {
      const before = await current();

      const response = await http()
        .patch(projectPath())
        .set(owner.auth)
        .send({
          version: before.version,
          status: 'ongoing',
          goals: 'Minst hälften av deltagarna går vidare till arbete eller studier.',
          partners: ['Arbetsförmedlingen Örebro', 'Föreningen Ny partner'],
          municipalityCodes: ['1881', '1814'],
        })
        .expect(200);

      const updated = response.body as ProjectView;
      expect(updated).toMatchObject({
        projectId: project.projectId,
        projectKey: 'esf:2015-3127',
        status: 'ongoing',
        version: before.version + 1,
        goals: 'Minst hälften av deltagarna går vidare till arbete eller studier.',
        municipalityCodes: ['1814', '1881'],
        title: before.title,
      });
      expect(updated.partners).toEqual([
        { name: 'Arbetsförmedlingen Örebro', organisationId: stranger.member.organisationId },
        { name: 'Föreningen Ny partner', organisationId: null },
      ]);
      expect(await current()).toEqual(updated);
      const updates = await outboxEvents('learning.events.project.updated');
      expect(updates.at(-1)?.data).toEqual({
        projectId: project.projectId,
        status: 'ongoing',
        ownerOrganisationId: owner.member.organisationId,
        partnerOrganisationIds: [stranger.member.organisationId],
        municipalityCodes: ['1814', '1881'],
        version: before.version + 1,
        changedFields: ['goals', 'partners', 'municipalityCodes', 'status'],
      });
      expect(JSON.stringify(updates)).not.toContain('hälften');
    });

    it('lets an analyst of another organisation change it', async () => {
      const before = await current();

      const updated = (
        await http().patch(projectPath()).set(analyst.auth).send({ version: before.version, phase: 'Avslutat', status: 'completed' }).expect(200)
      ).body as ProjectView;

      expect(updated).toMatchObject({ phase: 'Avslutat', status: 'completed', version: before.version + 1 });
    });

    it('refuses a caseworker of another organisation with 403 and changes nothing', async () => {
      const before = await current();
      const counts = await rowCounts();

      const response = await http().patch(projectPath()).set(stranger.auth).send({ version: before.version, status: 'discontinued' }).expect(403);

      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await current()).toEqual(before);
      expect(await rowCounts()).toEqual(counts);
    });

    it('refuses a stale version with 409 naming the version, and changes nothing', async () => {
      const before = await current();
      const counts = await rowCounts();

      const response = await http()
        .patch(projectPath())
        .set(analyst.auth)
        .send({ version: before.version - 1, title: 'Ett annat namn' })
        .expect(409);

      expect(response.body.errors).toEqual([{ field: 'version', message: `the project is at version ${before.version}` }]);
      expect(await current()).toEqual(before);
      expect(await rowCounts()).toEqual(counts);
    });

    it('refuses an owner who tries to hand the project to another organisation', async () => {
      const before = await current();

      const response = await http().patch(projectPath()).set(owner.auth).send({ version: before.version, ownerName: 'Örebro kommun' }).expect(403);

      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'ownerName' })]);
      expect((await current()).owner).toEqual(before.owner);
    });

    it.each([
      ['an unknown status', { status: 'paused' }, 'status'],
      ['an unknown municipality code', { municipalityCodes: ['9999'] }, 'municipalityCodes'],
      ['a change of the project key', { projectKey: 'esf:0000-0000' }, 'projectKey'],
      ['a version that is no number', { version: 'senaste' }, 'version'],
    ])('refuses %s with a 400 naming the field', async (_what, change, field) => {
      const before = await current();

      const response = await http()
        .patch(projectPath())
        .set(analyst.auth)
        .send({ version: before.version, ...change })
        .expect(400);

      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await current()).toEqual(before);
    });

    it('answers 404 naming the project for one that does not exist', async () => {
      const response = await http().patch(`/api/v1/projects/${randomUUID()}`).set(analyst.auth).send({ version: 1, status: 'ongoing' }).expect(404);

      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'projectId' })]);
    });

    it('keeps the status an edit set when the page is imported again', async () => {
      const before = await current();

      const again = (
        await http()
          .post('/api/v1/projects/import')
          .set(analyst.auth)
          .send({ text: fixture('complete') })
          .expect(200)
      ).body as ImportedProjectView;

      expect(again.project).toMatchObject({ status: before.status, version: before.version + 1 });
    });
  });

  describe('indicators over time', () => {
    let indicator: IndicatorView;

    beforeAll(async () => {
      indicator = (
        await http()
          .post(projectPath('/indicators'))
          .set(owner.auth)
          .send({ name: 'Deltagare i arbete eller studier', unit: 'procent', targetValue: 50, baseline: 20 })
          .expect(201)
      ).body as IndicatorView;
    });

    it('keeps measurements in date order whatever order they were recorded in', async () => {
      const measure = (date: string, value: number, comment?: string) =>
        http()
          .post(projectPath(`/indicators/${indicator.indicatorId}/measurements`))
          .set(owner.auth)
          .send({ date, value, ...(comment ? { comment } : {}) })
          .expect(201);
      await measure('2017-06-30', 34.5, 'Halvårsuppföljning');
      await measure('2016-12-31', 25);
      await measure('2018-08-31', 52);

      const indicators = (await http().get(projectPath('/indicators')).set(stranger.auth).expect(200)).body as IndicatorView[];

      expect(indicators).toHaveLength(1);
      expect(indicators[0]).toMatchObject({ name: 'Deltagare i arbete eller studier', unit: 'procent', targetValue: 50, baseline: 20 });
      expect(indicators[0]?.measurements.map((measurement) => [measurement.date, measurement.value, measurement.comment])).toEqual([
        ['2016-12-31', 25, null],
        ['2017-06-30', 34.5, 'Halvårsuppföljning'],
        ['2018-08-31', 52, null],
      ]);
    });

    it.each([
      ['a date that is no date', { date: '2018-02-30', value: 1 }, 'date'],
      ['a date in another form', { date: '31/8 2018', value: 1 }, 'date'],
      ['a value that is no number', { date: '2018-08-31', value: 'femtio' }, 'value'],
    ])('refuses %s with a 400 naming the field, and stores nothing', async (_what, body, field) => {
      const counts = await rowCounts();

      const response = await http()
        .post(projectPath(`/indicators/${indicator.indicatorId}/measurements`))
        .set(owner.auth)
        .send(body)
        .expect(400);

      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      expect(await rowCounts()).toEqual(counts);
    });

    it('answers 404 naming the indicator for one the project does not have', async () => {
      const counts = await rowCounts();

      const response = await http()
        .post(projectPath(`/indicators/${randomUUID()}/measurements`))
        .set(owner.auth)
        .send({ date: '2018-08-31', value: 1 })
        .expect(404);

      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'indicatorId' })]);
      expect(await rowCounts()).toEqual(counts);
    });

    it('refuses indicators and measurements from a caseworker of another organisation', async () => {
      const counts = await rowCounts();

      await http().post(projectPath('/indicators')).set(stranger.auth).send({ name: 'X', unit: 'st' }).expect(403);
      await http()
        .post(projectPath(`/indicators/${indicator.indicatorId}/measurements`))
        .set(stranger.auth)
        .send({ date: '2018-08-31', value: 1 })
        .expect(403);

      expect(await rowCounts()).toEqual(counts);
    });
  });

  describe('lessons and critical factors', () => {
    it('records lessons with the critical factors they bear on and lists them newest first in pages', async () => {
      const first = (
        await http()
          .post(projectPath('/lessons'))
          .set(owner.auth)
          .send({ text: 'En gemensam ingång kräver ett beslut i varje kommuns ledning.', criticalFactors: ['management_mandate', 'shared_goals'] })
          .expect(201)
      ).body as LessonView;
      const second = (
        await http().post(projectPath('/lessons')).set(analyst.auth).send({ text: 'Metodstödet skrevs ner under projektets sista år.' }).expect(201)
      ).body as LessonView;

      const page = (await http().get(projectPath('/lessons')).query({ limit: 1 }).set(stranger.auth).expect(200)).body as Page<LessonView>;
      const next = (
        await http()
          .get(projectPath('/lessons'))
          .query({ limit: 1, after: page.nextCursor ?? '' })
          .set(stranger.auth)
          .expect(200)
      ).body as Page<LessonView>;

      expect([...page.items, ...next.items].map((lesson) => lesson.lessonId)).toEqual([second.lessonId, first.lessonId]);
      expect(next.items[0]?.criticalFactors).toEqual(['management_mandate', 'shared_goals']);
    });

    it('refuses a lesson with an unknown critical factor, naming the field, and stores nothing', async () => {
      const counts = await rowCounts();

      const response = await http()
        .post(projectPath('/lessons'))
        .set(owner.auth)
        .send({ text: 'Text', criticalFactors: ['luck'] })
        .expect(400);

      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['criticalFactors']);
      expect(await rowCounts()).toEqual(counts);
    });

    it('replaces the assessment of the critical factors and reads it back in the order of the list', async () => {
      await http()
        .put(projectPath('/critical-factors'))
        .set(owner.auth)
        .send({ assessments: [{ factor: 'competence_retained', assessment: 'missing' }] })
        .expect(200);

      const set = (
        await http()
          .put(projectPath('/critical-factors'))
          .set(owner.auth)
          .send({
            assessments: [
              { factor: 'financing_after_project', assessment: 'partly', comment: 'Kumla finansierar ett år till.' },
              { factor: 'ownership_in_ordinary_organisation', assessment: 'present' },
            ],
          })
          .expect(200)
      ).body as CriticalFactorsView;

      const read = (await http().get(projectPath('/critical-factors')).set(stranger.auth).expect(200)).body as CriticalFactorsView;
      expect(read).toEqual(set);
      expect(read.assessments.map((item) => [item.factor, item.assessment, item.comment])).toEqual([
        ['ownership_in_ordinary_organisation', 'present', null],
        ['financing_after_project', 'partly', 'Kumla finansierar ett år till.'],
      ]);
    });

    it.each([
      ['an unknown factor', [{ factor: 'luck', assessment: 'present' }], 'assessments.0.factor'],
      ['an unknown assessment', [{ factor: 'shared_goals', assessment: 'maybe' }], 'assessments.0.assessment'],
      [
        'a factor given twice',
        [
          { factor: 'shared_goals', assessment: 'present' },
          { factor: 'shared_goals', assessment: 'missing' },
        ],
        'assessments.1.factor',
      ],
    ])('refuses %s with a 400 naming the field, and keeps the assessment', async (_what, assessments, field) => {
      const before = (await http().get(projectPath('/critical-factors')).set(stranger.auth).expect(200)).body as CriticalFactorsView;

      const response = await http().put(projectPath('/critical-factors')).set(owner.auth).send({ assessments }).expect(400);

      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      expect((await http().get(projectPath('/critical-factors')).set(stranger.auth).expect(200)).body).toEqual(before);
    });

    it('refuses lessons and assessments from a caseworker of another organisation', async () => {
      const counts = await rowCounts();

      await http().post(projectPath('/lessons')).set(stranger.auth).send({ text: 'Text' }).expect(403);
      await http().put(projectPath('/critical-factors')).set(stranger.auth).send({ assessments: [] }).expect(403);

      expect(await rowCounts()).toEqual(counts);
    });
  });

  describe('structural obstacles', () => {
    let lesson: LessonView;

    beforeAll(async () => {
      lesson = (await http().post(projectPath('/lessons')).set(owner.auth).send({ text: 'Busskort saknades för deltagare på landsbygden.' }).expect(201))
        .body as LessonView;
    });

    it('records an obstacle of a project with evidence of each kind, and announces it with ids and codes', async () => {
      const candidateId = randomUUID();

      const obstacle = (
        await http()
          .post('/api/v1/obstacles')
          .set(owner.auth)
          .send({
            category: 'commuting_and_transport',
            description: 'Kollektivtrafiken når inte praktikplatserna i södra länet före klockan nio.',
            municipalityCodes: ['1882', '1860'],
            projectId: project.projectId,
            evidence: [
              { kind: 'project', projectId: project.projectId, summary: 'Projektets slutrapport.' },
              { kind: 'lesson', lessonId: lesson.lessonId, summary: 'Lärdomen om busskort.' },
              { kind: 'referral_flow', candidateId, summary: 'Många avbrutna remisser till praktik i Laxå.' },
              { kind: 'document', url: 'https://example.org/rapport.pdf', summary: 'Länstrafikens utredning.' },
            ],
          })
          .expect(201)
      ).body as ObstacleView;

      expect(obstacle).toMatchObject({ category: 'commuting_and_transport', municipalityCodes: ['1860', '1882'], projectId: project.projectId });
      expect(obstacle.evidence.map((item) => [item.kind, item.projectId, item.lessonId, item.candidateId, item.url])).toEqual([
        ['project', project.projectId, null, null, null],
        ['lesson', null, lesson.lessonId, null, null],
        ['referral_flow', null, null, candidateId, null],
        ['document', null, null, null, 'https://example.org/rapport.pdf'],
      ]);
      expect((await http().get(`/api/v1/obstacles/${obstacle.obstacleId}`).set(stranger.auth).expect(200)).body).toEqual(obstacle);
      const [recorded] = (await outboxEvents('learning.events.obstacle.recorded')).filter((event) => event.data['obstacleId'] === obstacle.obstacleId);
      expect(recorded?.data).toEqual({
        obstacleId: obstacle.obstacleId,
        category: 'commuting_and_transport',
        municipalityCodes: ['1860', '1882'],
        projectId: project.projectId,
        evidenceKinds: ['project', 'lesson', 'referral_flow', 'document'],
        candidateId,
      });
    });

    it('lets an analyst record an obstacle of no project, and lists obstacles by category, municipality and project in pages', async () => {
      const regulation = (
        await http()
          .post('/api/v1/obstacles')
          .set(analyst.auth)
          .send({
            category: 'secrecy_and_data_sharing',
            description: 'Sekretessen mellan kommunens enheter hindrar en gemensam plan.',
            municipalityCodes: ['1880'],
          })
          .expect(201)
      ).body as ObstacleView;

      const list = async (filter: Record<string, string | number>) =>
        ((await http().get('/api/v1/obstacles').query(filter).set(stranger.auth).expect(200)).body as Page<ObstacleView>).items.map((item) => item.obstacleId);
      const all = await list({});
      expect(all[0]).toBe(regulation.obstacleId);
      expect(await list({ category: 'secrecy_and_data_sharing' })).toEqual([regulation.obstacleId]);
      expect(await list({ municipalityCode: '1880' })).toEqual([regulation.obstacleId]);
      expect(await list({ projectId: project.projectId })).toEqual(all.slice(1));
      expect(await list({ municipalityCode: '1884' })).toEqual([]);

      const firstPage = (await http().get('/api/v1/obstacles').query({ limit: 1 }).set(stranger.auth).expect(200)).body as Page<ObstacleView>;
      const secondPage = (
        await http()
          .get('/api/v1/obstacles')
          .query({ limit: 1, after: firstPage.nextCursor ?? '' })
          .set(stranger.auth)
          .expect(200)
      ).body as Page<ObstacleView>;
      expect([...firstPage.items, ...secondPage.items].map((item) => item.obstacleId)).toEqual(all.slice(0, 2));
      await http().get('/api/v1/obstacles').query({ category: 'weather' }).set(stranger.auth).expect(400);
    });

    it('adds evidence to an obstacle of their project for the owner, and refuses a caseworker of another organisation', async () => {
      const [obstacle] = (
        (await http().get('/api/v1/obstacles').query({ projectId: project.projectId }).set(stranger.auth).expect(200)).body as Page<ObstacleView>
      ).items;
      if (!obstacle) throw new Error('expected an obstacle of the project');
      const counts = await rowCounts();

      await http()
        .post(`/api/v1/obstacles/${obstacle.obstacleId}/evidence`)
        .set(stranger.auth)
        .send({ kind: 'document', url: 'https://example.org/a', summary: 'S' })
        .expect(403);
      expect(await rowCounts()).toEqual(counts);

      const updated = (
        await http()
          .post(`/api/v1/obstacles/${obstacle.obstacleId}/evidence`)
          .set(owner.auth)
          .send({ kind: 'document', url: 'https://example.org/uppfoljning', summary: 'Uppföljning efter ett år.' })
          .expect(201)
      ).body as ObstacleView;
      expect(updated.evidence.map((item) => item.url)).toContain('https://example.org/uppfoljning');
      expect(updated.evidence).toHaveLength(obstacle.evidence.length + 1);
    });

    it('refuses a caseworker of another organisation an obstacle of no project or of a project it does not own', async () => {
      const counts = await rowCounts();

      await http().post('/api/v1/obstacles').set(stranger.auth).send({ category: 'capacity', description: 'För få platser.' }).expect(403);
      await http()
        .post('/api/v1/obstacles')
        .set(stranger.auth)
        .send({ category: 'capacity', description: 'För få platser.', projectId: project.projectId })
        .expect(403);

      expect(await rowCounts()).toEqual(counts);
    });

    it.each([
      ['an unknown category', { category: 'weather', description: 'D' }, ['category'], 400],
      ['an unknown municipality', { category: 'capacity', description: 'D', municipalityCodes: ['0180'] }, ['municipalityCodes'], 400],
      ['an unknown kind of evidence', { category: 'capacity', description: 'D', evidence: [{ kind: 'rumour', summary: 'S' }] }, ['evidence.0.kind'], 400],
      [
        'evidence without the reference its kind takes',
        { category: 'capacity', description: 'D', evidence: [{ kind: 'referral_flow', summary: 'S' }] },
        ['evidence.0.candidateId'],
        400,
      ],
      [
        'evidence with the reference of another kind',
        { category: 'capacity', description: 'D', evidence: [{ kind: 'document', url: 'https://example.org', lessonId: randomUUID(), summary: 'S' }] },
        ['evidence.0.lessonId'],
        400,
      ],
      ['an unknown project', { category: 'capacity', description: 'D', projectId: randomUUID() }, ['projectId'], 404],
      [
        'evidence of an unknown lesson',
        { category: 'capacity', description: 'D', evidence: [{ kind: 'lesson', lessonId: randomUUID(), summary: 'S' }] },
        ['evidence.0.lessonId'],
        404,
      ],
    ])('refuses %s naming the field, and stores nothing', async (_what, body, fields, status) => {
      const counts = await rowCounts();

      const response = await http().post('/api/v1/obstacles').set(analyst.auth).send(body).expect(status);

      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(fields);
      expect(await rowCounts()).toEqual(counts);
    });

    it('answers 404 naming the obstacle for one that does not exist', async () => {
      const response = await http().get(`/api/v1/obstacles/${randomUUID()}`).set(stranger.auth).expect(404);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'obstacleId' })]);

      await http()
        .post(`/api/v1/obstacles/${randomUUID()}/evidence`)
        .set(analyst.auth)
        .send({ kind: 'document', url: 'https://example.org', summary: 'S' })
        .expect(404);
    });
  });
});
