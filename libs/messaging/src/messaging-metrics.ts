import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The metrics operators watch: outbox backlog, consumer lag, redeliveries and dead letters. */
export class MessagingMetrics {
  readonly outboxPublished: Counter<'by'>;
  readonly outboxRelayErrors: Counter;
  readonly outboxBacklog: Gauge;
  readonly outboxOldestUnsentSeconds: Gauge;
  readonly eventsHandled: Counter<'consumer' | 'type' | 'outcome'>;
  readonly eventHandlingSeconds: Histogram<'consumer' | 'type'>;
  readonly eventPropagationSeconds: Histogram<'consumer' | 'type'>;
  readonly redeliveries: Counter<'consumer'>;
  readonly deadLetters: Counter<'consumer' | 'reason'>;
  readonly consumerPending: Gauge<'consumer'>;
  readonly rpcRequests: Counter<'subject' | 'outcome'>;
  readonly rpcSeconds: Histogram<'subject'>;
  readonly callerRefusals: Counter<'subject' | 'reason'>;
  readonly idempotentReplays: Counter<'subject'>;
  readonly natsMessages: Counter<'direction'>;
  readonly scheduledJobRuns: Counter<'job'>;
  readonly scheduledJobLastRun: Gauge<'job'>;

  constructor(
    registry: Registry,
    collectors: {
      outbox?: () => Promise<{ backlog: number; oldestUnsentSeconds: number }>;
      consumerPending?: () => Promise<Array<{ consumer: string; pending: number }>>;
      natsTraffic?: () => { inMsgs: number; outMsgs: number };
    } = {},
  ) {
    const registers = [registry];
    this.outboxPublished = new Counter({
      name: 'outbox_published_total',
      help: 'Outbox events published to JetStream, by the command that wrote them or by the sweep',
      labelNames: ['by'],
      registers,
    });
    this.outboxRelayErrors = new Counter({ name: 'outbox_relay_errors_total', help: 'Failed outbox relay rounds', registers });
    const outbox = collectors.outbox;
    let lastOutbox: Promise<{ backlog: number; oldestUnsentSeconds: number }> | undefined;
    this.outboxBacklog = new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox events committed but not yet published',
      registers,
      async collect() {
        if (!outbox) return;
        lastOutbox = outbox();
        this.set((await lastOutbox).backlog);
      },
    });
    this.outboxOldestUnsentSeconds = new Gauge({
      name: 'outbox_oldest_unsent_age_seconds',
      help: 'Age of the oldest unpublished outbox event',
      registers,
      async collect() {
        if (!outbox) return;
        this.set((await (lastOutbox ?? outbox())).oldestUnsentSeconds);
      },
    });
    this.eventsHandled = new Counter({
      name: 'events_handled_total',
      help: 'Events handled by consumers',
      labelNames: ['consumer', 'type', 'outcome'],
      registers,
    });
    this.eventHandlingSeconds = new Histogram({
      name: 'event_handling_seconds',
      help: 'Time to handle one event, commit included',
      labelNames: ['consumer', 'type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.eventPropagationSeconds = new Histogram({
      name: 'event_propagation_seconds',
      help: 'From the event being written with its change to its consumer committing',
      labelNames: ['consumer', 'type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.redeliveries = new Counter({ name: 'consumer_redeliveries_total', help: 'Messages delivered more than once', labelNames: ['consumer'], registers });
    this.deadLetters = new Counter({
      name: 'dead_letters_total',
      help: 'Messages sent to the dead-letter stream',
      labelNames: ['consumer', 'reason'],
      registers,
    });
    const pending = collectors.consumerPending;
    this.consumerPending = new Gauge({
      name: 'consumer_pending_messages',
      help: 'Messages waiting for or being handled by a durable consumer (its lag)',
      labelNames: ['consumer'],
      registers,
      async collect() {
        if (!pending) return;
        for (const row of await pending()) this.set({ consumer: row.consumer }, row.pending);
      },
    });
    this.callerRefusals = new Counter({
      name: 'rpc_caller_refusals_total',
      help: 'NATS requests refused before their handler: missing, forged, expired, replayed or misdirected caller assertions, callers not allowed',
      labelNames: ['subject', 'reason'],
      registers,
    });
    const traffic = collectors.natsTraffic;
    this.scheduledJobRuns = new Counter({ name: 'scheduled_job_runs_total', help: 'Runs of scheduled jobs this replica made', labelNames: ['job'], registers });
    this.scheduledJobLastRun = new Gauge({
      name: 'scheduled_job_last_run_timestamp_seconds',
      help: 'When this replica last ran the job: an alert fires when no replica has for too long',
      labelNames: ['job'],
      registers,
    });
    this.natsMessages = new Counter({
      name: 'nats_messages_total',
      help: 'NATS messages this service received (in) and sent (out), requests, replies, events and acknowledgements alike',
      labelNames: ['direction'],
      registers,
      collect() {
        if (!traffic) return;
        const { inMsgs, outMsgs } = traffic();
        this.reset();
        this.inc({ direction: 'in' }, inMsgs);
        this.inc({ direction: 'out' }, outMsgs);
      },
    });
    this.idempotentReplays = new Counter({
      name: 'rpc_idempotent_replays_total',
      help: 'Commands answered with the result recorded for their Idempotency-Key, without running again',
      labelNames: ['subject'],
      registers,
    });
    this.rpcRequests = new Counter({ name: 'rpc_requests_total', help: 'NATS requests handled', labelNames: ['subject', 'outcome'], registers });
    this.rpcSeconds = new Histogram({
      name: 'rpc_request_seconds',
      help: 'Time to answer one NATS request',
      labelNames: ['subject'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
  }
}
