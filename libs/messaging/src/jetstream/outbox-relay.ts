import { Logger } from '@nestjs/common';
import type { EventEnvelope } from '@samverkan/contracts';
import type { Pool } from 'pg';
import type { MessagingMetrics } from '../messaging-metrics';
import type { EventPublisher, OutboxRow } from './event-publisher';

export interface OutboxRelayOptions {
  batchSize: number;
  pollIntervalMs: number;
  retentionHours: number;
  /** Unsent rows younger than this are left to the command that wrote them, which publishes them itself. */
  sweepAfterMs: number;
}

/** Published rows are marked sent in one statement per this many milliseconds (or per batch). */
const markEveryMs = 20;

/**
 * Gets committed outbox rows into JetStream, each with its event id as the message id:
 *
 * - **Right after the command** (`publishCommitted`): the command that wrote the rows hands their
 *   events over once its change committed; they are published at once and marked sent in
 *   batches. Nothing is read back from the database, and the event reaches its consumers within
 *   milliseconds.
 * - **The sweep** (`drainOnce`, every poll interval): publishes the rows that stayed unsent for
 *   `sweepAfterMs` (the command's process died between commit and publish, NATS was away, or an
 *   operator re-queued them). Rows are claimed with `FOR UPDATE SKIP LOCKED` in a transaction that
 *   stays open until JetStream acknowledged them, so relay replicas never sweep the same row at
 *   once.
 *
 * A row published twice (by its command and a sweep, or after a crash before its mark) carries
 * the same message id, which JetStream drops within its duplicate window; consumers skip the
 * rest through their handled-event records.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private lastCleanup = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly toMark = new Set<string>();
  private markTimer?: NodeJS.Timeout;

  constructor(
    private readonly pool: Pool,
    private readonly publisher: EventPublisher,
    private readonly options: OutboxRelayOptions,
    private readonly metrics?: MessagingMetrics,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops the sweep, then lets the publishes in flight finish and marks what they published. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await this.flushMarks();
  }

  /** Wakes the sweep now, e.g. after the outbox was re-queued for republishing. */
  nudge(): void {
    this.wake?.();
  }

  /**
   * Publishes events whose outbox rows have committed, without waiting for it: the caller's
   * answer does not depend on it, and what fails here the sweep publishes later.
   */
  publishCommitted(events: EventEnvelope[]): void {
    if (events.length === 0) return;
    const rows: OutboxRow[] = events.map((envelope) => ({ id: envelope.id, subject: envelope.type, envelope }));
    const publishing: Promise<void> = this.publisher
      .publish(rows)
      .then(
        () => {
          this.metrics?.outboxPublished.inc({ by: 'command' }, rows.length);
          this.markSoon(rows.map((row) => row.id));
        },
        (error: unknown) => this.logger.debug({ err: error, events: rows.length }, 'could not publish events at once; the sweep will'),
      )
      .finally(() => this.inFlight.delete(publishing));
    this.inFlight.add(publishing);
  }

  /**
   * Publishes one batch of rows unsent for at least `sweepAfterMs` (0: every unsent row); returns
   * how many it published. Exposed for tests and tools.
   */
  async drainOnce(sweepAfterMs = 0): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, subject, envelope FROM outbox
          WHERE sent_at IS NULL AND ($2 = 0 OR created_at <= now() - make_interval(secs => $2))
          ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize, sweepAfterMs / 1000],
      );
      if (rows.length > 0) {
        await this.publisher.publish(rows);
        await client.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
      }
      await client.query('COMMIT');
      if (rows.length > 0) this.metrics?.outboxPublished.inc({ by: 'sweep' }, rows.length);
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private markSoon(ids: string[]): void {
    for (const id of ids) this.toMark.add(id);
    if (this.toMark.size >= this.options.batchSize) void this.flushMarks();
    else this.markTimer ??= setTimeout(() => void this.flushMarks(), markEveryMs);
  }

  private async flushMarks(): Promise<void> {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    if (this.toMark.size === 0) return;
    const ids = [...this.toMark];
    this.toMark.clear();
    // A failed mark only means the sweep publishes these again, which JetStream de-duplicates.
    await this.pool
      .query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[]) AND sent_at IS NULL', [ids])
      .catch((error: unknown) => this.logger.debug({ err: error }, 'could not mark published events sent; the sweep will'));
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const published = await this.drainOnce(this.options.sweepAfterMs);
        failures = 0;
        await this.cleanUpNowAndThen();
        if (published === this.options.batchSize) continue;
        await this.idle(this.options.pollIntervalMs);
      } catch (error) {
        failures += 1;
        this.metrics?.outboxRelayErrors.inc();
        this.logger.warn({ err: error, failures }, 'outbox relay could not publish; retrying');
        await this.idle(Math.min(30_000, 250 * 2 ** Math.min(failures, 7)));
      }
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async cleanUpNowAndThen(): Promise<void> {
    const hour = 60 * 60 * 1000;
    if (Date.now() - this.lastCleanup < hour) return;
    this.lastCleanup = Date.now();
    await this.pool.query(`DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(hours => $1)`, [this.options.retentionHours]);
  }
}
