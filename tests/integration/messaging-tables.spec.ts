import { runMigrations } from '@samverkan/platform';
import { createTestDatabase, query, tablesInDatabase } from '@samverkan/testing';
import { join } from 'node:path';

const services = ['actors', 'cases', 'referrals', 'learning'] as const;
const messagingTables = ['outbox', 'processed_events'];

/**
 * Each service's first migration creates the tables messaging works on. They are written out in
 * every service (a service owns its whole schema), so this keeps the copies the same.
 */
describe('the messaging tables of every service', () => {
  it('are the same in every service, with the trigger that wakes the outbox relay', async () => {
    const shapes = [];
    for (const service of services) {
      const databaseUrl = await createTestDatabase(`messaging_tables_${service}`);
      await runMigrations(databaseUrl, join(__dirname, '..', '..', 'services', service, 'prisma', 'migrations'), service);
      const tables = await tablesInDatabase(databaseUrl);
      const triggers = await query<{ name: string }>(
        databaseUrl,
        "SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'outbox'::regclass AND NOT tgisinternal",
      );
      const partialIndexes = await query<{ definition: string }>(
        databaseUrl,
        "SELECT indexdef AS definition FROM pg_indexes WHERE tablename = 'outbox' AND indexdef LIKE '%WHERE%'",
      );
      shapes.push({ tables: Object.fromEntries(messagingTables.map((table) => [table, tables[table]])), triggers, partialIndexes });
    }

    for (const shape of shapes.slice(1)) expect(shape).toEqual(shapes[0]);
    expect(shapes[0]?.triggers).toEqual([{ name: 'outbox_notify' }]);
    expect(shapes[0]?.partialIndexes).toEqual([{ definition: expect.stringContaining('WHERE (sent_at IS NULL)') }]);
  });
});
