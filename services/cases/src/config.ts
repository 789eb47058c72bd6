import { databaseServiceSchema, loadConfig, toDatabaseServiceConfig, type DatabaseServiceConfig } from '@samverkan/platform';
import { z } from 'zod';

export interface CasesConfig extends DatabaseServiceConfig {
  identityEncryptionKey: Buffer;
  identityHashKey: Buffer;
}

/** Development keys, so a fresh clone starts; production must bring its own (enforced below). */
const developmentEncryptionKey = Buffer.alloc(32, 'samverkan-development-only-key!!').toString('base64');
const developmentHashKey = Buffer.alloc(32, 'samverkan-development-hmac-key!!').toString('base64');

const base64Key = (minBytes: number) =>
  z
    .string()
    .transform((value) => Buffer.from(value, 'base64'))
    .refine((key) => key.length >= minBytes, `must be base64 of at least ${minBytes} bytes`);

const schema = databaseServiceSchema('cases', 3002)
  .extend({
    IDENTITY_ENCRYPTION_KEY: base64Key(32).optional(),
    IDENTITY_HASH_KEY: base64Key(32).optional(),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['IDENTITY_ENCRYPTION_KEY', 'IDENTITY_HASH_KEY'] as const) {
      if (!env[key]) context.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
  });

export function loadCasesConfig(env: NodeJS.ProcessEnv = process.env): CasesConfig {
  const parsed = loadConfig('cases', schema, env);
  return {
    ...toDatabaseServiceConfig('cases', parsed),
    identityEncryptionKey: (parsed.IDENTITY_ENCRYPTION_KEY ?? Buffer.from(developmentEncryptionKey, 'base64')).subarray(0, 32),
    identityHashKey: parsed.IDENTITY_HASH_KEY ?? Buffer.from(developmentHashKey, 'base64'),
  };
}
