import type { AccessLogVerificationView } from '@samverkan/contracts';
import { eventually, query, testIdentityNumber } from '@samverkan/testing';
import { consentFor, openCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/**
 * Retention (gallring) and consent expiry, run by cases' scheduled jobs from the database. The
 * rules keep one day here, and the jobs run five times a second; the tests age rows by moving
 * their times back instead of waiting.
 */
describe('retention and consent expiry', () => {
  let system: TestSystem;
  let lead: SignedInStaff; // Handläggare försörjningsstöd Kumla
  let employment: SignedInStaff; // Arbetsförmedlingen: on the team on the person's consent
  let dataProtection: SignedInStaff;

  const jobs = { RETENTION_CLOSED_CASE_DAYS: '1', RETENTION_ACCESS_LOG_DAYS: '1', RETENTION_INTERVAL_MS: '200', CONSENT_EXPIRY_INTERVAL_MS: '200' };

  beforeAll(async () => {
    system = await TestSystem.start('retention', { env: { cases: jobs } });
    lead = await signIn(system.http(), 'Handläggare försörjningsstöd Kumla');
    employment = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    dataProtection = await signIn(system.http(), 'Dataskyddsombud Kumla');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const details = { municipalityCode: '1881', targetGroup: 'disability' };
  const close = (caseId: string) =>
    system.http().post(`/api/v1/cases/${caseId}/status`).set(lead.auth).send({ status: 'closed', outcome: 'studies' }).expect(200);
  /** Moves everything the case's last entry is read from two days back, in one statement. */
  const age = (caseId: string) =>
    query(
      system.databaseUrls.cases,
      `WITH timeline AS (UPDATE case_timeline SET at = at - interval '2 days' WHERE case_id = $1)
       UPDATE cases SET opened_at = opened_at - interval '2 days', closed_at = closed_at - interval '2 days', updated_at = updated_at - interval '2 days'
        WHERE id = $1`,
      [caseId],
    );
  const purgedCases = async () =>
    (await query<{ id: string }>(system.databaseUrls.cases, 'SELECT id FROM cases WHERE purged_at IS NOT NULL ORDER BY id')).map((row) => row.id);
  const personOf = async (caseId: string) =>
    (await query<{ person_id: string | null }>(system.databaseUrls.cases, 'SELECT person_id FROM cases WHERE id = $1', [caseId]))[0]?.person_id;

  it('deletes exactly the closed cases whose last entry is older than the rule, and a person with their last case', async () => {
    const old = await openCase(system.http(), lead, testIdentityNumber('1995-01-01', 11), details);
    const recent = await openCase(system.http(), lead, testIdentityNumber('1995-01-02', 22), details);
    const stillOpen = await openCase(system.http(), lead, testIdentityNumber('1995-01-03', 33), details);
    const twice = testIdentityNumber('1995-01-04', 44);
    const oldOfTwo = await openCase(system.http(), lead, twice, details);
    const openOfTwo = await openCase(system.http(), lead, twice, details);
    const oldPerson = await personOf(old.id);
    const personOfTwo = await personOf(oldOfTwo.id);
    for (const closed of [old, recent, oldOfTwo]) await close(closed.id);

    for (const aged of [old, stillOpen, oldOfTwo]) await age(aged.id);

    await eventually(async () => expect(await purgedCases()).toEqual([old.id, oldOfTwo.id].sort()));
    expect(await query(system.databaseUrls.cases, 'SELECT id FROM persons WHERE id = $1', [oldPerson])).toEqual([]);
    expect(await personOf(openOfTwo.id)).toBe(personOfTwo);
    expect(await query(system.databaseUrls.cases, 'SELECT 1 FROM persons WHERE id = $1', [personOfTwo])).toHaveLength(1);
    for (const kept of [recent, stillOpen, openOfTwo]) expect(await personOf(kept.id)).not.toBeNull();
    expect(
      await query(
        system.databaseUrls.cases,
        "SELECT data_kind, sum(items)::int AS items FROM deletion_records WHERE rule = 'closed-case-after-last-entry' GROUP BY data_kind ORDER BY data_kind",
      ),
    ).toEqual([
      { data_kind: 'case', items: 2 },
      { data_kind: 'person', items: 1 },
    ]);
    const events = await query<{ data: { caseId: string; rule: string } }>(
      system.databaseUrls.cases,
      "SELECT envelope->'data' AS data FROM outbox WHERE subject = 'cases.events.case.purged' ORDER BY envelope->'data'->>'caseId'",
    );
    expect(events.map((event) => event.data)).toEqual([old.id, oldOfTwo.id].sort().map((caseId) => ({ caseId, rule: 'closed-case-after-last-entry' })));
    await system.http().get(`/api/v1/cases/${old.id}`).set(lead.auth).expect(404);
  });

  it('runs from the database: a case that aged while cases was down is deleted once it is back', async () => {
    const aging = await openCase(system.http(), lead, testIdentityNumber('1995-02-02', 55), details);
    await close(aging.id);
    await system.stopService('cases');
    await age(aging.id);
    expect(await purgedCases()).not.toContain(aging.id);

    await system.startService('cases', jobs);

    await eventually(async () => expect(await purgedCases()).toContain(aging.id));
    expect(
      await query(system.databaseUrls.cases, "SELECT last_run_at IS NOT NULL AS ran FROM scheduled_jobs WHERE name = 'cases.retention.closed-cases'"),
    ).toEqual([{ ran: true }]);
  });

  it('announces a consent once its last day has passed, and refuses the unit that relied on it at once', async () => {
    const opened = await openCase(system.http(), lead, testIdentityNumber('1997-07-07', 66), details);
    const consent = (
      await system
        .http()
        .post(`/api/v1/cases/${opened.id}/consents`)
        .set(lead.auth)
        .send(consentFor(employment.member.organisationId, { purpose: 'coordination' }))
        .expect(201)
    ).body as { id: string };
    await system.http().post(`/api/v1/cases/${opened.id}/team`).set(lead.auth).send({ unitId: employment.member.unitId, legalBasis: 'consent' }).expect(200);
    await system.http().get(`/api/v1/cases/${opened.id}`).set(employment.auth).expect(200);

    await query(system.databaseUrls.cases, "UPDATE consents SET expires_on = (now() AT TIME ZONE 'Europe/Stockholm')::date - 1 WHERE id = $1", [consent.id]);

    const refused = await system.http().get(`/api/v1/cases/${opened.id}`).set(employment.auth).expect(403);
    expect(refused.body).toMatchObject({ errors: [{ field: 'caseId', message: 'consent_not_active' }] });
    const announced = async () =>
      query<{ data: Record<string, unknown> }>(
        system.databaseUrls.cases,
        "SELECT envelope->'data' AS data FROM outbox WHERE subject = 'cases.events.consent.expired' AND envelope->'data'->>'consentId' = $1",
        [consent.id],
      );
    await eventually(async () => expect(await announced()).toHaveLength(1));
    expect((await announced())[0]?.data).toEqual({
      consentId: consent.id,
      caseId: opened.id,
      receivers: [{ organisationId: employment.member.organisationId, unitId: null }],
      purpose: 'coordination',
    });
    const runs = async () =>
      (
        await query<{ runs: string }>(
          system.databaseUrls.cases,
          "SELECT extract(epoch FROM last_run_at)::text AS runs FROM scheduled_jobs WHERE name = 'cases.consents.expiry'",
        )
      )[0]?.runs;
    const lastRun = await runs();
    await eventually(async () => expect(await runs()).not.toBe(lastRun));
    expect(await announced()).toHaveLength(1);
  });

  it('cuts the access log’s old entries as a prefix, and the rest of the chain still verifies', async () => {
    const [{ last } = { last: '0' }] = await query<{ last: string }>(system.databaseUrls.cases, 'SELECT max(sequence)::text AS last FROM access_log');
    // Ageing entries needs the owner to lift the append-only trigger for a moment; the service's role never can.
    await query(
      system.databaseUrls.cases,
      `DO $$ BEGIN
         ALTER TABLE access_log DISABLE TRIGGER access_log_append_only;
         UPDATE access_log SET at = at - interval '2 days' WHERE sequence <= ${Number(last)};
         ALTER TABLE access_log ENABLE TRIGGER access_log_append_only;
       END $$`,
    );

    await eventually(async () =>
      expect(await query(system.databaseUrls.cases, 'SELECT max(through_sequence)::int AS through FROM access_log_prunes')).toEqual([
        { through: Number(last) },
      ]),
    );
    expect(await query(system.databaseUrls.cases, 'SELECT count(*)::int AS count FROM access_log WHERE sequence <= $1', [last])).toEqual([{ count: 0 }]);
    // New entries chain on from the last one cut.
    await system.http().get('/api/v1/cases').set(lead.auth).expect(200);
    const verification = (await system.http().get('/api/v1/access-log/verification').set(dataProtection.auth).expect(200)).body as AccessLogVerificationView;
    expect(verification).toMatchObject({ entries: 1, intact: true, firstBroken: null, prunedThrough: Number(last) });
    expect(
      await query(
        system.databaseUrls.cases,
        "SELECT sum(items)::int AS items FROM deletion_records WHERE rule = 'access-log-age' AND data_kind = 'access_log_entry'",
      ),
    ).toEqual([{ items: Number(last) }]);
    await expect(query(system.databaseUrls.cases, 'DELETE FROM access_log WHERE sequence = (SELECT max(sequence) FROM access_log)')).rejects.toThrow(
      /append-only/,
    );
  });
});
