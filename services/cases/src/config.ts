import { z } from 'zod';
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
  retention: RetentionConfig;
}

/**
 * Retention (gallring) rules. Each is named in the deletion records and events it causes, so the
 * rule that deleted something can be told later, and changing a period renames nothing.
 */
export interface RetentionConfig {
  /** A closed case's person data goes this many days after the case's last entry (five years by default). */
  closedCaseDays: number;
  /** Access-log entries go this many days after they were written (ten years by default). */
  accessLogDays: number;
  /** How often the retention rules run. */
  intervalMs: number;
  /** How often consents past their last day are looked for and announced. */
  consentExpiryIntervalMs: number;
}

/** Development keys, so `npm start` needs nothing configured; refused outside development. */
const developmentEncryptionKeys = `development:${Buffer.alloc(32, 'samverkan-development-only-key!!').toString('base64')}`;
const developmentHashKeys = `development:${Buffer.alloc(32, 'samverkan-development-hmac-key!!').toString('base64')}`;

const schema = databaseServiceSchema('cases', 3002)
  .extend({
    IDENTITY_ENCRYPTION_KEYS: keyRingFromEnv(32).optional(),
    IDENTITY_HASH_KEYS: keyRingFromEnv({ min: 32 }).optional(),
    RETENTION_CLOSED_CASE_DAYS: z.coerce
      .number()
      .int()
      .min(0)
      .default(5 * 365 + 1),
    RETENTION_ACCESS_LOG_DAYS: z.coerce
      .number()
      .int()
      .min(0)
      .default(10 * 365 + 2),
    RETENTION_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(100)
      .default(60 * 60 * 1000),
    CONSENT_EXPIRY_INTERVAL_MS: z.coerce.number().int().min(100).default(1000),
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
    retention: {
      closedCaseDays: parsed.RETENTION_CLOSED_CASE_DAYS,
      accessLogDays: parsed.RETENTION_ACCESS_LOG_DAYS,
      intervalMs: parsed.RETENTION_INTERVAL_MS,
      consentExpiryIntervalMs: parsed.CONSENT_EXPIRY_INTERVAL_MS,
    },
  };
}
