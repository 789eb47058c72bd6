import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../tokens';
import { OutboxRelay } from './outbox-relay';

/**
 * Re-queues outbox events for publishing. After NATS lost its store, republishing from a point
 * before the loss restores the streams; consumers skip what they had already handled.
 */
@Injectable()
export class OutboxAdmin {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly relay: OutboxRelay,
  ) {}

  async republishSince(since: Date): Promise<number> {
    const result = await this.pool.query('UPDATE outbox SET sent_at = NULL WHERE created_at >= $1 AND sent_at IS NOT NULL', [since]);
    this.relay.nudge();
    return result.rowCount ?? 0;
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
