import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { developmentSigningKey, developmentTrustedKeys, signingKeyFromEnv, trustedKeysFromEnv, type PublicJwk, type SigningJwk } from './trust-keys';

export class ConfigError extends Error {
  constructor(service: string, issues: string[]) {
    super(`samverkan-${service}: invalid configuration: ${issues.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads configuration from the environment once, at start-up, and fails naming every bad key.
 * This is the only place that touches `process.env`.
 */
export function loadConfig<TSchema extends z.ZodType>(service: string, schema: TSchema, env: NodeJS.ProcessEnv = process.env): z.infer<TSchema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    service,
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

export const booleanFromEnv = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');

export const portFromEnv = z.coerce.number().int().min(0).max(65535);

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** A subject/stream namespace lets several systems (a test run, a demo) share one NATS. */
export const natsNamespace = z
  .string()
  .regex(/^[a-z0-9_-]*$/, 'only lower-case letters, digits, _ and -')
  .max(32)
  .default('');

/** One NATS URL, or several separated by commas (the seed servers of a cluster). */
export const natsServers = z
  .string()
  .refine((value) => value.split(',').every((url) => /^(nats|tls|wss?):\/\/[^\s,]+$/.test(url.trim())), 'must be nats:// URLs separated by commas');

export function natsServerList(value: string): string[] {
  return value.split(',').map((url) => url.trim());
}

export const localDatabaseUrl = (database: string): string => `postgresql://postgres@127.0.0.1:5432/${database}`;
export const localNatsUrl = 'nats://127.0.0.1:4222';

/** Keys with ids: the first one protects new data; every one still reads what it protected. */
export interface KeyRing {
  current: { id: string; key: Buffer };
  byId: ReadonlyMap<string, Buffer>;
}

/** `<id>:<base64 key>[,<id>:<base64 key>…]`, newest first; each key `bytes` long (or at least `bytes.min`). */
export function keyRingFromEnv(bytes: number | { min: number }) {
  const [minBytes, maxBytes, length] = typeof bytes === 'number' ? [bytes, bytes, `${bytes}`] : [bytes.min, Infinity, `at least ${bytes.min}`];
  return z.string().transform((value, context): KeyRing => {
    const entries: Array<[string, Buffer]> = [];
    for (const [index, entry] of value.split(',').entries()) {
      const match = /^\s*([A-Za-z0-9._-]{1,32}):([A-Za-z0-9+/=_-]+)\s*$/.exec(entry);
      const key = match ? Buffer.from(match[2] as string, 'base64') : undefined;
      if (!match || !key || key.length < minBytes || key.length > maxBytes) {
        // Never echo the value: it is a secret.
        context.addIssue({ code: 'custom', message: `entry ${index + 1} must be <key id>:<base64 of ${length} bytes>` });
        return z.NEVER;
      }
      entries.push([match[1] as string, key]);
    }
    const ids = entries.map(([id]) => id);
    if (new Set(ids).size !== ids.length) {
      context.addIssue({ code: 'custom', message: 'key ids must be unique' });
      return z.NEVER;
    }
    const [first] = entries;
    return { current: { id: first?.[0] as string, key: first?.[1] as Buffer }, byId: new Map(entries) };
  });
}

export const environments = ['development', 'test', 'production'] as const;
export type Environment = (typeof environments)[number];

/** Reads a file named by configuration (a TLS certificate, say) when the configuration is loaded. */
const fileFromEnv = z.string().transform((path, context) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    context.addIssue({ code: 'custom', message: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return z.NEVER;
  }
});

/**
 * The keys every service reads. Each service extends it with its own. Outside development
 * (NODE_ENV unset means production), a service refuses to start without its secrets: its key
 * for signing caller assertions, the keys it trusts, and NATS credentials. Development derives
 * keys from the service names and connects to NATS anonymously, so that `npm start` needs
 * nothing configured.
 */
export function baseServiceSchema(service: string, defaultPort: number) {
  return z
    .object({
      NODE_ENV: z.enum(environments).default('production'),
      HTTP_HOST: z.string().min(1).default('127.0.0.1'),
      HTTP_PORT: portFromEnv.default(defaultPort),
      NATS_URL: natsServers.default(localNatsUrl),
      NATS_NAMESPACE: natsNamespace,
      NATS_USER: z.string().min(1).optional(),
      NATS_PASSWORD: z.string().min(1).optional(),
      NATS_TOKEN: z.string().min(1).optional(),
      NATS_NKEY_SEED: z
        .string()
        .regex(/^SU[A-Z2-7]{56}$/, 'must be a user nkey seed (SU…)')
        .optional(),
      NATS_TLS_CA_FILE: fileFromEnv.optional(),
      NATS_TLS_CERT_FILE: fileFromEnv.optional(),
      NATS_TLS_KEY_FILE: fileFromEnv.optional(),
      SERVICE_SIGNING_KEY: signingKeyFromEnv(service).optional(),
      SERVICE_TRUSTED_KEYS: trustedKeysFromEnv.optional(),
      LOG_LEVEL: logLevel,
      /** Where the JSON log lines go: standard output, or a file (appended, created with its folder) where a platform collects files. */
      LOG_FILE: z.string().min(1).optional(),
      // Host name and process id: unique per pod or container, where the pid alone is always 1.
      SERVICE_INSTANCE: z.string().default(`${service}-${hostname()}-${process.pid}`),
      JETSTREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
    })
    .superRefine((env, context) => {
      if (env.NATS_USER && !env.NATS_PASSWORD) context.addIssue({ code: 'custom', path: ['NATS_PASSWORD'], message: 'is required with NATS_USER' });
      if (!env.NATS_TLS_CERT_FILE !== !env.NATS_TLS_KEY_FILE) {
        context.addIssue({ code: 'custom', path: ['NATS_TLS_KEY_FILE'], message: 'NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE go together' });
      }
      if (env.NODE_ENV === 'development') return;
      requireOutsideDevelopment(context, env, ['SERVICE_SIGNING_KEY', 'SERVICE_TRUSTED_KEYS']);
      const natsCredentials = env.NATS_USER || env.NATS_TOKEN || env.NATS_NKEY_SEED || env.NATS_TLS_CERT_FILE;
      if (!natsCredentials) {
        context.addIssue({
          code: 'custom',
          path: ['NATS_USER'],
          message: `NATS credentials are required outside development: NATS_USER and NATS_PASSWORD, NATS_TOKEN, NATS_NKEY_SEED, or NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE`,
        });
      }
    });
}

/** Adds an issue naming each of the keys that is missing. */
export function requireOutsideDevelopment<T extends Record<string, unknown>>(context: z.RefinementCtx, env: T, keys: Array<keyof T & string>): void {
  for (const key of keys) {
    if (env[key] === undefined) context.addIssue({ code: 'custom', path: [key], message: 'is required outside development (NODE_ENV=development)' });
  }
}

/** How a service proves itself to NATS: at most one way, from configuration; none in development. */
export interface NatsAuth {
  user?: string;
  pass?: string;
  token?: string;
  nkeySeed?: string;
  tls?: { ca?: string; cert?: string; key?: string };
}

export interface BaseServiceConfig {
  service: string;
  environment: Environment;
  httpHost: string;
  httpPort: number;
  natsUrl: string;
  natsNamespace: string;
  natsAuth: NatsAuth;
  /** The service's key for signing caller assertions, and the public keys of the services it trusts. */
  trust: { signingKey: SigningJwk; trustedKeys: PublicJwk[] };
  logLevel: z.infer<typeof logLevel>;
  /** A file for the log lines instead of standard output. */
  logFile?: string;
  instance: string;
  /** Copies JetStream keeps of each stream the service owns: 1 on one server, 3 in a cluster. */
  jetstreamReplicas: number;
}

export function toBaseServiceConfig(service: string, env: z.infer<ReturnType<typeof baseServiceSchema>>): BaseServiceConfig {
  const development = env.NODE_ENV === 'development';
  const tls =
    env.NATS_TLS_CA_FILE || env.NATS_TLS_CERT_FILE ? { ca: env.NATS_TLS_CA_FILE, cert: env.NATS_TLS_CERT_FILE, key: env.NATS_TLS_KEY_FILE } : undefined;
  return {
    service,
    environment: env.NODE_ENV,
    httpHost: env.HTTP_HOST,
    httpPort: env.HTTP_PORT,
    natsUrl: env.NATS_URL,
    natsNamespace: env.NATS_NAMESPACE,
    natsAuth: {
      ...(env.NATS_USER ? { user: env.NATS_USER, pass: env.NATS_PASSWORD } : {}),
      ...(env.NATS_TOKEN ? { token: env.NATS_TOKEN } : {}),
      ...(env.NATS_NKEY_SEED ? { nkeySeed: env.NATS_NKEY_SEED } : {}),
      ...(tls ? { tls } : {}),
    },
    trust: {
      // Checked above: outside development both are configured.
      signingKey: env.SERVICE_SIGNING_KEY ?? developmentSigningKey(service),
      trustedKeys: env.SERVICE_TRUSTED_KEYS ?? (development ? developmentTrustedKeys() : []),
    },
    logLevel: env.LOG_LEVEL,
    ...(env.LOG_FILE ? { logFile: env.LOG_FILE } : {}),
    instance: env.SERVICE_INSTANCE,
    jetstreamReplicas: env.JETSTREAM_REPLICAS,
  };
}

export interface DatabaseServiceConfig extends BaseServiceConfig {
  databaseUrl: string;
  databasePoolSize: number;
  outboxPollIntervalMs: number;
}

export function databaseServiceSchema(service: string, defaultPort: number) {
  return baseServiceSchema(service, defaultPort).extend({
    DATABASE_URL: z
      .string()
      .url()
      .default(localDatabaseUrl(`samverkan_${service}`)),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  });
}

export function toDatabaseServiceConfig(service: string, env: z.infer<ReturnType<typeof databaseServiceSchema>>): DatabaseServiceConfig {
  return {
    ...toBaseServiceConfig(service, env),
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    outboxPollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
  };
}
