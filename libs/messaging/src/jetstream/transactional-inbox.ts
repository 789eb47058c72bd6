import type { EventEnvelope } from '@samverkan/contracts';
import { CLS_ID, type ClsService } from 'nestjs-cls';
import { CausationIdKey } from '../cls-keys';
import type { SqlTransactionHost } from '../sql-client';
import type { Inbox } from './event-consumer';

/**
 * Records handled event ids in `processed_events` in the same transaction as the handler's own
 * change. The insert is the check: a redelivered event conflicts with its own record and the
 * handler does not run again, even when two deliveries race.
 */
export class TransactionalInbox implements Inbox {
  constructor(
    private readonly txHost: SqlTransactionHost,
    private readonly cls: ClsService,
  ) {}

  runOnce(consumer: string, envelope: EventEnvelope, work: () => Promise<void>): Promise<'applied' | 'duplicate'> {
    return this.cls.run(() => {
      this.cls.set(CLS_ID, envelope.correlationid);
      this.cls.set(CausationIdKey, envelope.id);
      return this.txHost.withTransaction(async () => {
        const claimed = await this.txHost.tx.$executeRawUnsafe(
          'INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING',
          consumer,
          envelope.id,
        );
        if (claimed === 0) return 'duplicate';
        await work();
        return 'applied';
      });
    });
  }
}
