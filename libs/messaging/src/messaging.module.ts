import {
  Controller,
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
  type Type,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { getTransactionHostToken } from '@nestjs-cls/transactional';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  assertRole,
  RepublishOutboxCommand,
  republishOutboxSubject,
  StaffRole,
  type ActorContext,
  type EventType,
  type PublishingService,
  type RepublishOutboxResult,
} from '@samverkan/contracts';
import { countingPool, METRICS_REGISTRY } from '@samverkan/platform';
import { ClsService } from 'nestjs-cls';
import { Pool } from 'pg';
import type { Registry } from 'prom-client';
import { DeadLetters } from './jetstream/dead-letters';
import { EventConsumer, type EventHandlerFn } from './jetstream/event-consumer';
import { JetStreamEventPublisher } from './jetstream/event-publisher';
import { EVENTS_HANDLER_CONSUMER, ON_EVENT_TYPE } from './jetstream/event-handler.decorators';
import { Outbox } from './jetstream/outbox';
import { OutboxAdmin, outboxBacklog } from './jetstream/outbox-admin';
import { OutboxRelay } from './jetstream/outbox-relay';
import { ScheduledJobs } from './scheduling/scheduled-jobs';
import { consumerDefinition, consumersOwnedBy, deadLetterStream, ensureStream, streamsOwnedBy, type ConsumerDefinition } from './jetstream/topology';
import { TransactionalInbox } from './jetstream/transactional-inbox';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { MessagingMetrics } from './messaging-metrics';
import { Namespace } from './namespace';
import { connectNats } from './nats-connection';
import { NatsTraffic } from './nats-traffic';
import { DatabaseReadiness, NatsReadiness } from './readiness';
import { RpcClient } from './rpc/rpc-client';
import { RpcExceptionFilter } from './rpc/rpc-exception.filter';
import { RpcMetricsInterceptor } from './rpc/rpc-metrics.interceptor';
import { RpcValidationPipe } from './rpc/rpc-validation.pipe';
import type { SqlTransactionHost } from './sql-client';
import { JETSTREAM, JETSTREAM_MANAGER, MESSAGING_TRANSACTION_HOST, NATS_CONNECTION, PG_POOL } from './tokens';
import { CommandInterceptor } from './commands/command.interceptor';
import { IdempotencyStore, TransactionalCommand } from './commands/idempotent-commands';
import { AssertionSigner } from './trust/assertion-signer';
import { AssertionVerifier } from './trust/assertion-verifier';
import { Actor } from './trust/caller';
import { CallerAssertionGuard } from './trust/caller-assertion.guard';

const defaults = {
  outboxPollIntervalMs: 1000,
  outboxSweepAfterMs: 1000,
  outboxBatchSize: 200,
  outboxRetentionHours: 24 * 7,
  inboxRetentionHours: 24 * 30,
  jetstreamReplicas: 1,
};

/** Starts the relay and the consumers once the app is up, and stops them before it goes down. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private readonly running: EventConsumer[] = [];
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly namespace: Namespace,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    private readonly discovery: DiscoveryService,
    private readonly metrics: MessagingMetrics,
    @Optional() private readonly cls?: ClsService,
    @Optional() @Inject(MESSAGING_TRANSACTION_HOST) private readonly txHost?: SqlTransactionHost,
    @Optional() private readonly relay?: OutboxRelay,
    @Optional() @Inject(PG_POOL) private readonly pool?: Pool,
    @Optional() private readonly idempotency?: IdempotencyStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const replicas = this.options.jetstreamReplicas ?? defaults.jetstreamReplicas;
    const owned = this.options.service === 'gateway' ? [] : streamsOwnedBy(this.options.service as PublishingService);
    const durables = this.options.consumers ?? [];
    for (const stream of durables.length > 0 ? [...owned, deadLetterStream] : owned) {
      await ensureStream(this.jsm, stream, this.namespace, replicas);
    }
    this.relay?.start();
    if (this.pool) {
      await this.prune();
      this.pruneTimer = setInterval(() => void this.prune(), 60 * 60 * 1000).unref();
    }
    if (durables.length === 0) return;
    if (!this.cls || !this.txHost || !this.pool) throw new Error('consumers need a database, CLS and a transaction host');
    const inbox = new TransactionalInbox(this.txHost, this.cls);
    const deadLetters = new DeadLetters(this.js, this.namespace, this.options.service);
    for (const durable of durables) {
      const definition = consumerDefinition(durable);
      if (definition.owner !== this.options.service) throw new Error(`consumer ${durable} belongs to ${definition.owner}, not ${this.options.service}`);
      const consumer = new EventConsumer(definition, this.handlersFor(definition), {
        js: this.js,
        jsm: this.jsm,
        namespace: this.namespace,
        inbox,
        deadLetters,
        metrics: this.metrics,
        publishCommitted: (events) => this.relay?.publishCommitted(events),
      });
      consumer.start();
      this.running.push(consumer);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.pruneTimer);
    await Promise.all(this.running.map((consumer) => consumer.stop()));
    await this.relay?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.drain().catch(() => undefined);
    await this.pool?.end();
  }

  private handlersFor(definition: ConsumerDefinition): Map<EventType, EventHandlerFn> {
    const handlers = new Map<EventType, EventHandlerFn>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype || Reflect.getMetadata(EVENTS_HANDLER_CONSUMER, wrapper.metatype) !== definition.durable) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method = instance[name];
        if (typeof method !== 'function') continue;
        const types = (Reflect.getMetadata(ON_EVENT_TYPE, method) as EventType[] | undefined) ?? [];
        for (const type of types) {
          if (!definition.eventTypes.includes(type)) throw new Error(`${definition.durable} does not receive ${type}; add it to the topology`);
          handlers.set(type, (method as EventHandlerFn).bind(instance));
        }
      }
    }
    const missing = definition.eventTypes.filter((type) => !handlers.has(type));
    if (missing.length > 0) throw new Error(`${definition.durable} has no handler for ${missing.join(', ')}`);
    return handlers;
  }

  /**
   * Handled-event records only need to outlive redeliveries and republishing windows, and
   * idempotency keys their 24 hours.
   */
  private async prune(): Promise<void> {
    const retention = this.options.inboxRetentionHours ?? defaults.inboxRetentionHours;
    await this.pool
      ?.query('DELETE FROM processed_events WHERE processed_at < now() - make_interval(hours => $1)', [retention])
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not prune processed events'));
    await this.idempotency?.prune().catch((error: unknown) => this.logger.warn({ err: error }, 'could not prune idempotency keys'));
  }
}

function outboxOperationsHandlers(service: PublishingService): Type {
  @Controller()
  class OutboxOperationsHandlers {
    private readonly logger = new Logger('Operations');

    constructor(private readonly admin: OutboxAdmin) {}

    /** Operators only; the operator is named in the log, as every operation must be traceable. */
    @MessagePattern(republishOutboxSubject(service))
    async republish(@Payload() command: RepublishOutboxCommand, @Actor() operator: ActorContext): Promise<RepublishOutboxResult> {
      assertRole(operator, StaffRole.Operator);
      const result = await this.requeue(command);
      this.admin.nudge();
      this.logger.log({ operator: operator.staffId, since: command.since, requeued: result.requeued }, 'outbox re-queued for publishing');
      return result;
    }

    @TransactionalCommand(service)
    private async requeue(command: RepublishOutboxCommand): Promise<RepublishOutboxResult> {
      return { requeued: await this.admin.requeueSince(new Date(command.since)) };
    }
  }
  return OutboxOperationsHandlers;
}

@Module({})
export class MessagingModule {
  /**
   * Everything a service needs to talk: the NATS request client, and, for services with a
   * database, the outbox with its relay, the durable consumers, and the NATS request server's
   * validation, error mapping and metrics.
   */
  static forRoot(options: MessagingOptions): DynamicModule {
    const namespace = new Namespace(options.namespace);
    const withDatabase = options.databaseUrl !== undefined;
    const providers: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: Namespace, useValue: namespace },
      { provide: NATS_CONNECTION, useFactory: () => connectNats(options.natsUrl, options.service, options.service, options.natsAuth) },
      { provide: JETSTREAM, useFactory: (connection: NatsConnection) => jetstream(connection), inject: [NATS_CONNECTION] },
      { provide: JETSTREAM_MANAGER, useFactory: (connection: NatsConnection) => jetstreamManager(connection), inject: [NATS_CONNECTION] },
      { provide: AssertionSigner, useFactory: () => new AssertionSigner(options.service, options.trust.signingKey) },
      {
        provide: MessagingMetrics,
        useFactory: (registry: Registry, jsm: JetStreamManager, traffic: NatsTraffic, pool?: Pool) =>
          new MessagingMetrics(registry, {
            outbox: pool ? () => outboxBacklog(pool) : undefined,
            natsTraffic: () => traffic.totals(),
            consumerPending: async () => {
              const rows: Array<{ consumer: string; pending: number }> = [];
              for (const definition of consumersOwnedBy(options.service)) {
                if (!(options.consumers ?? []).includes(definition.durable)) continue;
                const info = await jsm.consumers.info(namespace.stream(definition.stream), definition.durable).catch(() => undefined);
                if (info) rows.push({ consumer: definition.durable, pending: info.num_pending + info.num_ack_pending });
              }
              return rows;
            },
          }),
        inject: [METRICS_REGISTRY, JETSTREAM_MANAGER, NatsTraffic, { token: PG_POOL, optional: true }],
      },
      {
        provide: NatsTraffic,
        useFactory: (connection: NatsConnection) => {
          const traffic = new NatsTraffic();
          traffic.watch(() => connection);
          return traffic;
        },
        inject: [NATS_CONNECTION],
      },
      RpcClient,
      NatsReadiness,
      MessagingLifecycle,
    ];
    const exported: Array<string | symbol | Type> = [
      MESSAGING_OPTIONS,
      Namespace,
      NATS_CONNECTION,
      JETSTREAM,
      JETSTREAM_MANAGER,
      MessagingMetrics,
      RpcClient,
      NatsReadiness,
      AssertionSigner,
      NatsTraffic,
    ];
    const controllers: Type[] = [];

    if (withDatabase) {
      if (options.service === 'gateway') throw new Error('the gateway owns no database');
      const service = options.service;
      providers.push(
        // Services name their transaction connection after themselves (see ServiceFoundationModule).
        { provide: MESSAGING_TRANSACTION_HOST, useExisting: getTransactionHostToken(service) },
        {
          provide: PG_POOL,
          useFactory: (registry: Registry) => countingPool({ connectionString: options.databaseUrl, max: 4 }, 'messaging', registry),
          inject: [METRICS_REGISTRY],
        },
        {
          provide: OutboxRelay,
          useFactory: (pool: Pool, js: JetStreamClient, jsm: JetStreamManager, metrics: MessagingMetrics) =>
            new OutboxRelay(
              pool,
              new JetStreamEventPublisher(js, jsm, namespace, streamsOwnedBy(service), options.jetstreamReplicas ?? defaults.jetstreamReplicas),
              {
                batchSize: options.outboxBatchSize ?? defaults.outboxBatchSize,
                pollIntervalMs: options.outboxPollIntervalMs ?? defaults.outboxPollIntervalMs,
                retentionHours: options.outboxRetentionHours ?? defaults.outboxRetentionHours,
                sweepAfterMs: options.outboxSweepAfterMs ?? defaults.outboxSweepAfterMs,
              },
              metrics,
            ),
          inject: [PG_POOL, JETSTREAM, JETSTREAM_MANAGER, MessagingMetrics],
        },
        Outbox,
        OutboxAdmin,
        ScheduledJobs,
        DatabaseReadiness,
        { provide: AssertionVerifier, useFactory: () => new AssertionVerifier(options.service, options.trust.trustedKeys) },
        // Before validation and the handler: who is asking, and may they.
        { provide: APP_GUARD, useClass: CallerAssertionGuard },
        { provide: APP_PIPE, useClass: RpcValidationPipe },
        { provide: IdempotencyStore, useFactory: (pool: Pool) => new IdempotencyStore(pool), inject: [PG_POOL] },
        { provide: APP_INTERCEPTOR, useClass: CommandInterceptor },
        { provide: APP_FILTER, useClass: RpcExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: RpcMetricsInterceptor },
      );
      exported.push(MESSAGING_TRANSACTION_HOST, PG_POOL, OutboxRelay, Outbox, OutboxAdmin, ScheduledJobs, DatabaseReadiness);
      controllers.push(outboxOperationsHandlers(service));
    }

    return { module: MessagingModule, global: true, imports: [DiscoveryModule], providers, controllers, exports: exported };
  }
}
