import { eventually, query } from '@samverkan/testing';
import request from 'supertest';
import { signIn } from '../support/staff';
import { TestSystem } from '../support/system';

/** What Prometheus would be given to scrape the gateway with (METRICS_SCRAPE_TOKEN). */
const scrapeToken = 'prometheus-scrape-token-0123456789abcdef';

describe('operating the gateway and the services', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await TestSystem.start('operations', { env: { gateway: { METRICS_SCRAPE_TOKEN: scrapeToken } } });
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  it('serves the OpenAPI document with schemas generated from the contracts, and a browsable page', async () => {
    const document = await system.http().get('/api/v1/openapi.json').expect(200);
    const page = await system.http().get('/api/docs').redirects(1).expect(200);

    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/referrals', '/api/v1/referrals/{referralId}/accept', '/api/v1/cases/{caseId}/consents']),
    );
    expect(document.body.components.schemas.SendReferralBody).toMatchObject({
      properties: { caseId: { format: 'uuid' } },
      required: expect.arrayContaining(['caseId', 'toOrganisationId']),
    });
    expect(document.body.components.securitySchemes).toHaveProperty('bearer');
    expect(page.text).toContain('swagger');
  });

  it('answers liveness and readiness without a token, and shows why only to operators', async () => {
    const operator = await signIn(system.http(), 'Olle Drift');
    const caseworker = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    await system.http().get('/health/live').expect(200, { status: 'ok' });
    await system.http().get('/health/ready').expect(200, { status: 'ok' });

    const details = await system.http().get('/health/details').set(operator.auth).expect(200);
    await system.http().get('/health/details').set(caseworker.auth).expect(403);
    await system.http().get('/health/details').expect(401);

    expect(details.body.details).toMatchObject({ nats: { status: 'up' } });
  });

  it('has each service check NATS and its database, on its own port', async () => {
    const referrals = await request(system.app('referrals').getHttpServer()).get('/health/ready').expect(200);

    expect(referrals.body.details).toMatchObject({ nats: { status: 'up' }, database: { status: 'up' } });
  });

  it('exposes Prometheus metrics: requests at the gateway to operators, outbox backlog and consumer lag in the services', async () => {
    const operator = await signIn(system.http(), 'Olle Drift');
    await system.http().get('/health/ready');
    await system.http().get('/metrics').expect(401);
    const gateway = await system.http().get('/metrics').set(operator.auth).expect(200);
    // The consumer is declared by learning's consume loop just after start.
    const learning = await eventually(async () => {
      const scraped = await request(system.app('learning').getHttpServer()).get('/metrics').expect(200);
      expect(scraped.text).toContain('consumer_pending_messages{consumer="learning-referral-statistics"');
      return scraped;
    });

    expect(gateway.text).toMatch(/http_requests_total\{[^}]*route="\/health\/ready",status="200"[^}]*\} [1-9]/);
    expect(learning.text).toContain('outbox_backlog');
    expect(learning.text).toContain('dead_letters_total');
  });

  it("lets a monitoring system scrape the gateway's metrics with its scrape token, which opens nothing else", async () => {
    const scrape = { authorization: `Bearer ${scrapeToken}` };

    const scraped = await system.http().get('/metrics').set(scrape).expect(200);
    await system
      .http()
      .get('/metrics')
      .set({ authorization: `Bearer ${scrapeToken.replace(/.$/, '0')}` })
      .expect(401);
    await system.http().get('/health/details').set(scrape).expect(401);
    await system.http().get('/api/v1/cases').set(scrape).expect(401);

    expect(scraped.text).toContain('http_requests_total');
  });

  it('keeps the caller’s correlation id: echoed back, and written into the events the request caused', async () => {
    const caseworker = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    const correlationId = 'e2e-correlation-4711';

    const response = await system
      .http()
      .post('/api/v1/cases')
      .set(caseworker.auth)
      .set('x-correlation-id', correlationId)
      .send({ personnummer: '19900101-0017', municipalityCode: '1880', targetGroup: 'disability' })
      .expect(201);
    const events = await query<{ correlation: string }>(
      system.databaseUrls.cases,
      "SELECT envelope->>'correlationid' AS correlation FROM outbox WHERE envelope->'data'->>'caseId' = $1",
      [response.body.id],
    );

    expect(response.headers['x-correlation-id']).toBe(correlationId);
    expect(events).toEqual([{ correlation: correlationId }]);
  });

  it('offers development tokens only when they are enabled', async () => {
    const withoutDevTokens = await TestSystem.start('nodevtokens', { services: ['gateway'], env: { gateway: { DEV_TOKENS_ENABLED: 'false' } } });
    try {
      const response = await withoutDevTokens.http().post('/api/v1/auth/dev-tokens').send({ staffId: '00000000-0000-4000-8000-000000000000' }).expect(404);
      expect(response.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    } finally {
      await withoutDevTokens.shutdown();
    }
  });
});
