import { schemaViews } from '@samverkan/testing';
import { join } from 'node:path';

describe('the actors database schema', () => {
  it('is exactly what schema.prisma describes once the SQL migrations ran', async () => {
    const { described, migrated } = await schemaViews(join(__dirname, '..', '..', 'prisma'), 'actors');

    expect(migrated).toEqual(described);
  });
});
