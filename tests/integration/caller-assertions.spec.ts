import type { INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, Requests, StaffRole, type CaseView, type ServiceName } from '@samverkan/contracts';
import { AssertionSigner, assertionType, payloadDigest, type RpcClient } from '@samverkan/messaging';
import { generateSigningKey, type SigningJwk } from '@samverkan/platform';
import { anActor, query, testNatsUrl } from '@samverkan/testing';
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { rawRequest, rpcClientAs } from '../support/rpc';
import { TestSystem } from '../support/system';
import { orebroKommunId } from '../support/seeded';

/**
 * Trust on the bus, through the real services on real NATS: every request must carry a caller
 * assertion the receiving service verifies before anything runs, and nothing it refuses writes.
 */
describe('caller assertions between services', () => {
  let system: TestSystem;
  let connection: NatsConnection;
  let gateway: RpcClient;
  let gatewayConnection: NatsConnection;
  // Arbetsförmedlingen Örebro's caseworker, as seeded (organisation and unit from the directory).
  let caseworker: ReturnType<typeof anActor>;

  const openCase = { personnummer: '19900101-0017', municipalityCode: '1880', targetGroup: 'uvas' };

  beforeAll(async () => {
    system = await TestSystem.start('trust', { services: ['actors', 'cases', 'referrals'] });
    connection = await connect({ servers: testNatsUrl() });
    ({ rpc: gateway, connection: gatewayConnection } = await rpcClientAs(system, 'gateway'));
    const staff = await query<{ id: string; organisation_id: string; unit_id: string }>(
      system.databaseUrls.actors,
      "SELECT id, organisation_id, unit_id FROM staff_members WHERE display_name = 'Arbetsförmedlare Örebro'",
    );
    const [member] = staff;
    caseworker = anActor({ staffId: member?.id, organisationId: member?.organisation_id, unitId: member?.unit_id, roles: [StaffRole.Caseworker] });
  });

  afterAll(async () => {
    await gatewayConnection?.close();
    await connection?.close();
    await system?.shutdown();
  });

  /** An assertion with these claims over the standard ones, signed with `key`. */
  async function assertion(key: SigningJwk, subject: string, payload: unknown, claims: JWTPayload = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const issuer = key.kid.split(':')[0];
    return new SignJWT({
      iss: issuer,
      aud: subject.split('.')[0],
      sub: caseworker.staffId,
      iat: now,
      exp: now + 30,
      jti: randomUUID(),
      cid: 'test',
      msg: { sub: subject, sha: payloadDigest(payload) },
      stf: { org: caseworker.organisationId, unit: caseworker.unitId, roles: caseworker.roles },
      ...(issuer === 'gateway' ? {} : { act: { sub: `service:${issuer}` } }),
      ...claims,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: assertionType })
      .sign(await importJWK(key, 'EdDSA'));
  }

  const keyOf = (service: ServiceName) => system.secrets.signingKeys[service];
  const persons = async () => (await query<{ n: number }>(system.databaseUrls.cases, 'SELECT count(*)::int AS n FROM persons'))[0]?.n;

  async function refusals(app: INestApplication, subject: string, reason: string): Promise<number> {
    const metrics = (await request(app.getHttpServer()).get('/metrics')).text;
    const line = metrics
      .split('\n')
      .find(
        (candidate) =>
          candidate.startsWith('rpc_caller_refusals_total{') && candidate.includes(`subject="${subject}"`) && candidate.includes(`reason="${reason}"`),
      );
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  it('serves a request the gateway signed for the staff member', async () => {
    const opened = await gateway.request<CaseView>(Requests.cases.openCase, openCase, { actor: caseworker });

    expect(opened).toMatchObject({ ownerOrganisationId: caseworker.organisationId, municipalityCode: '1880' });
  });

  it.each([
    ['no assertion', async () => undefined, 'missing'],
    ['an assertion signed with a key nobody trusts', () => assertion(generateSigningKey('gateway', 'test'), Requests.cases.openCase, openCase), 'signature'],
    ["referrals' key claiming to be the gateway", () => assertion(keyOf('referrals'), Requests.cases.openCase, openCase, { iss: 'gateway' }), 'issuer'],
    ['an expired assertion', () => assertion(keyOf('gateway'), Requests.cases.openCase, openCase, { iat: 1_700_000_000, exp: 1_700_000_030 }), 'expired'],
    ['an assertion for another service', () => assertion(keyOf('gateway'), Requests.cases.openCase, openCase, { aud: 'actors' }), 'audience'],
    ['an assertion for another payload', () => assertion(keyOf('gateway'), Requests.cases.openCase, { ...openCase, municipalityCode: '1881' }), 'binding'],
  ])('refuses a command with %s, counts it, and writes nothing', async (_case, makeAssertion, reason) => {
    const before = { persons: await persons(), refusals: await refusals(system.app('cases'), Requests.cases.openCase, reason) };

    const reply = await rawRequest(connection, system, Requests.cases.openCase, openCase, { assertion: await makeAssertion() });

    expect(reply.error?.code).toBe(ErrorCode.CallerNotVerified);
    expect(await persons()).toBe(before.persons);
    expect(await refusals(system.app('cases'), Requests.cases.openCase, reason)).toBe(before.refusals + 1);
  });

  it('refuses a captured request sent again', async () => {
    const getCase = { caseId: randomUUID() };
    const token = await assertion(keyOf('gateway'), Requests.cases.getCase, getCase);

    expect((await rawRequest(connection, system, Requests.cases.getCase, getCase, { assertion: token })).error?.code).toBe(ErrorCode.CaseNotFound);
    const replay = await rawRequest(connection, system, Requests.cases.getCase, getCase, { assertion: token });

    expect(replay.error).toMatchObject({ code: ErrorCode.CallerNotVerified, message: 'The caller assertion has been used before' });
  });

  it('refuses a verified service that may not send the request', async () => {
    const asReferrals = await assertion(keyOf('referrals'), Requests.cases.openCase, openCase);
    const asGateway = { caseId: randomUUID(), receivingOrganisationId: randomUUID(), purpose: 'referral' };

    expect((await rawRequest(connection, system, Requests.cases.openCase, openCase, { assertion: asReferrals })).error?.code).toBe(ErrorCode.CallerNotAllowed);
    const consent = await rawRequest(connection, system, Requests.cases.checkConsent, asGateway, {
      assertion: await assertion(keyOf('gateway'), Requests.cases.checkConsent, asGateway),
    });
    expect(consent.error?.code).toBe(ErrorCode.CallerNotAllowed);
  });

  it('refuses a payload that still carries an actor, naming it', async () => {
    const payload = { ...openCase, actor: { ...caseworker, roles: ['administrator'] } };

    const reply = await rawRequest(connection, system, Requests.cases.openCase, payload, {
      assertion: await assertion(keyOf('gateway'), Requests.cases.openCase, payload),
    });

    expect(reply.error).toMatchObject({ code: ErrorCode.ValidationFailed, fields: [{ field: 'actor', message: 'must not be sent' }] });
  });

  it('refuses a command that names no staff member, though its service may send it', async () => {
    const payload = { caseId: randomUUID(), toOrganisationId: randomUUID() };
    const token = await new AssertionSigner('gateway', keyOf('gateway')).sign({
      audience: 'referrals',
      subject: Requests.referrals.sendReferral,
      payload,
      actor: undefined,
      correlationId: 'test',
    });

    const reply = await rawRequest(connection, system, Requests.referrals.sendReferral, payload, { assertion: token });

    expect(reply.error).toMatchObject({ code: ErrorCode.CallerNotVerified, message: 'This request must be made for a staff member' });
  });

  it('lets referrals ask cases on behalf of the staff member whose referral it sends, and only then', async () => {
    const opened = await gateway.request<CaseView>(Requests.cases.openCase, { ...openCase, personnummer: '20050315-2381' }, { actor: caseworker });
    const stranger = anActor({ roles: [StaffRole.Caseworker] });
    const send = (actor: typeof caseworker) =>
      gateway.request(Requests.referrals.sendReferral, { caseId: opened.id, toOrganisationId: orebroKommunId }, { actor }).catch((error: unknown) => error);

    // Cases answered for the caseworker's organisation (on the case team): there was no consent.
    expect(await send(caseworker)).toMatchObject({ code: ErrorCode.ConsentDoesNotCoverReceiver });
    // For a staff member of another organisation, cases refuses to say anything about the case.
    expect(await send(stranger)).toMatchObject({ code: ErrorCode.NotOnCaseTeam });
  });

  it('runs an operation only for an operator, whom the assertion names', async () => {
    const since = { since: new Date().toISOString() };

    expect(await gateway.request(Requests.referrals.republishOutbox, since, { actor: caseworker }).catch((error: unknown) => error)).toMatchObject({
      code: ErrorCode.Forbidden,
    });
    await expect(gateway.request(Requests.referrals.republishOutbox, since, { actor: anActor({ roles: [StaffRole.Operator] }) })).resolves.toEqual({
      requeued: 0,
    });
  });
});
