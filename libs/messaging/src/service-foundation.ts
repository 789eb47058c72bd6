import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import {
  correlationIdFromContext,
  createServiceApp,
  HealthModule,
  loggingModule,
  MetricsModule,
  prepareDatabase,
  type DatabaseServiceConfig,
} from '@samverkan/platform';
import { ClsModule } from 'nestjs-cls';
import { MessagingModule } from './messaging.module';
import { Namespace } from './namespace';
import { connectNats } from './nats-connection';
import { DatabaseReadiness, NatsReadiness } from './readiness';
import { rpcServerStrategy, type NamespacedNatsServer } from './rpc/rpc-transport';
import { NatsTraffic } from './nats-traffic';
import { ActingStaffKey, verifiedCallerOf } from './trust/caller';
import { messagingMigrationsDirectory, type ServiceDatabase } from './service-database';

export interface ServiceFoundationOptions {
  config: DatabaseServiceConfig;
  /** The service's database, from `defineServiceDatabase`. */
  database: ServiceDatabase;
  consumers?: string[];
}

/**
 * What every service with a database shares: the CLS context (correlation id and ambient
 * transactions), JSON logging, metrics, health, and messaging. Feature modules come on top.
 */
@Module({})
export class ServiceFoundationModule {
  static forRoot(options: ServiceFoundationOptions): DynamicModule {
    const { config, database } = options;
    const { service } = database;
    const databaseModule = database.module(config);
    return {
      module: ServiceFoundationModule,
      imports: [
        ClsModule.forRoot({
          global: true,
          interceptor: {
            mount: true,
            generateId: true,
            idGenerator: correlationIdFromContext,
            // The verified caller's staff member, for the requests this one makes onwards.
            setup: (cls, context) => cls.set(ActingStaffKey, verifiedCallerOf(context)?.actor ?? undefined),
          },
          plugins: [
            new ClsPluginTransactional({
              // Named after the service, so @Transactional stays bound to this service's
              // database even when several services share a process.
              connectionName: service,
              imports: [databaseModule],
              adapter: new TransactionalAdapterPrisma({ prismaInjectionToken: database.client, sqlFlavor: 'postgresql' }),
            }),
          ],
        }),
        loggingModule(config),
        MetricsModule.forRoot(service, config.instance),
        databaseModule,
        MessagingModule.forRoot({
          service,
          instance: config.instance,
          natsUrl: config.natsUrl,
          natsAuth: config.natsAuth,
          namespace: config.natsNamespace,
          trust: config.trust,
          databaseUrl: config.databaseUrl,
          outboxPollIntervalMs: config.outboxPollIntervalMs,
          jetstreamReplicas: config.jetstreamReplicas,
          consumers: options.consumers,
        }),
        HealthModule.forRoot({ imports: [], checks: [DatabaseReadiness, NatsReadiness] }),
      ],
    };
  }
}

/**
 * Prepares the database (create, migrate), checks NATS, then creates the app with its NATS
 * request server. The caller decides when to listen on HTTP.
 */
export async function createDatabaseServiceApp(options: {
  config: DatabaseServiceConfig;
  module: DynamicModule;
  /** The service's own migrations; the shared messaging tables' come with them. */
  migrationsDirectory: string;
  shutdownHooks?: boolean;
}): Promise<INestApplication> {
  const { config } = options;
  await prepareDatabase(config.databaseUrl, [options.migrationsDirectory, messagingMigrationsDirectory], config.service);
  await (await connectNats(config.natsUrl, config.service, `${config.service}-startup-check`, config.natsAuth)).close();
  const rpc = rpcServerStrategy({
    service: config.service,
    natsUrl: config.natsUrl,
    natsAuth: config.natsAuth,
    namespace: new Namespace(config.natsNamespace),
  });
  const app = await createServiceApp({ module: options.module, rpc, shutdownHooks: options.shutdownHooks });
  const server = rpc.strategy as NamespacedNatsServer;
  app.get(NatsTraffic).watch(() => server.connection());
  return app;
}
