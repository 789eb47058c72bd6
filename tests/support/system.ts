import type { INestApplication } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createActorsApp, loadActorsConfig } from '@samverkan/actors-service';
import { createCasesApp, loadCasesConfig } from '@samverkan/cases-service';
import { createGatewayApp, loadGatewayConfig } from '@samverkan/gateway-service';
import { createLearningApp, loadLearningConfig } from '@samverkan/learning-service';
import { createReferralsApp, loadReferralsConfig } from '@samverkan/referrals-service';
import { Namespace } from '@samverkan/messaging';
import { generateSigningKey, publicJwkOf, type SigningJwk } from '@samverkan/platform';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, dropTestDatabase, testNamespace, testNatsUrl } from '@samverkan/testing';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

export type ServiceName = 'actors' | 'cases' | 'referrals' | 'learning' | 'gateway';
export type DatabaseService = Exclude<ServiceName, 'gateway'>;
const everyService: ServiceName[] = ['actors', 'cases', 'referrals', 'learning', 'gateway'];
const databaseServices: DatabaseService[] = ['actors', 'cases', 'referrals', 'learning'];

const factories: Record<ServiceName, (env: NodeJS.ProcessEnv) => Promise<INestApplication>> = {
  actors: (env) => createActorsApp(loadActorsConfig(env)),
  cases: (env) => createCasesApp(loadCasesConfig(env)),
  referrals: (env) => createReferralsApp(loadReferralsConfig(env)),
  learning: (env) => createLearningApp(loadLearningConfig(env)),
  gateway: (env) => createGatewayApp(loadGatewayConfig(env)),
};

/**
 * What a deployment configures outside development: a signing key per service and the public
 * keys of all, NATS credentials (the shared test NATS accepts any), the gateway's token secret,
 * cases' identity keys and referrals' key for webhook secrets.
 */
function systemSecrets() {
  const signingKeys = Object.fromEntries(everyService.map((service) => [service, generateSigningKey(service, 'test')])) as Record<ServiceName, SigningJwk>;
  const trustedKeys = JSON.stringify({ keys: Object.values(signingKeys).map(publicJwkOf) });
  const randomKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
  const shared = {
    jwtSecret: randomBytes(32).toString('base64url'),
    encryptionKeys: randomKey('test-1'),
    hashKeys: randomKey('test-1'),
    webhookSecretKeys: randomKey('test-1'),
  };
  return {
    signingKeys,
    ...shared,
    of(service: ServiceName): NodeJS.ProcessEnv {
      return {
        SERVICE_SIGNING_KEY: JSON.stringify(signingKeys[service]),
        SERVICE_TRUSTED_KEYS: trustedKeys,
        NATS_USER: service,
        NATS_PASSWORD: 'test',
        ...(service === 'gateway' ? { JWT_SECRET: shared.jwtSecret } : {}),
        ...(service === 'cases' ? { IDENTITY_ENCRYPTION_KEYS: shared.encryptionKeys, IDENTITY_HASH_KEYS: shared.hashKeys } : {}),
        ...(service === 'referrals' ? { WEBHOOK_SECRET_KEYS: shared.webhookSecretKeys } : {}),
      };
    },
  };
}

/**
 * The real services, started in this process exactly as their main functions start them, on
 * real PostgreSQL (a fresh database each) and real NATS (a namespace of their own).
 */
export class TestSystem {
  readonly apps: Partial<Record<ServiceName, INestApplication>> = {};
  private connection?: NatsConnection;

  /** The system's secrets, fresh for each system, as a deployment would configure them. */
  readonly secrets = systemSecrets();

  private constructor(
    readonly namespace: string,
    readonly databaseUrls: Record<DatabaseService, string>,
    private readonly overrides: Partial<Record<ServiceName, NodeJS.ProcessEnv>>,
    private readonly nats?: { url: string; passwords: Record<ServiceName, string> },
  ) {}

  get natsUrl(): string {
    return this.nats?.url ?? testNatsUrl();
  }

  static async start(
    purpose: string,
    options: {
      services?: ServiceName[];
      env?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
      /** Another NATS than the shared test server, with no namespace: one this test started. */
      nats?: { url: string; passwords: Record<ServiceName, string> };
    } = {},
  ): Promise<TestSystem> {
    const databaseUrls = Object.fromEntries(
      await Promise.all(databaseServices.map(async (service) => [service, await createTestDatabase(`${purpose}_${service}`)] as const)),
    ) as Record<DatabaseService, string>;
    const system = new TestSystem(options.nats ? '' : testNamespace(purpose), databaseUrls, options.env ?? {}, options.nats);
    try {
      for (const service of options.services ?? everyService) await system.startService(service);
    } catch (error) {
      // A suite whose system cannot start has no afterAll to clean up after it: the services that
      // did start would keep Jest alive, and the databases would outlive the run.
      await system.shutdown().catch(() => undefined);
      throw error;
    }
    return system;
  }

  env(service: ServiceName): NodeJS.ProcessEnv {
    return {
      NODE_ENV: 'test',
      NATS_URL: this.natsUrl,
      NATS_NAMESPACE: this.namespace,
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      HTTP_PORT: '0',
      SERVICE_INSTANCE: `${service}-test`,
      OUTBOX_POLL_INTERVAL_MS: '200',
      SEED_DEMO_DATA: 'true',
      DEV_TOKENS_ENABLED: 'true',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...this.secrets.of(service),
      ...(this.nats ? { NATS_PASSWORD: this.nats.passwords[service] } : {}),
      ...(service === 'gateway' ? {} : { DATABASE_URL: this.databaseUrls[service] }),
      ...this.overrides[service],
    };
  }

  /** Starts a service, with `extraEnv` on top of its usual environment (a restart with new keys, say). */
  async startService(service: ServiceName, extraEnv: NodeJS.ProcessEnv = {}): Promise<INestApplication> {
    const app = await factories[service]({ ...this.env(service), ...extraEnv });
    if (service === 'gateway') await app.listen(0, '127.0.0.1');
    this.apps[service] = app;
    return app;
  }

  /** Another gateway replica on the same NATS, listening on a port of its own; the caller closes it. */
  async startSecondGateway(extraEnv: NodeJS.ProcessEnv = {}): Promise<INestApplication> {
    const gateway = await factories.gateway({ ...this.env('gateway'), SERVICE_INSTANCE: 'gateway-second', ...extraEnv });
    await gateway.listen(0, '127.0.0.1');
    return gateway;
  }

  /** Another replica of a service, on the same database and NATS (a shared durable, queue groups); the caller closes it. */
  async startReplica(service: Exclude<ServiceName, 'gateway'>, extraEnv: NodeJS.ProcessEnv = {}): Promise<INestApplication> {
    return factories[service]({ ...this.env(service), SERVICE_INSTANCE: `${service}-replica`, ...extraEnv });
  }

  async stopService(service: ServiceName): Promise<void> {
    await this.apps[service]?.close();
    delete this.apps[service];
  }

  http(): TestAgent {
    const gateway = this.apps.gateway;
    if (!gateway) throw new Error('the gateway is not running');
    return request(gateway.getHttpServer());
  }

  app(service: ServiceName): INestApplication {
    const app = this.apps[service];
    if (!app) throw new Error(`${service} is not running`);
    return app;
  }

  async jetstreamManager(): Promise<JetStreamManager> {
    this.connection ??= await connect({ servers: this.natsUrl, ...(this.nats ? { user: 'gateway', pass: this.nats.passwords.gateway } : {}) });
    return jetstreamManager(this.connection);
  }

  stream(name: string): string {
    return new Namespace(this.namespace).stream(name);
  }

  subject(subject: string): string {
    return new Namespace(this.namespace).subject(subject);
  }

  /** Stops every service, removes the namespace's streams from NATS and drops the databases. */
  async shutdown(): Promise<void> {
    for (const service of [...everyService].reverse()) await this.stopService(service);
    for (const url of Object.values(this.databaseUrls)) await dropTestDatabase(url);
    // A NATS of the test's own goes away with its store; the shared one keeps other runs' streams.
    if (this.nats) {
      await this.connection?.close();
      return;
    }
    const jsm = await this.jetstreamManager();
    const prefix = this.stream('');
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(prefix)) await jsm.streams.delete(stream.config.name);
    }
    await this.connection?.close();
  }
}
