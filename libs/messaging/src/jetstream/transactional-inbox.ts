import type { EventEnvelope } from '@samverkan/contracts';
import { CLS_ID, type ClsService } from 'nestjs-cls';
import { CausationIdKey } from '../cls-keys';
import { collectingTransactionEvents } from '../commands/command-context';
import type { SqlTransactionHost } from '../sql-client';
import type { Inbox, InboxItem, InboxOutcome } from './event-consumer';

/**
 * Records handled event ids in `processed_events` in the same transaction as the handlers' own
 * changes. The insert is the check: a redelivered event conflicts with its own record and its
 * handler does not run again, even when two deliveries race. Each handler runs in the CLS
 * context of its event (correlation id, causation id).
 */
export class TransactionalInbox implements Inbox {
  constructor(
    private readonly txHost: SqlTransactionHost,
    private readonly cls: ClsService,
  ) {}

  async runOnce(consumer: string, envelope: EventEnvelope, work: () => Promise<void>): Promise<InboxOutcome> {
    const [outcome] = await this.runBatch(consumer, [{ envelope, work }]);
    return outcome ?? 'duplicate';
  }

  runBatch(consumer: string, items: InboxItem[]): Promise<InboxOutcome[]> {
    return this.cls.run(() =>
      collectingTransactionEvents(
        (work) => this.txHost.withTransaction(work),
        async () => {
          const claimed = await this.txHost.tx.$queryRawUnsafe<Array<{ event_id: string }>>(
            'INSERT INTO processed_events (consumer, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id',
            consumer,
            items.map((item) => item.envelope.id),
          );
          const fresh = new Set(claimed.map((row) => row.event_id));
          const outcomes: InboxOutcome[] = [];
          for (const { envelope, work } of items) {
            // delete: an event twice in one batch is applied once.
            if (!fresh.delete(envelope.id)) {
              outcomes.push('duplicate');
              continue;
            }
            await this.cls.run(() => {
              this.cls.set(CLS_ID, envelope.correlationid);
              this.cls.set(CausationIdKey, envelope.id);
              return work();
            });
            outcomes.push('applied');
          }
          return outcomes;
        },
      ),
    );
  }
}
