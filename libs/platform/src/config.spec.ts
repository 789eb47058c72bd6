import { ConfigError, databaseServiceSchema, loadConfig, natsServerList, toDatabaseServiceConfig } from './config';
import { decodeCursor, encodeCursor, toPage } from './cursor';
import { acceptCorrelationId } from './correlation';

describe('service configuration', () => {
  const schema = databaseServiceSchema('referrals', 3003);

  it('has defaults that work with PostgreSQL and NATS on this machine', () => {
    const config = toDatabaseServiceConfig('referrals', loadConfig('referrals', schema, {}));

    expect(config).toMatchObject({
      httpPort: 3003,
      natsUrl: 'nats://127.0.0.1:4222',
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/samverkan_referrals',
      natsNamespace: '',
      jetstreamReplicas: 1,
      environment: 'development',
    });
  });

  it('fails at start naming every bad key', () => {
    const load = () => loadConfig('referrals', schema, { HTTP_PORT: 'eighty', NATS_URL: 'http://nats', LOG_LEVEL: 'loud' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/samverkan-referrals: invalid configuration: .*HTTP_PORT.*NATS_URL.*LOG_LEVEL/);
  });

  it('takes several NATS seed servers separated by commas', () => {
    const config = loadConfig('referrals', schema, { NATS_URL: 'nats://n1:4222, nats://n2:4222' });

    expect(natsServerList(config.NATS_URL)).toEqual(['nats://n1:4222', 'nats://n2:4222']);
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
