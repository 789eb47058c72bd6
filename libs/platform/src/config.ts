import { hostname } from 'node:os';
import { z } from 'zod';

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

/** The keys every service reads. Each service extends it with its own. */
export function baseServiceSchema(service: string, defaultPort: number) {
  return z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HTTP_PORT: portFromEnv.default(defaultPort),
    NATS_URL: natsServers.default(localNatsUrl),
    NATS_NAMESPACE: natsNamespace,
    LOG_LEVEL: logLevel,
    // Host name and process id: unique per pod or container, where the pid alone is always 1.
    SERVICE_INSTANCE: z.string().default(`${service}-${hostname()}-${process.pid}`),
    JETSTREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  });
}

export interface BaseServiceConfig {
  service: string;
  environment: 'development' | 'test' | 'production';
  httpPort: number;
  natsUrl: string;
  natsNamespace: string;
  logLevel: z.infer<typeof logLevel>;
  instance: string;
  /** Copies JetStream keeps of each stream the service owns: 1 on one server, 3 in a cluster. */
  jetstreamReplicas: number;
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
    service,
    environment: env.NODE_ENV,
    httpPort: env.HTTP_PORT,
    natsUrl: env.NATS_URL,
    natsNamespace: env.NATS_NAMESPACE,
    logLevel: env.LOG_LEVEL,
    instance: env.SERVICE_INSTANCE,
    jetstreamReplicas: env.JETSTREAM_REPLICAS,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    outboxPollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
  };
}
