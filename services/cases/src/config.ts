import {
  databaseServiceSchema,
  keyRingFromEnv,
  loadConfig,
  requireOutsideDevelopment,
  toDatabaseServiceConfig,
  type DatabaseServiceConfig,
  type KeyRing,
} from '@samverkan/platform';

export interface CasesConfig extends DatabaseServiceConfig {
  /** AES-256-GCM keys for identity numbers: the first encrypts, each decrypts what it encrypted. */
  identityEncryptionKeys: KeyRing;
  /** HMAC-SHA256 keys for finding a person by number: the first for new persons, each for look-ups. */
  identityHashKeys: KeyRing;
}

/** Development keys, so `npm start` needs nothing configured; refused outside development. */
const developmentEncryptionKeys = `development:${Buffer.alloc(32, 'samverkan-development-only-key!!').toString('base64')}`;
const developmentHashKeys = `development:${Buffer.alloc(32, 'samverkan-development-hmac-key!!').toString('base64')}`;

const schema = databaseServiceSchema('cases', 3002)
  .extend({
    IDENTITY_ENCRYPTION_KEYS: keyRingFromEnv(32).optional(),
    IDENTITY_HASH_KEYS: keyRingFromEnv({ min: 32 }).optional(),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV !== 'development') requireOutsideDevelopment(context, env, ['IDENTITY_ENCRYPTION_KEYS', 'IDENTITY_HASH_KEYS']);
  });

export function loadCasesConfig(env: NodeJS.ProcessEnv = process.env): CasesConfig {
  const development = env['NODE_ENV'] === 'development';
  const parsed = loadConfig('cases', schema, {
    ...(development ? { IDENTITY_ENCRYPTION_KEYS: developmentEncryptionKeys, IDENTITY_HASH_KEYS: developmentHashKeys } : {}),
    ...env,
  });
  return {
    ...toDatabaseServiceConfig('cases', parsed),
    // Present: required above outside development, defaulted in it.
    identityEncryptionKeys: parsed.IDENTITY_ENCRYPTION_KEYS as KeyRing,
    identityHashKeys: parsed.IDENTITY_HASH_KEYS as KeyRing,
  };
}
