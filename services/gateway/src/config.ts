import { baseServiceSchema, booleanFromEnv, loadConfig, toBaseServiceConfig, type BaseServiceConfig } from '@samverkan/platform';
import { z } from 'zod';

/** Asymmetric algorithms an issuer's key set may use; HS256 is only for the shared secret. */
export const issuerAlgorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'] as const;
export type IssuerAlgorithm = (typeof issuerAlgorithms)[number];

export interface GatewayConfig extends BaseServiceConfig {
  jwt: {
    /** HS256 secret; used when no key set URL is configured, and to sign development tokens. */
    secret: Uint8Array | null;
    /** An OIDC issuer's JSON Web Key Set, e.g. https://login.example.se/.well-known/jwks.json */
    jwksUrl: string | null;
    /** The algorithms accepted from the key set; pinned, never taken from the token. */
    algorithms: IssuerAlgorithm[];
    issuer: string;
    audience: string;
    /** Longest lifetime (exp − iat) a user token may have. */
    maxLifetimeSeconds: number;
  };
  devTokens: { enabled: boolean; ttlSeconds: number };
  rateLimitPerMinute: number;
  /** Failed authentications one client address may make per minute before it is refused. */
  authFailuresPerMinute: number;
  rpcTimeoutMs: number;
  /** Consecutive unanswered requests that hold a service off, and for how long. */
  rpcBreaker: { failures: number; openMs: number };
  /** Opens /metrics (and nothing else) to a monitoring system; null when only operators scrape. */
  metricsScrapeToken: string | null;
  bodyLimit: string;
  /** Deepest nesting of objects and arrays a JSON body may have. */
  jsonMaxDepth: number;
  /** Origins allowed to call the API from a browser; none means CORS stays off. */
  corsOrigins: string[];
  /** Proxies in front of the gateway whose X-Forwarded-For to believe (Express `trust proxy`): a hop count. */
  trustProxyHops: number;
}

/** Development secret, so `npm start` needs nothing configured; refused outside development. */
const developmentSecret = 'samverkan-development-secret-do-not-use-in-production';

const listFromEnv = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()))
  .pipe(z.array(z.string().min(1)));

const schema = baseServiceSchema('gateway', 3000)
  .extend({
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_JWKS_URL: z
      .string()
      .url()
      .refine((url) => url.startsWith('https://'), 'must be an https:// URL: the key set decides whom the gateway believes')
      .optional(),
    JWT_ALGORITHMS: listFromEnv.pipe(z.array(z.enum(issuerAlgorithms)).min(1)).default(['RS256']),
    JWT_ISSUER: z.string().min(1).default('samverkan'),
    JWT_AUDIENCE: z.string().min(1).default('samverkan'),
    JWT_MAX_LIFETIME_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 86_400)
      .default(12 * 3600),
    DEV_TOKENS_ENABLED: booleanFromEnv.default(false),
    DEV_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(86_400)
      .default(8 * 3600),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** A static bearer token for Prometheus to scrape the gateway's /metrics with; it opens nothing else. */
    METRICS_SCRAPE_TOKEN: z.string().min(32).optional(),
    RPC_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    RPC_BREAKER_OPEN_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/)
      .default('100kb'),
    JSON_MAX_DEPTH: z.coerce.number().int().min(2).max(64).default(16),
    CORS_ORIGINS: listFromEnv.pipe(z.array(z.string().url())).optional(),
    // Behind an ingress or load balancer: how many proxies to skip when reading the client's
    // address (rate limits count per address). 0 believes no X-Forwarded-For.
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV !== 'development' && !env.JWT_SECRET && !env.JWT_JWKS_URL) {
      context.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET or JWT_JWKS_URL is required outside development' });
    }
    if (env.NODE_ENV === 'production' && env.DEV_TOKENS_ENABLED) {
      context.addIssue({ code: 'custom', path: ['DEV_TOKENS_ENABLED'], message: 'development tokens cannot be enabled in production' });
    }
    if (env.DEV_TOKENS_ENABLED && env.JWT_JWKS_URL) {
      context.addIssue({ code: 'custom', path: ['DEV_TOKENS_ENABLED'], message: 'development tokens need JWT_SECRET, not a key set' });
    }
    if (env.DEV_TOKENS_ENABLED && env.DEV_TOKEN_TTL_SECONDS > env.JWT_MAX_LIFETIME_SECONDS) {
      context.addIssue({ code: 'custom', path: ['DEV_TOKEN_TTL_SECONDS'], message: 'must not exceed JWT_MAX_LIFETIME_SECONDS' });
    }
  });

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = loadConfig('gateway', schema, env);
  const secret = parsed.JWT_SECRET ?? (parsed.NODE_ENV === 'development' && !parsed.JWT_JWKS_URL ? developmentSecret : undefined);
  return {
    ...toBaseServiceConfig('gateway', parsed),
    jwt: {
      secret: secret ? new TextEncoder().encode(secret) : null,
      jwksUrl: parsed.JWT_JWKS_URL ?? null,
      algorithms: parsed.JWT_ALGORITHMS,
      issuer: parsed.JWT_ISSUER,
      audience: parsed.JWT_AUDIENCE,
      maxLifetimeSeconds: parsed.JWT_MAX_LIFETIME_SECONDS,
    },
    devTokens: { enabled: parsed.DEV_TOKENS_ENABLED, ttlSeconds: parsed.DEV_TOKEN_TTL_SECONDS },
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: parsed.AUTH_FAILURES_PER_MINUTE,
    rpcTimeoutMs: parsed.RPC_TIMEOUT_MS,
    rpcBreaker: { failures: parsed.RPC_BREAKER_FAILURES, openMs: parsed.RPC_BREAKER_OPEN_MS },
    metricsScrapeToken: parsed.METRICS_SCRAPE_TOKEN ?? null,
    bodyLimit: parsed.BODY_LIMIT,
    jsonMaxDepth: parsed.JSON_MAX_DEPTH,
    corsOrigins: parsed.CORS_ORIGINS ?? [],
    trustProxyHops: parsed.TRUST_PROXY_HOPS,
  };
}
