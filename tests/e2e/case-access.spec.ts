import type { AccessLogEntryView, AccessLogVerificationView, CaseView, Page } from '@samverkan/contracts';
import { query } from '@samverkan/testing';
import { consentFor } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/**
 * Who may read a case, and the log of who did: the policy of cases through the gateway, with the
 * independent branches of a municipality kept apart (OSL 8:2), and the hash-chained access log
 * that records every read, change and denied attempt.
 */
describe('access to cases, and the access log', () => {
  let system: TestSystem;
  let socialServices: SignedInStaff; // Lekeberg's försörjningsstöd: opens and leads the case
  let youthActivity: SignedInStaff; // Lekeberg's KAA: same municipality, another branch
  let employmentService: SignedInStaff; // another organisation
  let analyst: SignedInStaff; // Lekeberg's analyst: reads statistics, never a case
  let dataProtection: SignedInStaff; // Lekeberg's data-protection officer
  let otherDataProtection: SignedInStaff; // Nora's
  let caseId: string;
  const personnummer = '19900101-0017';

  beforeAll(async () => {
    system = await TestSystem.start('caseaccess');
    const http = system.http();
    socialServices = await signIn(http, 'Handläggare försörjningsstöd Lekeberg');
    youthActivity = await signIn(http, 'KAA-samordnare Lekeberg');
    employmentService = await signIn(http, 'Arbetsförmedlare Örebro');
    analyst = await signIn(http, 'Analytiker Lekeberg');
    dataProtection = await signIn(http, 'Dataskyddsombud Lekeberg');
    otherDataProtection = await signIn(http, 'Dataskyddsombud Nora');
    const opened = await http
      .post('/api/v1/cases')
      .set(socialServices.auth)
      .send({ personnummer, municipalityCode: '1814', targetGroup: 'uvas', supportNeeds: ['social_situation'] })
      .expect(201);
    caseId = (opened.body as CaseView).id;
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const casesDatabase = () => system.databaseUrls.cases;
  const logFor = async (staff: SignedInStaff, params: Record<string, string> = {}) =>
    (
      await system
        .http()
        .get('/api/v1/access-log')
        .query({ caseId, ...params })
        .set(staff.auth)
        .expect(200)
    ).body as Page<AccessLogEntryView>;
  const verify = async () =>
    (await system.http().get('/api/v1/access-log/verification').set(dataProtection.auth).expect(200)).body as AccessLogVerificationView;

  it('puts the opening unit on the team as lead, processing on its own task', async () => {
    const read = (await system.http().get(`/api/v1/cases/${caseId}`).set(socialServices.auth).expect(200)).body as CaseView;

    expect(read.team).toEqual([
      { unitId: socialServices.member.unitId, organisationId: socialServices.member.organisationId, role: 'lead', legalBasis: 'case_handling' },
    ]);
  });

  it.each([
    ['another branch of the same municipality (OSL 8:2)', () => youthActivity, 'other_unit_of_team_organisation'],
    ['another organisation', () => employmentService, 'not_on_team'],
    ['an analyst of the leading municipality', () => analyst, 'role'],
  ])('refuses %s, and logs the attempt', async (_who, staff, reason) => {
    const response = await system.http().get(`/api/v1/cases/${caseId}`).set(staff().auth).expect(403);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'NOT_ON_CASE_TEAM', errors: [{ field: 'caseId', message: reason }] });
    expect(JSON.stringify(response.body)).not.toContain('0017');
    const log = await logFor(dataProtection, { staffId: staff().member.id });
    expect(log.items[0]).toMatchObject({ action: 'case.read', outcome: 'denied', reason, caseId, staffId: staff().member.id, legalBasis: null });
  });

  it('refuses consent and consent checks to other branches too, logged as denied', async () => {
    await system.http().post(`/api/v1/cases/${caseId}/consents`).set(youthActivity.auth).send(consentFor(employmentService.member.organisationId)).expect(403);
    await system
      .http()
      .post('/api/v1/referrals')
      .set(youthActivity.auth)
      .send({ caseId, toOrganisationId: employmentService.member.organisationId })
      .expect(403);

    const denied = (await logFor(dataProtection, { staffId: youthActivity.member.id, outcome: 'denied' })).items.map((entry) => entry.action);
    expect(denied).toEqual(expect.arrayContaining(['consent.record', 'consent.check']));
  });

  it('logs every read and change by the team with who, unit, purpose and legal basis, and the correlation id of the request', async () => {
    await system.http().get(`/api/v1/cases/${caseId}`).set(socialServices.auth).set('x-correlation-id', 'read-by-lead-unit').expect(200);
    await system.http().post(`/api/v1/cases/${caseId}/consents`).set(socialServices.auth).send(consentFor(employmentService.member.organisationId)).expect(201);
    await system
      .http()
      .post('/api/v1/referrals')
      .set(socialServices.auth)
      .send({ caseId, toOrganisationId: employmentService.member.organisationId })
      .expect(201);

    const entries = (await logFor(dataProtection, { staffId: socialServices.member.id, outcome: 'allowed' })).items;
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['case.open', 'case.read', 'consent.record', 'consent.check']));
    expect(entries.find((entry) => entry.correlationId === 'read-by-lead-unit')).toMatchObject({
      action: 'case.read',
      staffId: socialServices.member.id,
      organisationId: socialServices.member.organisationId,
      unitId: socialServices.member.unitId,
      reason: 'lead_unit',
      legalBasis: 'case_handling',
    });
    expect(entries.find((entry) => entry.action === 'consent.check')).toMatchObject({ purpose: 'referral' });
    // Newest first, and in the order they were written.
    const sequences = entries.map((entry) => entry.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
  });

  it('lets only data-protection officers read the log, each their own organisation’s entries', async () => {
    for (const staff of [socialServices, analyst]) {
      await system.http().get('/api/v1/access-log').set(staff.auth).expect(403);
      await system.http().get('/api/v1/access-log/verification').set(staff.auth).expect(403);
    }
    // Nora's officer: neither Nora's staff nor a case Nora leads is in these entries.
    expect((await logFor(otherDataProtection)).items).toEqual([]);
    expect((await logFor(dataProtection)).items.length).toBeGreaterThan(5);
  });

  it('chains concurrent reads one after another: every read answered and logged, the chain intact', async () => {
    const before = (await verify()).entries;
    const reads = await Promise.all(Array.from({ length: 20 }, () => system.http().get(`/api/v1/cases/${caseId}`).set(socialServices.auth)));

    expect(reads.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(await verify()).toMatchObject({ intact: true, entries: before + 20 });
  });

  it('keeps no identity in the log, readable or not', async () => {
    const rows = await query(casesDatabase(), 'SELECT * FROM access_log');
    const text = JSON.stringify(rows);
    expect(text).not.toContain('0017');
    expect(text).not.toContain('199001010017');
  });

  it('refuses to change or remove an entry', async () => {
    await expect(query(casesDatabase(), "UPDATE access_log SET reason = 'lead_unit' WHERE outcome = 'denied'")).rejects.toThrow(/append-only/);
    await expect(query(casesDatabase(), 'DELETE FROM access_log')).rejects.toThrow(/append-only/);
    await expect(query(casesDatabase(), 'TRUNCATE access_log')).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, and names the first entry an edit or a deletion broke', async () => {
    const intact = await verify();
    expect(intact).toMatchObject({ intact: true, firstBroken: null });
    expect(intact.entries).toBeGreaterThan(5);
    expect(intact.lastHash).toMatch(/^[0-9a-f]{64}$/);

    // What only someone with the database owner's rights could do, around the trigger.
    const tamper = async (sql: string) =>
      query(casesDatabase(), `ALTER TABLE access_log DISABLE TRIGGER USER; ${sql}; ALTER TABLE access_log ENABLE TRIGGER USER`);
    const [denied] = await query<{ sequence: string; reason: string }>(
      casesDatabase(),
      "SELECT sequence::text, reason FROM access_log WHERE outcome = 'denied' ORDER BY sequence LIMIT 1",
    );
    await tamper(`UPDATE access_log SET outcome = 'allowed' WHERE sequence = ${denied?.sequence}`);
    expect(await verify()).toMatchObject({ intact: false, firstBroken: { sequence: Number(denied?.sequence), problem: 'edited' } });

    await tamper(`UPDATE access_log SET outcome = 'denied' WHERE sequence = ${denied?.sequence}`);
    expect(await verify()).toMatchObject({ intact: true });

    const [third] = await query<{ sequence: string }>(casesDatabase(), 'SELECT sequence::text FROM access_log ORDER BY sequence OFFSET 2 LIMIT 1');
    await tamper(`DELETE FROM access_log WHERE sequence = ${third?.sequence}`);
    expect(await verify()).toMatchObject({ intact: false, firstBroken: { sequence: Number(third?.sequence) + 1, problem: 'deleted' } });
  });
});
