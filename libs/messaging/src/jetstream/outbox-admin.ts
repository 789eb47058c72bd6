import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { SqlTransactionHost } from '../sql-client';
import { MESSAGING_TRANSACTION_HOST, PG_POOL } from '../tokens';
import { OutboxRelay } from './outbox-relay';

/**
 * Re-queues outbox events for publishing. After NATS lost its store, republishing from a point
 * before the loss restores the streams; consumers skip what they had already handled.
 */
@Injectable()
export class OutboxAdmin {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(MESSAGING_TRANSACTION_HOST) private readonly txHost: SqlTransactionHost,
    private readonly relay: OutboxRelay,
  ) {}

  /** Marks the events created since then unsent, in the caller's transaction; nudge() after it commits. */
  requeueSince(since: Date): Promise<number> {
    return this.txHost.tx.$executeRawUnsafe('UPDATE outbox SET sent_at = NULL WHERE created_at >= $1 AND sent_at IS NOT NULL', since);
  }

  /** Wakes the relay, e.g. once re-queued events are committed. */
  nudge(): void {
    this.relay.nudge();
  }

  backlog(): Promise<OutboxBacklog> {
    return outboxBacklog(this.pool);
  }
}

export interface OutboxBacklog {
  backlog: number;
  oldestUnsentSeconds: number;
}

export async function outboxBacklog(pool: Pool): Promise<OutboxBacklog> {
  const { rows } = await pool.query<{ backlog: number; oldest: number }>(
    `SELECT count(*)::int AS backlog, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest
       FROM outbox WHERE sent_at IS NULL`,
  );
  return { backlog: rows[0]?.backlog ?? 0, oldestUnsentSeconds: rows[0]?.oldest ?? 0 };
}
