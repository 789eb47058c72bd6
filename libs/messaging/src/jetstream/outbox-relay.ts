import { Logger } from '@nestjs/common';
import { Client, type Pool } from 'pg';
import type { EventPublisher, OutboxRow } from './event-publisher';
import type { MessagingMetrics } from '../messaging-metrics';

export const outboxChannel = 'samverkan_outbox';

export interface OutboxRelayOptions {
  databaseUrl: string;
  batchSize: number;
  pollIntervalMs: number;
  retentionHours: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Publishes committed outbox rows to JetStream and marks them sent. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED` inside one transaction that stays open until JetStream acknowledged
 * them, so several relay replicas never publish the same row at once; if a relay dies between
 * publish and mark, the row is published again with the same message id and JetStream drops
 * the duplicate. New rows wake the relay through LISTEN/NOTIFY; polling covers lost notices.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private listener?: Client;
  private lastCleanup = 0;

  constructor(
    private readonly pool: Pool,
    private readonly publisher: EventPublisher,
    private readonly options: OutboxRelayOptions,
    private readonly metrics?: MessagingMetrics,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Wakes the relay now, e.g. after the outbox was re-queued for republishing. */
  nudge(): void {
    this.wake?.();
  }

  /** Publishes one batch; returns how many rows it published. Exposed for tests and tools. */
  async drainOnce(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>(
        'SELECT id, subject, envelope FROM outbox WHERE sent_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED',
        [this.options.batchSize],
      );
      if (rows.length > 0) {
        await this.publisher.publish(rows);
        await client.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
      }
      await client.query('COMMIT');
      this.metrics?.outboxPublished.inc(rows.length);
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const published = await this.drainOnce();
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

  private async listen(): Promise<void> {
    while (this.running) {
      const client = new Client({ connectionString: this.options.databaseUrl });
      try {
        await client.connect();
        if (!this.running) break;
        client.on('notification', () => this.wake?.());
        await client.query(`LISTEN ${outboxChannel}`);
        this.listener = client;
        await new Promise<void>((resolve) => {
          client.once('error', () => resolve());
          client.once('end', () => resolve());
        });
      } catch (error) {
        this.logger.debug({ err: error }, 'outbox listener disconnected; polling until it is back');
      }
      await client.end().catch(() => undefined);
      if (this.running) await sleep(1000);
    }
  }

  private async cleanUpNowAndThen(): Promise<void> {
    const hour = 60 * 60 * 1000;
    if (Date.now() - this.lastCleanup < hour) return;
    this.lastCleanup = Date.now();
    await this.pool.query(`DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(hours => $1)`, [this.options.retentionHours]);
  }
}
