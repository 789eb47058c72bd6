import { Inject, Injectable } from '@nestjs/common';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ReadinessCheck } from '@samverkan/platform';
import type { Pool } from 'pg';
import { JETSTREAM_MANAGER, NATS_CONNECTION, PG_POOL } from './tokens';

@Injectable()
export class NatsReadiness implements ReadinessCheck {
  readonly name = 'nats';

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
  ) {}

  async probe(): Promise<void> {
    if (this.connection.isClosed()) throw new Error('NATS connection closed');
    await this.connection.flush();
    // Answers only when JetStream is enabled and the server's store is reachable.
    await this.jsm.getAccountInfo();
  }
}

@Injectable()
export class DatabaseReadiness implements ReadinessCheck {
  readonly name = 'database';

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async probe(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}
