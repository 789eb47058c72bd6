import { query } from '@samverkan/testing';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

const consoleOrigin = 'https://konsol.samverkan.example';

/** The gateway faces the internet: hostile bodies, guessed tokens and browsers from elsewhere. */
describe('the hardened gateway', () => {
  let system: TestSystem;
  let caseworker: SignedInStaff;

  beforeAll(async () => {
    system = await TestSystem.start('hardening', {
      services: ['actors', 'cases', 'gateway'],
      env: { gateway: { AUTH_FAILURES_PER_MINUTE: '3', CORS_ORIGINS: consoleOrigin } },
    });
    caseworker = await signIn(system.http(), 'Arbetsförmedlare Örebro');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const persons = async () => (await query<{ n: number }>(system.databaseUrls.cases, 'SELECT count(*)::int AS n FROM persons'))[0]?.n;

  it('refuses a body that is not JSON instead of reading it as empty, and writes nothing', async () => {
    const before = await persons();
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'personnummer=19900101-0017&municipalityCode=1880&targetGroup=uvas'],
      ['text/plain', '{"personnummer":"19900101-0017","municipalityCode":"1880","targetGroup":"uvas"}'],
    ]) {
      const response = await system
        .http()
        .post('/api/v1/cases')
        .set(caseworker.auth)
        .set('content-type', type as string)
        .send(body)
        .expect(400);

      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body', message: 'must be application/json' }] });
    }
    expect(await persons()).toBe(before);
  });

  it('sends the security headers on every answer', async () => {
    const response = await system.http().get('/health/live').expect(200);

    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(response.headers).not.toHaveProperty('x-powered-by');
  });

  it('lets only the configured origin call from a browser', async () => {
    const allowed = await system.http().options('/api/v1/cases').set('origin', consoleOrigin).set('access-control-request-method', 'POST');
    const other = await system.http().options('/api/v1/cases').set('origin', 'https://evil.example').set('access-control-request-method', 'POST');

    expect(allowed.headers['access-control-allow-origin']).toBe(consoleOrigin);
    expect(other.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('stops an address that keeps failing to authenticate, before looking at its tokens', async () => {
    // Failures are counted per client address; this test's requests all come from 127.0.0.1.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await system.http().get('/api/v1/organisations').set('authorization', 'Bearer not-a-token').expect(401);
    }

    const blocked = await system.http().get('/api/v1/organisations').set('authorization', 'Bearer not-a-token').expect(429);
    const evenWithAValidToken = await system.http().get('/api/v1/organisations').set(caseworker.auth).expect(429);

    expect(blocked.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(blocked.headers['retry-after']).toBe('60');
    expect(evenWithAValidToken.body).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
