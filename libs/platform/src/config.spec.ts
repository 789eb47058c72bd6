import { z } from 'zod';
import { ConfigError, databaseServiceSchema, keyRingFromEnv, loadConfig, natsServerList, toDatabaseServiceConfig } from './config';
import { generateSigningKey, publicJwkOf } from './trust-keys';
import { decodeCursor, encodeCursor, toPage } from './cursor';
import { acceptCorrelationId } from './correlation';

describe('service configuration', () => {
  const schema = databaseServiceSchema('referrals', 3003);

  it('has defaults that work in development with PostgreSQL and NATS on this machine', () => {
    const config = toDatabaseServiceConfig('referrals', loadConfig('referrals', schema, { NODE_ENV: 'development' }));

    expect(config).toMatchObject({
      httpHost: '127.0.0.1',
      httpPort: 3003,
      natsUrl: 'nats://127.0.0.1:4222',
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/samverkan_referrals',
      natsNamespace: '',
      jetstreamReplicas: 1,
      environment: 'development',
    });
  });

  it('fails at start naming every bad key', () => {
    const load = () => loadConfig('referrals', schema, { NODE_ENV: 'development', HTTP_PORT: 'eighty', NATS_URL: 'http://nats', LOG_LEVEL: 'loud' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/samverkan-referrals: invalid configuration: .*HTTP_PORT.*NATS_URL.*LOG_LEVEL/);
  });

  it('takes several NATS seed servers separated by commas', () => {
    const config = loadConfig('referrals', schema, { NODE_ENV: 'development', NATS_URL: 'nats://n1:4222, nats://n2:4222' });

    expect(natsServerList(config.NATS_URL)).toEqual(['nats://n1:4222', 'nats://n2:4222']);
  });

  it('is production when NODE_ENV is unset, and then refuses to start without secrets, naming each', () => {
    const load = () => loadConfig('referrals', schema, {});

    expect(load).toThrow(
      /SERVICE_SIGNING_KEY: is required outside development.*SERVICE_TRUSTED_KEYS: is required outside development.*NATS_USER: NATS credentials/,
    );
  });

  it('starts outside development with its signing key, the keys it trusts and NATS credentials', () => {
    const signingKey = generateSigningKey('referrals', '2026-11');
    const trusted = [publicJwkOf(generateSigningKey('gateway', '2026-11'))];
    const config = toDatabaseServiceConfig(
      'referrals',
      loadConfig('referrals', schema, {
        SERVICE_SIGNING_KEY: JSON.stringify(signingKey),
        SERVICE_TRUSTED_KEYS: JSON.stringify({ keys: trusted }),
        NATS_TOKEN: 'referrals-token',
      }),
    );

    expect(config).toMatchObject({ environment: 'production', trust: { signingKey, trustedKeys: trusted }, natsAuth: { token: 'referrals-token' } });
  });

  it('refuses trusted keys that carry a private part, and a password without a user', () => {
    const withPrivatePart = JSON.stringify({ keys: [generateSigningKey('gateway', '1')] });

    expect(() => loadConfig('referrals', schema, { NODE_ENV: 'development', SERVICE_TRUSTED_KEYS: withPrivatePart })).toThrow(/SERVICE_TRUSTED_KEYS/);
    expect(() => loadConfig('referrals', schema, { NODE_ENV: 'development', NATS_USER: 'referrals' })).toThrow(/NATS_PASSWORD: is required with NATS_USER/);
  });
});

describe('key rings', () => {
  const ring = z.object({ KEYS: keyRingFromEnv(32) });
  const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

  it('protect new data with the first key and keep every key for reading', () => {
    const { KEYS } = loadConfig('cases', ring, { KEYS: `2027-1:${key(2)}, 2026-1:${key(1)}` });

    expect(KEYS.current).toEqual({ id: '2027-1', key: Buffer.alloc(32, 2) });
    expect([...KEYS.byId.keys()]).toEqual(['2027-1', '2026-1']);
  });

  it('refuse a short key, a missing id or a repeated id, without echoing the secret', () => {
    for (const value of [`a:${Buffer.alloc(16).toString('base64')}`, key(1), `a:${key(1)},a:${key(2)}`]) {
      const load = () => loadConfig('cases', ring, { KEYS: value });
      expect(load).toThrow(/KEYS/);
      expect(load).not.toThrow(new RegExp(key(1).slice(0, 20)));
    }
  });
});

describe('keyset cursors', () => {
  it('round-trip the sort key and id of the last row', () => {
    expect(decodeCursor(encodeCursor({ key: 'Kumla kommun', id: 'a1' }))).toEqual({ key: 'Kumla kommun', id: 'a1' });
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('refuse a cursor that was not made by a previous page, naming the field', () => {
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'after' })] }),
    );
  });

  it('build a page from one row more than asked for', () => {
    const rows = [{ id: '1' }, { id: '2' }, { id: '3' }];
    const page = toPage(
      rows,
      2,
      (row) => row.id,
      (row) => ({ key: row.id, id: row.id }),
    );

    expect(page.items).toEqual(['1', '2']);
    expect(decodeCursor(page.nextCursor ?? undefined)).toEqual({ key: '2', id: '2' });
    expect(
      toPage(
        rows,
        3,
        (row) => row.id,
        (row) => ({ key: row.id, id: row.id }),
      ).nextCursor,
    ).toBeNull();
  });
});

describe('correlation ids', () => {
  it('keeps a well-formed caller id and replaces anything else', () => {
    expect(acceptCorrelationId('req-42.a:b')).toBe('req-42.a:b');
    expect(acceptCorrelationId('has spaces and\nnewlines')).toMatch(/^[0-9a-f-]{36}$/);
    expect(acceptCorrelationId('x'.repeat(200))).toMatch(/^[0-9a-f-]{36}$/);
    expect(acceptCorrelationId(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
