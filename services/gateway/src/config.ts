import { baseServiceSchema, booleanFromEnv, loadConfig, type BaseServiceConfig } from '@samverkan/platform';
import { z } from 'zod';

export interface GatewayConfig extends BaseServiceConfig {
  jwt: {
    /** HS256 secret; used when no key set URL is configured, and to sign development tokens. */
    secret: Uint8Array | null;
    /** An OIDC issuer's JSON Web Key Set, e.g. https://login.example.se/.well-known/jwks.json */
    jwksUrl: string | null;
    issuer: string;
    audience: string;
  };
  devTokens: { enabled: boolean; ttlSeconds: number };
  rateLimitPerMinute: number;
  rpcTimeoutMs: number;
  bodyLimit: string;
}

/** Development secret, so a fresh clone starts; production must configure its own (enforced below). */
const developmentSecret = 'samverkan-development-secret-do-not-use-in-production';

const schema = baseServiceSchema('gateway', 3000)
  .extend({
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_JWKS_URL: z.string().url().optional(),
    JWT_ISSUER: z.string().min(1).default('samverkan'),
    JWT_AUDIENCE: z.string().min(1).default('samverkan'),
    DEV_TOKENS_ENABLED: booleanFromEnv.default(false),
    DEV_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(86_400)
      .default(8 * 3600),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/)
      .default('100kb'),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET && !env.JWT_JWKS_URL) {
      context.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET or JWT_JWKS_URL is required in production' });
    }
    if (env.NODE_ENV === 'production' && env.DEV_TOKENS_ENABLED) {
      context.addIssue({ code: 'custom', path: ['DEV_TOKENS_ENABLED'], message: 'development tokens cannot be enabled in production' });
    }
    if (env.DEV_TOKENS_ENABLED && env.JWT_JWKS_URL) {
      context.addIssue({ code: 'custom', path: ['DEV_TOKENS_ENABLED'], message: 'development tokens need JWT_SECRET, not a key set' });
    }
  });

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = loadConfig('gateway', schema, env);
  const secret = parsed.JWT_SECRET ?? (parsed.JWT_JWKS_URL ? undefined : developmentSecret);
  return {
    service: 'gateway',
    environment: parsed.NODE_ENV,
    httpPort: parsed.HTTP_PORT,
    natsUrl: parsed.NATS_URL,
    natsNamespace: parsed.NATS_NAMESPACE,
    logLevel: parsed.LOG_LEVEL,
    instance: parsed.SERVICE_INSTANCE,
    jetstreamReplicas: parsed.JETSTREAM_REPLICAS,
    jwt: {
      secret: secret ? new TextEncoder().encode(secret) : null,
      jwksUrl: parsed.JWT_JWKS_URL ?? null,
      issuer: parsed.JWT_ISSUER,
      audience: parsed.JWT_AUDIENCE,
    },
    devTokens: { enabled: parsed.DEV_TOKENS_ENABLED, ttlSeconds: parsed.DEV_TOKEN_TTL_SECONDS },
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
    rpcTimeoutMs: parsed.RPC_TIMEOUT_MS,
    bodyLimit: parsed.BODY_LIMIT,
  };
}
