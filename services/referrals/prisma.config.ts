import { defineConfig } from 'prisma/config';

// Used by `prisma generate` and, where the schema engine is available, `prisma migrate deploy`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/samverkan_referrals' },
});
