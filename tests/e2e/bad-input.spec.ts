import { query } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { consentFor } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';
import { orebroKommunId } from '../support/seeded';

/**
 * Every endpoint answers bad input with a 4xx problem+json that names the field or the rule,
 * never a 500, and writes nothing.
 */
describe('bad input through the gateway', () => {
  let system: TestSystem;
  let caseworker: SignedInStaff;
  let operator: SignedInStaff;
  let receiver: SignedInStaff;
  let caseId: string;

  const rowCounts = async () => ({
    cases: await query(
      system.databaseUrls.cases,
      'SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM consents)::int AS consents, (SELECT count(*) FROM outbox)::int AS events',
    ),
    referrals: await query(
      system.databaseUrls.referrals,
      'SELECT (SELECT count(*) FROM referrals)::int AS referrals, (SELECT count(*) FROM outbox)::int AS events',
    ),
    actors: await query(system.databaseUrls.actors, 'SELECT (SELECT count(*) FROM organisations)::int AS organisations'),
  });

  beforeAll(async () => {
    system = await TestSystem.start('badinput');
    caseworker = await signIn(system.http(), 'Arbetsförmedlare Karlskoga');
    receiver = await signIn(system.http(), 'KAA-samordnare Karlskoga');
    operator = await signIn(system.http(), 'Olle Drift');
    const opened = await system
      .http()
      .post('/api/v1/cases')
      .set(caseworker.auth)
      .send({ personnummer: '19900101-0017', municipalityCode: '1883', targetGroup: 'uvas' })
      .expect(201);
    caseId = opened.body.id;
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  // The field is null where the rule, not a field, is at fault (an unknown id, an unknown route).
  type Case = [
    description: string,
    method: 'get' | 'post' | 'patch',
    path: () => string,
    body: unknown,
    status: number,
    code: string,
    field: string | null,
    // Who asks, when a caseworker would be stopped by the role check before validation; a caseworker by default.
    as?: () => SignedInStaff,
  ];
  const json = { 'content-type': 'application/json' };

  const cases: Case[] = [
    ['malformed JSON', 'post', () => '/api/v1/cases', '{"personnummer": "1990', 400, 'VALIDATION_FAILED', 'body'],
    ['a JSON array instead of an object', 'post', () => '/api/v1/cases', '[]', 400, 'VALIDATION_FAILED', 'body'],
    // Refused on the raw bytes, before parsing or validation walk it.
    [
      'a body nested ten thousand levels deep',
      'post',
      () => '/api/v1/cases',
      `{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
      400,
      'VALIDATION_FAILED',
      'body',
    ],
    ['a missing personnummer', 'post', () => '/api/v1/cases', { municipalityCode: '1883', targetGroup: 'uvas' }, 400, 'VALIDATION_FAILED', 'personnummer'],
    [
      'a personnummer failing the Luhn check',
      'post',
      () => '/api/v1/cases',
      { personnummer: '19900101-0018', municipalityCode: '1883', targetGroup: 'uvas' },
      400,
      'VALIDATION_FAILED',
      'personnummer',
    ],
    [
      'an impossible birth date (the 32nd), Luhn-valid',
      'post',
      () => '/api/v1/cases',
      { personnummer: '19900132-1232', municipalityCode: '1883', targetGroup: 'uvas' },
      400,
      'VALIDATION_FAILED',
      'personnummer',
    ],
    [
      'a samordningsnummer whose day less its offset of 60 is no day (92)',
      'post',
      () => '/api/v1/cases',
      { personnummer: '19900192-1239', municipalityCode: '1883', targetGroup: 'uvas' },
      400,
      'VALIDATION_FAILED',
      'personnummer',
    ],
    [
      'a samordningsnummer of day 60: the offset without a day',
      'post',
      () => '/api/v1/cases',
      { personnummer: '19900160-1237', municipalityCode: '1883', targetGroup: 'uvas' },
      400,
      'VALIDATION_FAILED',
      'personnummer',
    ],
    [
      'a municipality outside Örebro län',
      'post',
      () => '/api/v1/cases',
      { personnummer: '19900101-0017', municipalityCode: '0180', targetGroup: 'uvas' },
      400,
      'VALIDATION_FAILED',
      'municipalityCode',
    ],
    [
      'a wrong-typed target group',
      'post',
      () => '/api/v1/cases',
      { personnummer: '19900101-0017', municipalityCode: '1883', targetGroup: 7 },
      400,
      'VALIDATION_FAILED',
      'targetGroup',
    ],
    [
      'an unknown field',
      'post',
      () => '/api/v1/cases',
      { personnummer: '19900101-0017', municipalityCode: '1883', targetGroup: 'uvas', nickname: 'Anna' },
      400,
      'VALIDATION_FAILED',
      'nickname',
    ],
    ['a case id that is not a UUID', 'get', () => '/api/v1/cases/123', undefined, 400, 'VALIDATION_FAILED', 'caseId'],
    ['an unknown case', 'get', () => `/api/v1/cases/${randomUUID()}`, undefined, 404, 'CASE_NOT_FOUND', null],
    [
      'consent for an unknown organisation',
      'post',
      () => `/api/v1/cases/${caseId}/consents`,
      consentFor(randomUUID()),
      404,
      'ORGANISATION_NOT_FOUND',
      'receivers.0.organisationId',
    ],
    [
      'consent without receivers',
      'post',
      () => `/api/v1/cases/${caseId}/consents`,
      consentFor(randomUUID(), { receivers: [] }),
      400,
      'VALIDATION_FAILED',
      'receivers',
    ],
    [
      'consent that expired yesterday',
      'post',
      () => `/api/v1/cases/${caseId}/consents`,
      consentFor(randomUUID(), { expiresOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) }),
      400,
      'VALIDATION_FAILED',
      'expiresOn',
    ],
    [
      'consent given in the future',
      'post',
      () => `/api/v1/cases/${caseId}/consents`,
      consentFor(randomUUID(), { givenAt: new Date(Date.now() + 86_400_000).toISOString() }),
      400,
      'VALIDATION_FAILED',
      'givenAt',
    ],
    [
      'consent given in an unknown way',
      'post',
      () => `/api/v1/cases/${caseId}/consents`,
      consentFor(randomUUID(), { givenAs: 'telepathy' }),
      400,
      'VALIDATION_FAILED',
      'givenAs',
    ],
    [
      'withdrawing a consent the case does not have',
      'post',
      () => `/api/v1/cases/${caseId}/consents/${randomUUID()}/withdraw`,
      undefined,
      404,
      'CONSENT_NOT_FOUND',
      'consentId',
    ],
    [
      'consent with an unknown purpose',
      'post',
      () => `/api/v1/cases/${caseId}/consents`,
      consentFor(randomUUID(), { purpose: 'marketing' }),
      400,
      'VALIDATION_FAILED',
      'purpose',
    ],
    [
      'a referral for an unknown case',
      'post',
      () => '/api/v1/referrals',
      { caseId: randomUUID(), toOrganisationId: orebroKommunId },
      404,
      'CASE_NOT_FOUND',
      'caseId',
    ],
    [
      'a referral to an organisation the directory does not know',
      'post',
      () => '/api/v1/referrals',
      { caseId: randomUUID(), toOrganisationId: randomUUID() },
      404,
      'ORGANISATION_NOT_FOUND',
      'toOrganisationId',
    ],
    [
      'a referral with a wrong-typed case id',
      'post',
      () => '/api/v1/referrals',
      { caseId: 42, toOrganisationId: randomUUID() },
      400,
      'VALIDATION_FAILED',
      'caseId',
    ],
    ['a referral without a receiver', 'post', () => '/api/v1/referrals', { caseId: randomUUID() }, 400, 'VALIDATION_FAILED', 'toOrganisationId'],
    ['accepting an unknown referral', 'post', () => `/api/v1/referrals/${randomUUID()}/accept`, undefined, 404, 'REFERRAL_NOT_FOUND', null],
    ['declining without a reason', 'post', () => `/api/v1/referrals/${randomUUID()}/decline`, {}, 400, 'VALIDATION_FAILED', 'reason'],
    ['listing referrals without a direction', 'get', () => '/api/v1/referrals', undefined, 400, 'VALIDATION_FAILED', 'direction'],
    ['a page size beyond the limit', 'get', () => '/api/v1/organisations?limit=1000', undefined, 400, 'VALIDATION_FAILED', 'limit'],
    ['a forged cursor', 'get', () => '/api/v1/referrals?direction=incoming&after=bm90LWEtY3Vyc29y', undefined, 400, 'VALIDATION_FAILED', 'after'],
    ['an unknown query parameter', 'get', () => '/api/v1/organisations?sort=name', undefined, 400, 'VALIDATION_FAILED', 'sort'],
    [
      'a support resource filter with an unknown target group',
      'get',
      () => '/api/v1/support-resources?targetGroup=pensioners',
      undefined,
      400,
      'VALIDATION_FAILED',
      'targetGroup',
    ],
    ['a PATCH without a body', 'patch', () => `/api/v1/units/${receiver.member.unitId}`, undefined, 400, 'VALIDATION_FAILED', 'body', () => receiver],
    [
      'null for a name, which may be left out but not blanked',
      'patch',
      () => `/api/v1/units/${receiver.member.unitId}`,
      { name: null },
      400,
      'VALIDATION_FAILED',
      'name',
      () => receiver,
    ],
    [
      'a phone number with text around it',
      'patch',
      () => `/api/v1/units/${receiver.member.unitId}`,
      { phone: 'Tel 019-21 10 00' },
      400,
      'VALIDATION_FAILED',
      'phone',
      () => receiver,
    ],
    ['an unknown route', 'get', () => '/api/v1/nothing-here', undefined, 404, 'ROUTE_NOT_FOUND', null],
  ];

  it.each(cases)(
    'answers %s with a problem naming the field or rule, and writes nothing',
    async (_description, method, path, body, status, code, field, as = () => caseworker) => {
      const before = await rowCounts();
      const call = system.http()[method](path()).set(as().auth);
      const response = await (body === undefined ? call : typeof body === 'string' ? call.set(json).send(body) : call.send(body as object));

      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status, code, type: expect.stringMatching(/^https:\/\//), title: expect.any(String), detail: expect.any(String) });
      if (field) expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('refuses to republish the outbox of an unknown service, and a caseworker may not republish at all', async () => {
    const unknown = await system
      .http()
      .post('/api/v1/operations/outbox/payroll/republish')
      .set(operator.auth)
      .send({ since: '2026-11-01T00:00:00Z' })
      .expect(400);
    const badTime = await system.http().post('/api/v1/operations/outbox/referrals/republish').set(operator.auth).send({ since: 'yesterday' }).expect(400);
    const notOperator = await system
      .http()
      .post('/api/v1/operations/outbox/referrals/republish')
      .set(caseworker.auth)
      .send({ since: '2026-11-01T00:00:00Z' })
      .expect(403);

    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'service' }] });
    expect(badTime.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'since' }] });
    expect(notOperator.body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers an illegal transition with 409 naming the rule, and writes nothing', async () => {
    await system.http().post(`/api/v1/cases/${caseId}/consents`).set(caseworker.auth).send(consentFor(receiver.member.organisationId)).expect(201);
    const sent = await system
      .http()
      .post('/api/v1/referrals')
      .set(caseworker.auth)
      .send({ caseId, toOrganisationId: receiver.member.organisationId })
      .expect(201);
    await system.http().post(`/api/v1/referrals/${sent.body.id}/accept`).set(receiver.auth).expect(200);
    const before = await rowCounts();

    const response = await system.http().post(`/api/v1/referrals/${sent.body.id}/decline`).set(receiver.auth).send({ reason: 'no_capacity' }).expect(409);

    expect(response.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', errors: [{ field: 'status' }] });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses requests without a token, with a forged token, and with an expired or foreign one', async () => {
    const forged = `${caseworker.token.slice(0, -4)}AAAA`;

    const missing = await system.http().get('/api/v1/organisations').expect(401);
    const bad = await system
      .http()
      .get('/api/v1/organisations')
      .set({ authorization: `Bearer ${forged}` })
      .expect(401);
    const wrongScheme = await system
      .http()
      .get('/api/v1/organisations')
      .set({ authorization: `Basic ${caseworker.token}` })
      .expect(401);

    for (const response of [missing, bad, wrongScheme]) {
      expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
  });

  it('refuses a development token for an unknown staff member', async () => {
    const response = await system.http().post('/api/v1/auth/dev-tokens').send({ staffId: randomUUID() }).expect(404);

    expect(response.body).toMatchObject({ code: 'STAFF_MEMBER_NOT_FOUND' });
  });

  it('refuses a body larger than the configured limit', async () => {
    const response = await system
      .http()
      .post('/api/v1/organisations')
      .set(caseworker.auth)
      .send({ name: 'x'.repeat(200_000), type: 'region' })
      .expect(413);

    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
