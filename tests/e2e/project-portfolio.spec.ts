import type { ImportedProjectView, Page, ProjectView } from '@samverkan/contracts';
import { eventually, query } from '@samverkan/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'services', 'learning', 'src', 'projects', 'fixtures', `${name}.txt`), 'utf8');

/** The contact person of complete.txt, read from the page and never to be stored. */
const contactDetails = ['Linnea Bergkvist', 'linnea.bergkvist@kumla.se', '070-174 06 21'];

/**
 * The project portfolio through the gateway: ESF pages imported into learning, linked to the
 * organisations learning knows from actors' events, and read back.
 */
describe('project portfolio', () => {
  let system: TestSystem;
  let analyst: SignedInStaff;
  let caseworker: SignedInStaff; // Arbetsförmedlingen Örebro: no analyst role
  let organisationIds: Map<string, string>;

  beforeAll(async () => {
    system = await TestSystem.start('projects');
    const http = system.http();
    analyst = await signIn(http, 'Analytiker Örebro');
    caseworker = await signIn(http, 'Arbetsförmedlare Örebro');
    const rows = await query<{ id: string; name: string }>(system.databaseUrls.actors, 'SELECT id, name FROM organisations');
    organisationIds = new Map(rows.map((row) => [row.name, row.id]));
    // Pages are linked to the organisations learning has projected from actors' events.
    await eventually(async () => {
      const [row] = await query<{ count: number }>(system.databaseUrls.learning, 'SELECT count(*)::int AS count FROM organisations WHERE name IS NOT NULL');
      expect(row?.count).toBe(rows.length);
    });
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const importPage = (staff: SignedInStaff, text: string) => system.http().post('/api/v1/projects/import').set(staff.auth).send({ text });

  async function rowCounts(): Promise<Record<string, number>> {
    const [row] = await query<Record<string, number>>(
      system.databaseUrls.learning,
      `SELECT (SELECT count(*)::int FROM projects) AS projects,
              (SELECT count(*)::int FROM project_partners) AS partners,
              (SELECT count(*)::int FROM project_municipalities) AS municipalities`,
    );
    return row as Record<string, number>;
  }

  describe('importing a complete page', () => {
    let first: ImportedProjectView;

    beforeAll(async () => {
      first = (await importPage(analyst, fixture('complete')).expect(201)).body as ImportedProjectView;
    });

    it('stores the project with its partners linked to known organisations and its municipalities, and reports on the page', () => {
      const partnerNames = ['Arbetsförmedlingen Örebro', 'Askersunds kommun', 'Hallsbergs kommun', 'Laxå kommun', 'Lekebergs kommun', 'ABF Örebro län'];
      expect(first.created).toBe(true);
      expect(first.project).toMatchObject({
        projectKey: 'esf:2015-3127',
        projectNumber: '2015-3127',
        title: 'Nya vägar Sydnärke – unga tillbaka till studier och arbete',
        programmeArea: '2. Öka övergångarna till arbete',
        phase: 'Genomförande',
        owner: { name: 'Kumla kommun', organisationId: organisationIds.get('Kumla kommun') ?? null },
        grantedEsfSupportKronor: 4_212_880,
        totalBudgetKronor: 8_425_760,
        period: { start: '2015-09-01', end: '2018-08-31' },
        region: 'Östra Mellansverige',
        transnationalCooperation: 'Projektet utbyter erfarenheter om uppsökande arbete med en kommun i Finland.',
        partners: partnerNames.map((name) => ({ name, organisationId: organisationIds.get(name) ?? null })),
        municipalityCodes: ['1814', '1860', '1861', '1881', '1882'],
        status: 'imported',
        version: 1,
        importedBy: analyst.member.id,
      });
      // The seeded directory has every one of them, so this proves linking rather than nulls.
      expect(first.project.partners.every((partner) => partner.organisationId !== null)).toBe(true);
      expect(first.project).not.toHaveProperty('contactName');
      expect(first.report).toEqual({
        furniture: [{ line: 1, text: 'Logotyp på utskrifter' }],
        unrecognised: [],
        unmatchedOrganisations: [],
        missing: [],
        personalDataNotStored: { fields: ['contactName', 'contactEmail', 'contactPhone'], message: expect.stringContaining('not stored') },
      });
    });

    it('keeps no contact detail of the page in any learning table', async () => {
      const tables = await query<{ table_name: string }>(
        system.databaseUrls.learning,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(['projects', 'project_partners', 'project_municipalities']));
      for (const { table_name: table } of tables) {
        for (const detail of contactDetails) {
          const [row] = await query<{ count: number }>(
            system.databaseUrls.learning,
            `SELECT count(*)::int AS count FROM "${table}" t WHERE t::text ILIKE '%' || $1 || '%'`,
            [detail],
          );
          expect({ table, detail, count: row?.count }).toEqual({ table, detail, count: 0 });
        }
      }
    });

    it('updates the same project when the page is imported again: same id, version 2, no duplicate rows', async () => {
      const before = await rowCounts();

      const again = (await importPage(analyst, fixture('complete')).expect(200)).body as ImportedProjectView;

      expect(again.created).toBe(false);
      expect(again.project).toMatchObject({ projectId: first.project.projectId, version: 2, createdAt: first.project.createdAt });
      expect(again.project.partners).toEqual(first.project.partners);
      expect(await rowCounts()).toEqual(before);
      expect(before).toMatchObject({ projects: 1, partners: 6, municipalities: 5 });
    });

    it('reads the project back by its id', async () => {
      const found = (await system.http().get(`/api/v1/projects/${first.project.projectId}`).set(caseworker.auth).expect(200)).body as ProjectView;

      expect(found).toMatchObject({
        projectId: first.project.projectId,
        projectKey: 'esf:2015-3127',
        version: 2,
        municipalityCodes: first.project.municipalityCodes,
      });
    });
  });

  it('reports partners and municipalities it could not place, and stores the partner without a link', async () => {
    const imported = (await importPage(analyst, fixture('unknown-partner')).expect(201)).body as ImportedProjectView;

    expect(imported.project.partners).toContainEqual({ name: 'Stiftelsen Bergslagens ungdomsgård', organisationId: null });
    expect(imported.report.unmatchedOrganisations).toContainEqual(
      expect.objectContaining({ field: 'partners', name: 'Stiftelsen Bergslagens ungdomsgård', reason: 'unknown' }),
    );
    expect(imported.report.unrecognised).toContainEqual(expect.objectContaining({ text: 'Fagersta' }));
    // Örebro län stands for all twelve municipalities.
    expect(imported.project.municipalityCodes).toHaveLength(12);
  });

  it('refuses an import by staff who are no analysts, and stores nothing', async () => {
    const before = await rowCounts();

    await importPage(caseworker, fixture('missing-fields')).expect(403);

    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a page with a bad value with a 400 naming the field and the line, and stores nothing', async () => {
    const before = await rowCounts();
    const text = fixture('missing-fields').replace(/^(Beviljat ESF-stöd:?\s?).*$/m, '$1många kronor');
    const line = text.split('\n').findIndex((candidate) => candidate.includes('många kronor')) + 1;
    expect(line).toBeGreaterThan(0);

    const response = await importPage(analyst, text).expect(400);

    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual([{ field: 'grantedEsfSupportKronor', message: expect.stringMatching(new RegExp(`^line ${line}: `)) }]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a text that is no project page with a 400 naming the text', async () => {
    const response = await importPage(analyst, 'Hej!\nDetta är ingen projektsida.').expect(400);

    expect(response.body.errors).toEqual([{ field: 'text', message: expect.stringContaining('not an ESF project page') }]);
  });

  it('takes a page longer than the general body limit', async () => {
    const text = `${fixture('complete')}\n${'Ö'.repeat(150_000)}`;

    const response = await importPage(analyst, text);

    expect(response.status).toBe(200);
  });

  it('lists projects newest first in pages, filtered by municipality and status, for any staff member', async () => {
    const all = (await system.http().get('/api/v1/projects').set(caseworker.auth).expect(200)).body as Page<ProjectView>;
    // Created first, updated since: the order is by when a project came in.
    expect(all.items.map((project) => project.projectKey)).toEqual(['esf:2016-1184', 'esf:2015-3127']);

    const firstPage = (await system.http().get('/api/v1/projects').query({ limit: 1 }).set(caseworker.auth).expect(200)).body as Page<ProjectView>;
    const secondPage = (
      await system
        .http()
        .get('/api/v1/projects')
        .query({ limit: 1, after: firstPage.nextCursor ?? '' })
        .set(caseworker.auth)
        .expect(200)
    ).body as Page<ProjectView>;
    expect([...firstPage.items, ...secondPage.items].map((project) => project.projectId)).toEqual(all.items.map((project) => project.projectId));
    expect(secondPage.nextCursor).toBeNull();

    const inKumla = (await system.http().get('/api/v1/projects').query({ municipalityCode: '1881' }).set(caseworker.auth).expect(200))
      .body as Page<ProjectView>;
    const inNora = (await system.http().get('/api/v1/projects').query({ municipalityCode: '1884' }).set(caseworker.auth).expect(200)).body as Page<ProjectView>;
    expect(inKumla.items).toHaveLength(2); // complete.txt names Kumla; Örebro län covers it too
    expect(inNora.items.map((project) => project.projectKey)).toEqual(['esf:2016-1184']);
    await system.http().get('/api/v1/projects').query({ status: 'imported' }).set(caseworker.auth).expect(200);
    await system.http().get('/api/v1/projects').query({ municipalityCode: '9999' }).set(caseworker.auth).expect(400);
  });

  it('answers 404 for a project that does not exist', async () => {
    await system.http().get('/api/v1/projects/0190c3a4-0000-7000-8000-000000000000').set(caseworker.auth).expect(404);
  });
});
