import { generateSigningKey, publicJwkOf } from '@samverkan/platform';
import { randomBytes } from 'node:crypto';
import { loadReferralsConfig } from './config';

describe('the referrals configuration of webhooks', () => {
  const key = `k1:${randomBytes(32).toString('base64')}`;
  const development = { NODE_ENV: 'development' };
  // What a deployment sets for every service; only the webhook keys differ between the cases below.
  const signingKey = generateSigningKey('referrals', 'test');
  const deployment = (nodeEnv: string) => ({
    NODE_ENV: nodeEnv,
    NATS_USER: 'referrals',
    NATS_PASSWORD: 'secret',
    SERVICE_SIGNING_KEY: JSON.stringify(signingKey),
    SERVICE_TRUSTED_KEYS: JSON.stringify({ keys: [publicJwkOf(signingKey)] }),
  });

  it('needs nothing in development, and takes plain http to localhost there', () => {
    const config = loadReferralsConfig(development);

    expect(config.webhooks.secretKeys.current.key).toHaveLength(32);
    expect(config.webhooks).toMatchObject({ allowLocalHttp: true, timeoutMs: 5000, backoffBaseMs: 10_000, backoffCapMs: 3_600_000, maxAttempts: 10 });
  });

  it('refuses to start outside development without WEBHOOK_SECRET_KEYS, never echoing a key', () => {
    expect(() => loadReferralsConfig(deployment('production'))).toThrow(/WEBHOOK_SECRET_KEYS: is required outside development/);
    expect(() => loadReferralsConfig({ ...deployment('production'), WEBHOOK_SECRET_KEYS: 'k1:c2hvcnQ=' })).toThrow(/WEBHOOK_SECRET_KEYS: entry 1 must be/);
    expect(() => loadReferralsConfig({ ...deployment('production'), WEBHOOK_SECRET_KEYS: 'k1:c2hvcnQ=' })).not.toThrow(/c2hvcnQ/);
  });

  it('sends only over https in production and to local receivers in tests, unless told otherwise', () => {
    expect(loadReferralsConfig({ ...deployment('production'), WEBHOOK_SECRET_KEYS: key }).webhooks.allowLocalHttp).toBe(false);
    expect(loadReferralsConfig({ ...deployment('test'), WEBHOOK_SECRET_KEYS: key }).webhooks.allowLocalHttp).toBe(true);
    expect(loadReferralsConfig({ ...deployment('test'), WEBHOOK_SECRET_KEYS: key, WEBHOOK_ALLOW_LOCAL_HTTP: 'false' }).webhooks.allowLocalHttp).toBe(false);
  });

  it('refuses a backoff cap below its base', () => {
    expect(() => loadReferralsConfig({ ...development, WEBHOOK_BACKOFF_BASE_MS: '5000', WEBHOOK_BACKOFF_CAP_MS: '1000' })).toThrow(/WEBHOOK_BACKOFF_CAP_MS/);
  });
});
