import type { CaseView, HandoffView } from '@samverkan/contracts';
import { query } from '@samverkan/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consentFor, inAYear } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/**
 * A whole scenario through every service, then a search of everything they stored (every table
 * of every service's database, the events in every outbox, the access log) and of every line
 * they logged (at debug level) for the person's identity number in each form it can be
 * written, and for their name. Only cases holds them, and only encrypted.
 */
describe('where a person’s identity ends up', () => {
  let system: TestSystem;
  let lead: SignedInStaff;
  let municipality: SignedInStaff;
  const personnummer = '19811218-9876';
  const name = 'Zlatan Örnqvist-Lindh';
  const forms = ['198112189876', '8112189876', '19811218-9876', '811218-9876', 'Zlatan', 'Örnqvist', 'Lindh'];
  const logs = mkdtempSync(join(tmpdir(), 'samverkan-identity-scan-'));
  const services = ['gateway', 'actors', 'cases', 'referrals', 'learning'] as const;

  beforeAll(async () => {
    system = await TestSystem.start('identityscan', {
      env: Object.fromEntries(services.map((service) => [service, { LOG_LEVEL: 'debug', LOG_FILE: join(logs, `${service}.log`) }])),
    });
    lead = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    municipality = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
  });

  afterAll(async () => {
    await system?.shutdown();
    rmSync(logs, { recursive: true, force: true });
  });

  /** Every row of every table of a database, as JSON text, with the table it came from. */
  async function everything(databaseUrl: string): Promise<Array<{ table: string; row: string }>> {
    const tables = await query<{ table_name: string }>(
      databaseUrl,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const rows: Array<{ table: string; row: string }> = [];
    for (const { table_name: table } of tables) {
      const found = await query<{ row: string }>(databaseUrl, `SELECT row_to_json(t)::text AS row FROM "${table}" t`);
      rows.push(...found.map(({ row }) => ({ table, row })));
    }
    return rows;
  }

  it('keeps the identity number out of every database but cases, and readable nowhere', async () => {
    const http = system.http();
    const opened = (await http.post('/api/v1/cases').set(lead.auth).send({ personnummer, name, municipalityCode: '1880', targetGroup: 'uvas' }).expect(201))
      .body as CaseView;
    await http.get(`/api/v1/cases/${opened.id}/person`).set(lead.auth).expect(200);
    await http
      .patch(`/api/v1/cases/${opened.id}/person`)
      .set(lead.auth)
      .send({ name: `${name} Jr` })
      .expect(200);
    await http
      .post(`/api/v1/cases/${opened.id}/consents`)
      .set(lead.auth)
      .send(consentFor(municipality.member.organisationId, { purpose: 'coordination' }))
      .expect(201);
    const referralConsent = (
      await http.post(`/api/v1/cases/${opened.id}/consents`).set(lead.auth).send(consentFor(municipality.member.organisationId)).expect(201)
    ).body as { id: string };
    await http.post(`/api/v1/cases/${opened.id}/team`).set(lead.auth).send({ unitId: municipality.member.unitId, legalBasis: 'consent' }).expect(200);
    const referral = (
      await http.post('/api/v1/referrals').set(lead.auth).send({ caseId: opened.id, toOrganisationId: municipality.member.organisationId }).expect(201)
    ).body as { id: string };
    await http.post(`/api/v1/referrals/${referral.id}/accept`).set(municipality.auth).expect(200);
    await http.post(`/api/v1/cases/${opened.id}/status`).set(lead.auth).send({ status: 'active' }).expect(200);
    const handoff = (
      await http.post(`/api/v1/cases/${opened.id}/handoffs`).set(lead.auth).send({ toUnitId: municipality.member.unitId, respondBy: inAYear() }).expect(201)
    ).body as HandoffView;
    await http.post(`/api/v1/cases/${opened.id}/handoffs/${handoff.id}/accept`).set(municipality.auth).expect(200);
    await http.post(`/api/v1/cases/${opened.id}/consents/${referralConsent.id}/withdraw`).set(municipality.auth).expect(200);
    const read = (await http.get(`/api/v1/cases/${opened.id}`).set(municipality.auth).expect(200)).body as CaseView;
    expect(read.ownerUnitId).toBe(municipality.member.unitId);

    const stored = (
      await Promise.all(
        (Object.entries(system.databaseUrls) as Array<[string, string]>).map(async ([service, url]) =>
          (await everything(url)).map((entry) => ({ service, ...entry })),
        ),
      )
    ).flat();
    const leaks = stored.filter(({ row }) => forms.some((form) => row.includes(form)));

    expect(stored.filter(({ table }) => table === 'outbox').length).toBeGreaterThan(10);
    expect(stored.some(({ service, table }) => service === 'cases' && table === 'persons')).toBe(true);
    expect(leaks.map(({ service, table }) => `${service}.${table}`)).toEqual([]);

    // Stopped first, so every buffered line is written. In this one process nestjs-pino keeps the
    // first app's destination for all five, so the lines are read together: among them the
    // scenario's requests, the person's own URLs included, and nothing of the person.
    for (const service of services) await system.stopService(service);
    const lines = services.flatMap((service) =>
      readFileSync(join(logs, `${service}.log`), 'utf8')
        .split('\n')
        .filter(Boolean),
    );
    expect(lines.filter((line) => line.includes(`/api/v1/cases/${opened.id}/person`)).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((line) => forms.some((form) => line.includes(form)))).toEqual([]);
  });
});
