import { query } from '@samverkan/testing';
import { randomBytes } from 'node:crypto';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

// Valid test numbers (Luhn-checked), never a real person's.
const before = '19900101-0017';
const after = '20050315-2381';

/**
 * Rotating cases' identity keys: a new key is put first in IDENTITY_ENCRYPTION_KEYS and
 * IDENTITY_HASH_KEYS, the old one stays behind it, and the service restarts.
 */
describe('rotating the identity keys of cases', () => {
  let system: TestSystem;
  let caseworker: SignedInStaff;

  beforeAll(async () => {
    system = await TestSystem.start('rotation', { services: ['actors', 'cases', 'gateway'] });
    caseworker = await signIn(system.http(), 'Arbetsförmedlare Örebro');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const openCase = (personnummer: string) =>
    system.http().post('/api/v1/cases').set(caseworker.auth).send({ personnummer, municipalityCode: '1880', targetGroup: 'uvas' }).expect(201);
  const persons = () =>
    query<{ id: string; identity_key_id: string; identity_hash_key_id: string }>(
      system.databaseUrls.cases,
      'SELECT p.id, p.identity_key_id, p.identity_hash_key_id FROM persons p ORDER BY p.created_at',
    );

  it('finds a person stored under the old keys, and protects new persons with the new ones', async () => {
    await openCase(before);
    const [stored] = await persons();
    expect(stored).toMatchObject({ identity_key_id: 'test-1', identity_hash_key_id: 'test-1' });

    await system.stopService('cases');
    const newKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
    await system.startService('cases', {
      IDENTITY_ENCRYPTION_KEYS: `${newKey('test-2')},${system.secrets.encryptionKeys}`,
      IDENTITY_HASH_KEYS: `${newKey('test-2')},${system.secrets.hashKeys}`,
    });

    await openCase(before);
    await openCase(after);

    const rows = await persons();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(stored);
    expect(rows[1]).toMatchObject({ identity_key_id: 'test-2', identity_hash_key_id: 'test-2' });
    const cases = await query<{ person_id: string }>(system.databaseUrls.cases, 'SELECT person_id FROM cases ORDER BY opened_at');
    expect(cases.map((row) => row.person_id)).toEqual([stored?.id, stored?.id, rows[1]?.id]);
  });
});
