import { messagingMigrationsDirectory } from '@samverkan/messaging';
import { runMigrations } from '@samverkan/platform';
import { dropTestDatabase, query, schemaViews } from '@samverkan/testing';
import { join } from 'node:path';

const messagingSchema = join(messagingMigrationsDirectory, '..', 'messaging.prisma');

/**
 * Prisma's schema and the SQL migrations are kept by hand side by side, because the schema
 * engine that would generate the SQL cannot run here. This keeps them from drifting apart: each
 * service's schema.prisma with the shared messaging.prisma describes exactly the tables that its
 * migrations with the shared messaging migrations create.
 */
describe.each(['actors', 'cases', 'referrals', 'learning'])('the %s database', (service) => {
  const prisma = join(__dirname, '..', '..', 'services', service, 'prisma');

  it('is exactly what its Prisma schema and the messaging schema describe once the migrations ran', async () => {
    const { databaseUrl, described, migrated } = await schemaViews({
      purpose: `${service}_schema`,
      schemaFiles: [join(prisma, 'schema.prisma'), messagingSchema],
      migrate: (url) => runMigrations(url, [join(prisma, 'migrations'), messagingMigrationsDirectory], service),
    });

    expect(migrated).toEqual(described);
    // What Prisma cannot describe: the partial index the relay's sweep reads.
    expect(await query(databaseUrl, "SELECT indexdef FROM pg_indexes WHERE tablename = 'outbox' AND indexdef LIKE '%WHERE%'")).toEqual([
      { indexdef: expect.stringContaining('WHERE (sent_at IS NULL)') },
    ]);
    await dropTestDatabase(databaseUrl);
  });
});
