import type { INestApplication } from '@nestjs/common';
import type { CaseView, ReferralView } from '@samverkan/contracts';
import { eventually, query } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { signIn, type SignedInStaff } from '../support/staff';
import { consentToShare, openCase as openCaseOnce, sendReferral, consentFor } from '../support/flow';
import { TestSystem } from '../support/system';

/**
 * Commands with an Idempotency-Key, through the gateway to the real services: a retry returns the
 * first result and writes nothing, wherever and whenever it arrives within 24 hours.
 */
describe('idempotent commands', () => {
  let system: TestSystem;
  let caseworker: SignedInStaff;
  let receiver: SignedInStaff;

  beforeAll(async () => {
    system = await TestSystem.start('idempotency', { services: ['actors', 'cases', 'referrals', 'gateway'] });
    caseworker = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    receiver = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const count = async (service: 'cases' | 'referrals', table: string) =>
    (await query<{ n: number }>(system.databaseUrls[service], `SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;

  /** Opens a case with an Idempotency-Key, leaving the status to the test. */
  const openCase = (http: ReturnType<TestSystem['http']>, key: string, personnummer = '19900101-0017') =>
    http.post('/api/v1/cases').set(caseworker.auth).set('idempotency-key', key).send({ personnummer, municipalityCode: '1880', targetGroup: 'uvas' });

  /** A case whose person consented to share with the receiver, ready to be referred. */
  async function caseWithConsent(personnummer: string): Promise<CaseView> {
    const opened = await openCaseOnce(system.http(), caseworker, personnummer);
    await consentToShare(system.http(), caseworker, opened.id, receiver.member.organisationId);
    return opened;
  }

  it('answers a retry with the first result, and writes nothing the second time', async () => {
    const key = randomUUID();
    const before = { cases: await count('cases', 'cases'), events: await count('cases', 'outbox') };

    const first = await openCase(system.http(), key).expect(201);
    const retry = await openCase(system.http(), key).expect(201);

    expect(retry.body).toEqual(first.body);
    expect(await count('cases', 'cases')).toBe(before.cases + 1);
    expect(await count('cases', 'outbox')).toBe(before.events + 1);
  });

  it('refuses the same key with another request (422, naming the header) and writes nothing', async () => {
    const key = randomUUID();
    await openCase(system.http(), key).expect(201);
    const before = await count('cases', 'cases');

    const other = await openCase(system.http(), key, '20050315-2381').expect(422);

    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', errors: [{ field: 'Idempotency-Key' }] });
    expect(await count('cases', 'cases')).toBe(before);
  });

  it('keeps the keys of different staff members apart', async () => {
    const key = randomUUID();
    const opened = (await openCase(system.http(), key).expect(201)).body as CaseView;

    const theirs = await system
      .http()
      .post(`/api/v1/cases/${opened.id}/consents`)
      .set(caseworker.auth)
      .set('idempotency-key', key)
      .send(consentFor(receiver.member.organisationId, { purpose: 'coordination' }));

    // The same caseworker reusing a key for another command is refused; the key is theirs alone.
    expect(theirs.status).toBe(422);
    const otherStaff = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
    await system
      .http()
      .post('/api/v1/referrals')
      .set(otherStaff.auth)
      .set('idempotency-key', key)
      .send({ caseId: randomUUID(), toOrganisationId: caseworker.member.organisationId })
      .expect(404);
  });

  it('refuses a malformed key, naming the header', async () => {
    const response = await system.http().post('/api/v1/cases').set(caseworker.auth).set('idempotency-key', 'has spaces in it').send({}).expect(400);

    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'Idempotency-Key' }] });
  });

  it('holds across gateway replicas and a restart of the service', async () => {
    const key = randomUUID();
    const first = await openCase(system.http(), key).expect(201);
    await system.stopService('cases');
    await system.startService('cases');
    const secondGateway: INestApplication = await system.startSecondGateway();
    try {
      const retry = await openCase(request(secondGateway.getHttpServer()), key).expect(201);

      expect(retry.body).toEqual(first.body);
    } finally {
      await secondGateway.close();
    }
  });

  it('gives the first result to a retry after the gateway gave up waiting, though the command committed late', async () => {
    const opened = await caseWithConsent('19981224-9879');
    // The referral's transaction takes longer than the impatient gateway waits for an answer.
    await query(
      system.databaseUrls.referrals,
      `CREATE OR REPLACE FUNCTION slow_referral() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1.5); RETURN NEW; END $$;
       CREATE TRIGGER slow_referral BEFORE INSERT ON referrals FOR EACH ROW EXECUTE FUNCTION slow_referral();`,
    );
    const impatient = await system.startSecondGateway({ RPC_TIMEOUT_MS: '500' });
    const key = randomUUID();
    const send = (http: ReturnType<TestSystem['http']>) =>
      http
        .post('/api/v1/referrals')
        .set(caseworker.auth)
        .set('idempotency-key', key)
        .send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId });
    try {
      await send(request(impatient.getHttpServer())).expect(503);
      await eventually(async () => expect(await count('referrals', 'referrals')).toBe(1), { timeoutMs: 5000 });

      const retry = await send(system.http()).expect(201);

      const [stored] = await query<{ id: string }>(system.databaseUrls.referrals, 'SELECT id FROM referrals');
      expect((retry.body as ReferralView).id).toBe(stored?.id);
      expect(await count('referrals', 'referrals')).toBe(1);
    } finally {
      await impatient.close();
      await query(system.databaseUrls.referrals, 'DROP TRIGGER slow_referral ON referrals');
    }
  });

  it('lets concurrent duplicates wait for the first, so both get its result and one row is written', async () => {
    const opened = await caseWithConsent('20010101-0015');
    const before = await count('referrals', 'referrals');
    const key = randomUUID();
    const send = () =>
      system
        .http()
        .post('/api/v1/referrals')
        .set(caseworker.auth)
        .set('idempotency-key', key)
        .send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId });

    const [one, two] = await Promise.all([send(), send()]);

    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.id).toBe(two.body.id);
    expect(await count('referrals', 'referrals')).toBe(before + 1);
  });

  it('answers an accept retried after it succeeded with the same referral, not with a conflict', async () => {
    const opened = await caseWithConsent('19750505-5009');
    const sent = await sendReferral(system.http(), caseworker, opened.id, receiver.member.organisationId);
    const key = randomUUID();
    const accept = () => system.http().post(`/api/v1/referrals/${sent.id}/accept`).set(receiver.auth).set('idempotency-key', key);

    const first = await accept().expect(200);
    const retry = await accept().expect(200);

    expect(retry.body).toEqual(first.body);
    await system.http().post(`/api/v1/referrals/${sent.id}/accept`).set(receiver.auth).expect(409);
  });
});
