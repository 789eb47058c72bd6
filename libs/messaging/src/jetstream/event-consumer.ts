import { Logger } from '@nestjs/common';
import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { decodeEventData, decodeEventEnvelope, DomainError, isTransientKind, type EventEnvelope, type EventType } from '@samverkan/contracts';
import type { MessagingMetrics } from '../messaging-metrics';
import type { Namespace } from '../namespace';
import type { DeadLetterReason, DeadLetters } from './dead-letters';
import { ensureConsumer, isStreamNotFound, type ConsumerDefinition } from './topology';

export type EventHandlerFn = (data: object, envelope: EventEnvelope) => Promise<void>;

/** Runs `work` at most once per consumer and event id, in one transaction with the id's record. */
export interface Inbox {
  runOnce(consumer: string, envelope: EventEnvelope, work: () => Promise<void>): Promise<'applied' | 'duplicate'>;
}

/** A failure that retrying cannot fix: the message is dead-lettered at once. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}

export type HandlingOutcome = 'applied' | 'duplicate' | 'ignored' | 'retry' | `dead-lettered:${DeadLetterReason}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

/**
 * A durable pull consumer, handling up to `concurrency` messages at once. Each message is
 * validated as a tolerant reader (unknown fields dropped, unhandled types acknowledged),
 * handled inside one transaction that also records its event id, and acknowledged only after
 * that transaction committed. Transient
 * failures are retried with growing delays (nak); invalid or rejected messages, and messages
 * that failed on their last allowed attempt, go to the dead-letter stream and are terminated.
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
        const inFlight = new Set<Promise<unknown>>();
        for await (const message of this.messages) {
          if (!this.running) {
            message.nak();
            continue;
          }
          const task: Promise<unknown> = this.handle(message)
            .catch((error: unknown) => this.logger.error({ err: error }, 'could not settle a message; it will be redelivered'))
            .finally(() => inFlight.delete(task));
          inFlight.add(task);
          if (inFlight.size >= this.definition.concurrency) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
      } catch (error) {
        failures += 1;
        const level = isStreamNotFound(error) ? 'debug' : 'warn';
        this.logger[level]({ err: error, failures }, 'consumer interrupted; resuming');
      }
      if (this.running) await sleep(Math.min(10_000, 200 * 2 ** Math.min(failures, 6)));
    }
  }

  /** Handles one delivery and settles it with ack, nak or term. */
  async handle(message: JsMsg): Promise<HandlingOutcome> {
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

    const timer = metrics?.eventHandlingSeconds.startTimer({ consumer, type: envelope.type });
    try {
      const outcome = await this.deps.inbox.runOnce(consumer, envelope, () => handler(data, envelope));
      message.ack();
      timer?.();
      metrics?.eventsHandled.inc({ consumer, type: envelope.type, outcome });
      if (outcome === 'applied') metrics?.eventPropagationSeconds.observe({ consumer, type: envelope.type }, (Date.now() - Date.parse(envelope.time)) / 1000);
      return outcome;
    } catch (error) {
      timer?.();
      if (isPermanent(error)) return this.deadLetter(message, 'rejected', describe(error));
      if (message.info.deliveryCount >= this.definition.maxAttempts) return this.deadLetter(message, 'exhausted', describe(error));
      this.logger.warn({ err: error, eventId: envelope.id, type: envelope.type, delivery: message.info.deliveryCount }, 'event handling failed; will retry');
      message.nak(retryDelayMs(message.info.deliveryCount));
      return 'retry';
    }
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
