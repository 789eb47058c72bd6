import { Logger } from '@nestjs/common';
import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { decodeEventData, decodeEventEnvelope, DomainError, isTransientKind, type EventEnvelope, type EventType } from '@samverkan/contracts';
import { runCommand, type CommandContext } from '../commands/command-context';
import type { MessagingMetrics } from '../messaging-metrics';
import type { Namespace } from '../namespace';
import type { DeadLetterReason, DeadLetters } from './dead-letters';
import { ensureConsumer, isStreamNotFound, type ConsumerDefinition } from './topology';

export type EventHandlerFn = (data: object, envelope: EventEnvelope) => Promise<void>;

export type InboxOutcome = 'applied' | 'duplicate';

/** One event's handling, for the inbox to run at most once. */
export interface InboxItem {
  envelope: EventEnvelope;
  work: () => Promise<void>;
}

/** Runs work at most once per consumer and event id, in one transaction with the ids' records. */
export interface Inbox {
  runOnce(consumer: string, envelope: EventEnvelope, work: () => Promise<void>): Promise<InboxOutcome>;
  /** Several events in one transaction: all applied (or skipped as duplicates), or none. */
  runBatch(consumer: string, items: InboxItem[]): Promise<InboxOutcome[]>;
}

/** A failure that retrying cannot fix: the message is dead-lettered at once. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}

export type HandlingOutcome = 'applied' | 'duplicate' | 'ignored' | 'retry' | `dead-lettered:${DeadLetterReason}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The most events applied in one transaction. */
const maxBatch = 64;

export function retryDelayMs(deliveryCount: number): number {
  return Math.min(60_000, 500 * 2 ** Math.max(0, deliveryCount - 1));
}

function describe(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function isPermanent(error: unknown): boolean {
  return error instanceof PoisonMessageError || (error instanceof DomainError && !isTransientKind(error.kind));
}

/** A delivery that passed validation and has a handler: ready to apply. */
interface Delivery {
  message: JsMsg;
  envelope: EventEnvelope;
  data: object;
  handler: EventHandlerFn;
}

/**
 * A durable pull consumer. Each message is validated as a tolerant reader (unknown fields
 * dropped, unhandled types acknowledged), applied inside a transaction that also records its
 * event id, and acknowledged only after that transaction committed. Transient failures are
 * retried with growing delays (nak); invalid or rejected messages, and messages that failed on
 * their last allowed attempt, go to the dead-letter stream and are terminated.
 *
 * Messages that arrive together are applied together: the ones delivered in one turn of the
 * event loop (up to 64) share one transaction, with one statement recording all their ids, and
 * up to `concurrency` such batches run at once. A quiet consumer applies each event alone and at
 * once; a busy one pays a transaction per batch instead of per event. If a batch fails, its
 * events are applied one by one, so one bad event cannot hold up the others.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private running = false;
  private loop?: Promise<void>;
  private messages?: ConsumerMessages;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly definition: ConsumerDefinition,
    private readonly handlers: ReadonlyMap<EventType, EventHandlerFn>,
    private readonly deps: {
      js: JetStreamClient;
      jsm: JetStreamManager;
      namespace: Namespace;
      inbox: Inbox;
      deadLetters: DeadLetters;
      metrics?: MessagingMetrics;
      /** Publishes the events handlers wrote, once their transaction committed. */
      publishCommitted?: (events: EventEnvelope[]) => void;
    },
  ) {
    this.logger = new Logger(`EventConsumer:${definition.durable}`);
  }

  get durable(): string {
    return this.definition.durable;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.messages?.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await ensureConsumer(this.deps.jsm, this.definition, this.deps.namespace);
        const consumer = await this.deps.js.consumers.get(this.deps.namespace.stream(this.definition.stream), this.definition.durable);
        // Aborting when the stream or consumer disappears lets this loop declare them again,
        // which is how consumers recover after NATS lost its store.
        this.messages = await consumer.consume({ max_messages: 100, abort_on_missing_resource: true });
        failures = 0;
        await this.applyAsTheyCome(this.messages);
      } catch (error) {
        failures += 1;
        const level = isStreamNotFound(error) ? 'debug' : 'warn';
        this.logger[level]({ err: error, failures }, 'consumer interrupted; resuming');
      }
      if (this.running) await sleep(Math.min(10_000, 200 * 2 ** Math.min(failures, 6)));
    }
  }

  /** Gathers the messages of one event-loop turn into a batch, with up to `concurrency` batches at work. */
  private async applyAsTheyCome(messages: ConsumerMessages): Promise<void> {
    const inFlight = new Set<Promise<unknown>>();
    let gathered: JsMsg[] = [];
    let gathering: Promise<void> | undefined;
    const dispatch = () => {
      const batch = gathered.splice(0, maxBatch);
      if (batch.length === 0) return;
      const task: Promise<unknown> = this.handleBatch(batch)
        .catch((error: unknown) => this.logger.error({ err: error }, 'could not settle messages; they will be redelivered'))
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    };
    for await (const message of messages) {
      if (!this.running) {
        message.nak();
        continue;
      }
      gathered.push(message);
      if (gathered.length >= maxBatch) dispatch();
      gathering ??= new Promise<void>((resolve) =>
        setImmediate(() => {
          gathering = undefined;
          while (gathered.length > 0) dispatch();
          resolve();
        }),
      );
      while (inFlight.size >= this.definition.concurrency) await Promise.race(inFlight);
    }
    await gathering;
    await Promise.all(inFlight);
    gathered = [];
  }

  /** Handles one delivery on its own and settles it with ack, nak or term. */
  async handle(message: JsMsg): Promise<HandlingOutcome> {
    const ready = await this.prepare(message);
    return typeof ready === 'string' ? ready : this.apply(ready);
  }

  /** Handles deliveries together: one transaction for all that are ready, each settled. */
  async handleBatch(messages: JsMsg[]): Promise<HandlingOutcome[]> {
    const prepared = await Promise.all(messages.map((message) => this.prepare(message)));
    const ready = prepared.filter((item): item is Delivery => typeof item !== 'string');
    if (ready.length <= 1) return Promise.all(prepared.map((item) => (typeof item === 'string' ? item : this.apply(item))));
    const consumer = this.definition.durable;
    const started = Date.now();
    let outcomes: Array<'applied' | 'duplicate'>;
    try {
      outcomes = await this.asCommand(() =>
        this.deps.inbox.runBatch(
          consumer,
          ready.map((delivery) => ({ envelope: delivery.envelope, work: () => delivery.handler(delivery.data, delivery.envelope) })),
        ),
      );
    } catch (error) {
      this.logger.debug({ err: error, events: ready.length }, 'a batch failed; applying its events one by one');
      const settled: HandlingOutcome[] = [];
      for (const delivery of ready) settled.push(await this.apply(delivery));
      return [...prepared.filter((item): item is HandlingOutcome => typeof item === 'string'), ...settled];
    }
    ready.forEach((delivery, index) => this.settled(delivery, outcomes[index] ?? 'applied', (Date.now() - started) / 1000 / ready.length));
    return [...prepared.filter((item): item is HandlingOutcome => typeof item === 'string'), ...outcomes];
  }

  /** Validates a delivery: ready to apply, or already settled (invalid, not handled here, exhausted). */
  private async prepare(message: JsMsg): Promise<Delivery | HandlingOutcome> {
    const consumer = this.definition.durable;
    const metrics = this.deps.metrics;
    if (message.info.deliveryCount > 1) metrics?.redeliveries.inc({ consumer });

    let envelope: EventEnvelope<Record<string, unknown>>;
    try {
      envelope = decodeEventEnvelope(JSON.parse(this.decoder.decode(message.data)));
    } catch (error) {
      return this.deadLetter(message, 'invalid', describe(error));
    }

    // Types this consumer does not handle, known or not yet known to this reader, are skipped:
    // a producer may start publishing a new type before every consumer knows it.
    const handler = this.handlers.get(envelope.type);
    if (!handler) {
      message.ack();
      metrics?.eventsHandled.inc({ consumer, type: envelope.type, outcome: 'ignored' });
      return 'ignored';
    }
    let data: object;
    try {
      data = decodeEventData(envelope);
    } catch (error) {
      return this.deadLetter(message, 'invalid', describe(error));
    }
    if (message.info.deliveryCount > this.definition.maxAttempts) {
      return this.deadLetter(message, 'exhausted', 'delivered more often than the consumer allows');
    }
    return { message, envelope, data, handler };
  }

  /** Applies one delivery in a transaction of its own and settles it. */
  private async apply(delivery: Delivery): Promise<HandlingOutcome> {
    const { message, envelope } = delivery;
    const started = Date.now();
    try {
      const outcome = await this.asCommand(() => this.deps.inbox.runOnce(this.definition.durable, envelope, () => delivery.handler(delivery.data, envelope)));
      this.settled(delivery, outcome, (Date.now() - started) / 1000);
      return outcome;
    } catch (error) {
      if (isPermanent(error)) return this.deadLetter(message, 'rejected', describe(error));
      if (message.info.deliveryCount >= this.definition.maxAttempts) return this.deadLetter(message, 'exhausted', describe(error));
      this.logger.warn({ err: error, eventId: envelope.id, type: envelope.type, delivery: message.info.deliveryCount }, 'event handling failed; will retry');
      message.nak(retryDelayMs(message.info.deliveryCount));
      return 'retry';
    }
  }

  /** Runs handling as a command: the events its handlers wrote are published once it committed. */
  private async asCommand<T>(work: () => Promise<T>): Promise<T> {
    const command: CommandContext = { committedEvents: [] };
    const result = await runCommand(command, work);
    this.deps.publishCommitted?.(command.committedEvents);
    return result;
  }

  /** Acknowledges a committed delivery and counts it. */
  private settled(delivery: Delivery, outcome: 'applied' | 'duplicate', seconds: number): void {
    const { message, envelope } = delivery;
    const consumer = this.definition.durable;
    const metrics = this.deps.metrics;
    message.ack();
    metrics?.eventHandlingSeconds.observe({ consumer, type: envelope.type }, seconds);
    metrics?.eventsHandled.inc({ consumer, type: envelope.type, outcome });
    if (outcome === 'applied') metrics?.eventPropagationSeconds.observe({ consumer, type: envelope.type }, (Date.now() - Date.parse(envelope.time)) / 1000);
  }

  private async deadLetter(message: JsMsg, reason: DeadLetterReason, error: string): Promise<HandlingOutcome> {
    try {
      await this.deps.deadLetters.send(this.definition.durable, message, reason, error);
    } catch (publishError) {
      // Not lost: without a dead letter the message stays in its stream and comes back.
      this.logger.error({ err: publishError }, 'could not dead-letter a message; it will be redelivered');
      message.nak(retryDelayMs(message.info.deliveryCount));
      return 'retry';
    }
    // Without a reason: nats-server 2.9 ignores a TERM that carries one.
    message.term();
    this.deps.metrics?.deadLetters.inc({ consumer: this.definition.durable, reason });
    this.logger.warn(
      { reason, error, subject: this.deps.namespace.localSubject(message.subject), sequence: message.info.streamSequence },
      'message dead-lettered',
    );
    return `dead-lettered:${reason}`;
  }
}
