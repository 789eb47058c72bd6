import { runMigrations } from '@samverkan/platform';
import { schemaViews } from '@samverkan/testing';
import { join } from 'node:path';

describe('the actors database schema', () => {
  it('is exactly what schema.prisma describes once the SQL migrations ran', async () => {
    const { described, migrated } = await schemaViews(join(__dirname, '..', '..', 'prisma'), 'actors', runMigrations);

    expect(migrated).toEqual(described);
  });
});
