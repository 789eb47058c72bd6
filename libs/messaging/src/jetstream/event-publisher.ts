import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { correlationHeader } from '@samverkan/platform';
import type { Namespace } from '../namespace';
import { ensureStream, isStreamNotFound, type StreamDefinition } from './topology';

export interface OutboxRow {
  id: string;
  subject: string;
  envelope: { correlationid?: string };
}

/** Publishes a batch of outbox rows; resolves only when JetStream acknowledged every one. */
export interface EventPublisher {
  publish(rows: OutboxRow[]): Promise<void>;
}

function isMissingStream(error: unknown): boolean {
  // A publish to a subject no stream captures comes back as "no responders", which nats.js
  // reports as JetStreamNotEnabled with the NoResponders error as its cause.
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if (isStreamNotFound(current) || current.name === 'NoResponders' || /no responders|stream not found/i.test(current.message)) return true;
  }
  return false;
}

export class JetStreamEventPublisher implements EventPublisher {
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly namespace: Namespace,
    private readonly ownStreams: StreamDefinition[],
    private readonly replicas: number,
  ) {}

  async publish(rows: OutboxRow[]): Promise<void> {
    try {
      await this.publishAll(rows);
    } catch (error) {
      if (!isMissingStream(error)) throw error;
      // NATS lost its store (or was never provisioned): restore our streams and try once more.
      for (const stream of this.ownStreams) await ensureStream(this.jsm, stream, this.namespace, this.replicas);
      await this.publishAll(rows);
    }
  }

  private async publishAll(rows: OutboxRow[]): Promise<void> {
    // One connection keeps publish order on the wire, so concurrent publishes keep stream order.
    await Promise.all(
      rows.map((row) => {
        const headers = natsHeaders();
        if (row.envelope.correlationid) headers.set(correlationHeader, row.envelope.correlationid);
        return this.js.publish(this.namespace.subject(row.subject), this.encoder.encode(JSON.stringify(row.envelope)), {
          msgID: row.id,
          headers,
          timeout: 5000,
        });
      }),
    );
  }
}
