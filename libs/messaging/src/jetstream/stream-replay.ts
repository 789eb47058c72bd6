import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { decodeEventEnvelope, type EventEnvelope } from '@samverkan/contracts';
import type { Namespace } from '../namespace';
import { isConsumerNotFound, type ReplayDefinition } from './topology';

export interface ReplayProgress {
  /** Messages under the filter when the replay began: what it will read. */
  total: number;
  read: number;
}

/** A replay consumer older than this is left from a replica that died during its replay. */
const abandonedAfterMs = 10 * 60 * 1000;

/** The replay of the same stream by another replica is still going. */
export class ReplayBusyError extends Error {
  override readonly name = 'ReplayBusyError';
}

/**
 * Reads a stream's events again, from its start or from a point in time, up to where it stood when
 * the replay began, through a consumer of its own (named in the topology, so the service's NATS
 * user may create it, and deleted at the end) that acknowledges nothing and disturbs no durable
 * consumer. Each batch goes to `apply` in stream order; a batch that fails stops the replay, and
 * replaying again is safe because what it feeds is idempotent. Envelopes that fail validation are
 * passed as null, so the caller can count them.
 */
export async function replayStream(
  deps: { js: JetStreamClient; jsm: JetStreamManager; namespace: Namespace },
  definition: ReplayDefinition,
  options: { since?: Date; batchSize?: number },
  apply: (batch: Array<EventEnvelope | null>, progress: ReplayProgress) => Promise<void>,
): Promise<ReplayProgress> {
  const stream = deps.namespace.stream(definition.stream);
  try {
    const existing = await deps.jsm.consumers.info(stream, definition.name);
    if (Date.now() - new Date(existing.created).getTime() < abandonedAfterMs) throw new ReplayBusyError(`${definition.name} is replaying already`);
    await deps.jsm.consumers.delete(stream, definition.name);
  } catch (error) {
    if (!isConsumerNotFound(error)) throw error;
  }

  await deps.jsm.consumers.add(stream, {
    name: definition.name,
    ack_policy: AckPolicy.None,
    filter_subject: deps.namespace.subject(definition.filterSubject),
    ...(options.since ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: options.since.toISOString() } : { deliver_policy: DeliverPolicy.All }),
    // Removed by the server should this replica die before it deletes it.
    inactive_threshold: nanos(abandonedAfterMs),
  });
  const decoder = new TextDecoder();
  try {
    const info = await deps.jsm.consumers.info(stream, definition.name);
    const progress: ReplayProgress = { total: info.num_pending, read: 0 };
    const consumer = await deps.js.consumers.get(stream, definition.name);
    const batchSize = options.batchSize ?? 200;
    while (progress.read < progress.total) {
      const wanted = Math.min(batchSize, progress.total - progress.read);
      const messages = await consumer.fetch({ max_messages: wanted, expires: 2000 });
      const batch: Array<EventEnvelope | null> = [];
      for await (const message of messages) {
        try {
          batch.push(decodeEventEnvelope(JSON.parse(decoder.decode(message.data))));
        } catch {
          batch.push(null);
        }
        if (batch.length === wanted) break;
      }
      // The stream lost messages since the replay began (its limits): what is left has been read.
      if (batch.length === 0) break;
      progress.read += batch.length;
      await apply(batch, { ...progress });
    }
    return progress;
  } finally {
    await deps.jsm.consumers.delete(stream, definition.name).catch(() => undefined);
  }
}
