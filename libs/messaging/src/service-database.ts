import { Inject, Injectable, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { InjectTransactionHost, type TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PublishingService } from '@samverkan/contracts';
import { countingPool, METRICS_REGISTRY, type DatabaseServiceConfig } from '@samverkan/platform';
import type { Registry } from 'prom-client';
import { join } from 'node:path';
import { SingleStatementCommand, TransactionalCommand } from './commands/idempotent-commands';
import type { TransactionalSqlClient } from './sql-client';

/** The shared messaging tables' migrations; the runner applies them beside each service's own. */
export const messagingMigrationsDirectory = join(__dirname, '..', 'prisma', 'migrations');

/** What a service's generated Prisma client offers that the platform relies on. */
export interface ServicePrismaClient extends TransactionalSqlClient {
  $disconnect(): Promise<void>;
}

export type PrismaClientClass<TClient extends ServicePrismaClient> = new (options: { adapter: PrismaPg }) => TClient;

/** Repositories read and write through this host, so they join the caller's transaction. */
export type TransactionHostOf<TClient extends ServicePrismaClient> = TransactionHost<TransactionalAdapterPrisma<TClient>>;

export interface ServiceDatabase<TClient extends ServicePrismaClient = ServicePrismaClient> {
  service: PublishingService;
  /** The generated client class, which is also its injection token. */
  client: PrismaClientClass<TClient>;
  /** The module that provides the client, connected to the configured database. */
  module(config: Pick<DatabaseServiceConfig, 'databaseUrl' | 'databasePoolSize'>): DynamicModule;
  /** Injects the service's transaction host into a repository. */
  InjectTransactionHost(): ParameterDecorator;
  /**
   * Runs the method in one transaction on the service's database (joining one already open). For
   * a command sent with an Idempotency-Key, the outermost one also claims the key and records the
   * method's result, as the command's answer to a retry.
   */
  Transactional(): MethodDecorator;
  /**
   * For a method whose change is one statement with its events (`Outbox.withEvents`): no
   * transaction, unless the command has an Idempotency-Key to claim with it.
   */
  SingleStatement(): MethodDecorator;
}

/**
 * A service's database, from its generated Prisma client: the client on the pg driver adapter,
 * closed last when the app shuts down, and transactions on a connection named after the
 * service, so @Transactional stays bound to this service's database even when several services
 * share a process (the end-to-end tests).
 */
export function defineServiceDatabase<TClient extends ServicePrismaClient>(
  service: PublishingService,
  client: PrismaClientClass<TClient>,
): ServiceDatabase<TClient> {
  /** Last, after consumers, the relay and the request listener have stopped using the client. */
  @Injectable()
  class DisconnectOnShutdown implements OnApplicationShutdown {
    constructor(@Inject(client) private readonly prisma: TClient) {}

    async onApplicationShutdown(): Promise<void> {
      await this.prisma.$disconnect();
    }
  }

  class DatabaseModule {}
  Object.defineProperty(DatabaseModule, 'name', { value: `${service[0]?.toUpperCase()}${service.slice(1)}DatabaseModule` });

  return {
    service,
    client,
    module: (config) => ({
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: client,
          useFactory: (registry: Registry) =>
            new client({
              adapter: new PrismaPg(countingPool({ connectionString: config.databaseUrl, max: config.databasePoolSize }, 'prisma', registry), {
                disposeExternalPool: true,
              }),
            }),
          inject: [METRICS_REGISTRY],
        },
        DisconnectOnShutdown,
      ],
      exports: [client],
    }),
    InjectTransactionHost: () => InjectTransactionHost(service),
    Transactional: () => TransactionalCommand(service),
    SingleStatement: () => SingleStatementCommand(service),
  };
}

/**
 * Whether a Prisma call failed on a unique constraint (P2002). Checked by name and code, so it
 * holds for every service's generated client; repositories turn it into a domain error.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && error.name === 'PrismaClientKnownRequestError' && (error as { code?: unknown }).code === 'P2002';
}

/**
 * What a unique violation names: the index (through the pg driver adapter, e.g.
 * `organisations_organisation_number_key`), or its columns where the engine reported them.
 * Empty when it is not a unique violation, so a repository can tell which of two keys was taken.
 */
export function uniqueViolationTarget(error: unknown): string {
  if (!isUniqueViolation(error)) return '';
  const meta = (error as { meta?: UniqueViolationMeta }).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const target = constraint?.index ?? constraint?.fields ?? meta?.target ?? '';
  return Array.isArray(target) ? target.join(',') : String(target);
}

interface UniqueViolationMeta {
  target?: unknown;
  driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } };
}
