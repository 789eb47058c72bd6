import { runMigrations } from '@samverkan/platform';
import { createTestDatabase, tablesFromPrismaSchema, tablesInDatabase } from '@samverkan/testing';
import { join } from 'node:path';

const prismaDirectory = join(__dirname, '..', '..', 'prisma');

describe('the learning database schema', () => {
  it('is exactly what schema.prisma describes once the SQL migrations ran', async () => {
    const databaseUrl = await createTestDatabase('learning_schema');
    await runMigrations(databaseUrl, join(prismaDirectory, 'migrations'), 'learning');

    expect(await tablesInDatabase(databaseUrl)).toEqual(tablesFromPrismaSchema(join(prismaDirectory, 'schema.prisma')));
  });
});
