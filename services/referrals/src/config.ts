import { z } from 'zod';
import {
  booleanFromEnv,
  databaseServiceSchema,
  keyRingFromEnv,
  loadConfig,
  requireOutsideDevelopment,
  toDatabaseServiceConfig,
  type DatabaseServiceConfig,
  type KeyRing,
} from '@samverkan/platform';

export interface ReferralsConfig extends DatabaseServiceConfig {
  webhooks: WebhooksConfig;
  deadlines: DeadlinesConfig;
}

/** Deadlines in Swedish working days, and what happens when one passes. */
export interface DeadlinesConfig {
  /** For a receiver (organisation or support resource) without a policy of its own. */
  defaults: { acknowledgeDays: number; answerDays: number; startDays: number };
  /** Working days after a missed deadline before the sending coordinator hears too (level 2). */
  secondLevelAfterDays: number;
  /** Working days after the answer deadline before an unanswered referral expires. */
  expireAfterDays: number;
  /** How often missed deadlines are looked for. */
  intervalMs: number;
}

/** Organisations' webhooks: how their secrets are kept, which URLs they may have, and how deliveries are tried. */
export interface WebhooksConfig {
  /** AES-256-GCM keys for the webhooks' signing secrets: the first encrypts, each decrypts what it encrypted. */
  secretKeys: KeyRing;
  /** Plain http to localhost, 127.0.0.1 or [::1] (a receiver on the developer's machine or in a test). */
  allowLocalHttp: boolean;
  /** How long one attempt may take, connecting and answering. */
  timeoutMs: number;
  /** The first retry waits up to this long; each further one up to twice as long as the one before … */
  backoffBaseMs: number;
  /** … but never more than this. */
  backoffCapMs: number;
  /** Attempts before a delivery is given up as failed. */
  maxAttempts: number;
  /** How often due deliveries are looked for. */
  deliveryIntervalMs: number;
  /** Days a finished delivery stays in the log. */
  deliveryRetentionDays: number;
}

/** A development key, so `npm start` needs nothing configured; refused outside development. */
const developmentSecretKeys = `development:${Buffer.alloc(32, 'samverkan-development-webhook-key').toString('base64')}`;

const schema = databaseServiceSchema('referrals', 3003)
  .extend({
    WEBHOOK_SECRET_KEYS: keyRingFromEnv(32).optional(),
    WEBHOOK_ALLOW_LOCAL_HTTP: booleanFromEnv.optional(),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(10).default(10_000),
    WEBHOOK_BACKOFF_CAP_MS: z.coerce
      .number()
      .int()
      .min(10)
      .default(60 * 60 * 1000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
    WEBHOOK_DELIVERY_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
    WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
    REFERRAL_ACKNOWLEDGE_DAYS: z.coerce.number().int().min(0).max(60).default(2),
    REFERRAL_ANSWER_DAYS: z.coerce.number().int().min(0).max(120).default(10),
    REFERRAL_START_DAYS: z.coerce.number().int().min(0).max(250).default(20),
    REFERRAL_ESCALATE_AGAIN_AFTER_DAYS: z.coerce.number().int().min(0).max(60).default(2),
    REFERRAL_EXPIRE_AFTER_DAYS: z.coerce.number().int().min(0).max(250).default(10),
    REFERRAL_DEADLINE_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV !== 'development') requireOutsideDevelopment(context, env, ['WEBHOOK_SECRET_KEYS']);
    if (env.REFERRAL_ANSWER_DAYS < env.REFERRAL_ACKNOWLEDGE_DAYS) {
      context.addIssue({ code: 'custom', path: ['REFERRAL_ANSWER_DAYS'], message: 'may not be less than REFERRAL_ACKNOWLEDGE_DAYS' });
    }
    if (env.WEBHOOK_BACKOFF_CAP_MS < env.WEBHOOK_BACKOFF_BASE_MS) {
      context.addIssue({ code: 'custom', path: ['WEBHOOK_BACKOFF_CAP_MS'], message: 'may not be less than WEBHOOK_BACKOFF_BASE_MS' });
    }
  });

export function loadReferralsConfig(env: NodeJS.ProcessEnv = process.env): ReferralsConfig {
  const development = env['NODE_ENV'] === 'development';
  const parsed = loadConfig('referrals', schema, { ...(development ? { WEBHOOK_SECRET_KEYS: developmentSecretKeys } : {}), ...env });
  return {
    ...toDatabaseServiceConfig('referrals', parsed),
    webhooks: {
      // Present: required above outside development, defaulted in it.
      secretKeys: parsed.WEBHOOK_SECRET_KEYS as KeyRing,
      // Local receivers are for development and the tests; a deployment sends only over https.
      allowLocalHttp: parsed.WEBHOOK_ALLOW_LOCAL_HTTP ?? (parsed.NODE_ENV === 'development' || parsed.NODE_ENV === 'test'),
      timeoutMs: parsed.WEBHOOK_TIMEOUT_MS,
      backoffBaseMs: parsed.WEBHOOK_BACKOFF_BASE_MS,
      backoffCapMs: parsed.WEBHOOK_BACKOFF_CAP_MS,
      maxAttempts: parsed.WEBHOOK_MAX_ATTEMPTS,
      deliveryIntervalMs: parsed.WEBHOOK_DELIVERY_INTERVAL_MS,
      deliveryRetentionDays: parsed.WEBHOOK_DELIVERY_RETENTION_DAYS,
    },
    deadlines: {
      defaults: { acknowledgeDays: parsed.REFERRAL_ACKNOWLEDGE_DAYS, answerDays: parsed.REFERRAL_ANSWER_DAYS, startDays: parsed.REFERRAL_START_DAYS },
      secondLevelAfterDays: parsed.REFERRAL_ESCALATE_AGAIN_AFTER_DAYS,
      expireAfterDays: parsed.REFERRAL_EXPIRE_AFTER_DAYS,
      intervalMs: parsed.REFERRAL_DEADLINE_INTERVAL_MS,
    },
  };
}
