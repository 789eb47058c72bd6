import { Inject, Injectable } from '@nestjs/common';
import { eventSchemas, type EventData, type EventEnvelope, type EventType, type PublishingService } from '@samverkan/contracts';
import { ClsService } from 'nestjs-cls';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { CausationIdKey } from '../cls-keys';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { MESSAGING_TRANSACTION_HOST } from '../tokens';
import type { SqlTransactionHost } from '../sql-client';

export interface AggregateRef {
  /** e.g. `referral` */
  type: string;
  id: string;
}

/**
 * Writes events into the service's outbox table inside the caller's transaction: the business
 * change and its events commit together or not at all. The relay publishes them after commit.
 */
@Injectable()
export class Outbox {
  constructor(
    @Inject(MESSAGING_TRANSACTION_HOST) private readonly txHost: SqlTransactionHost,
    private readonly cls: ClsService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async add<T extends EventType>(type: T, aggregate: AggregateRef, data: EventData<T>): Promise<EventEnvelope<EventData<T>>> {
    const host = this.txHost;
    if (!host.isTransactionActive()) {
      throw new Error(`outbox event ${type} must be added inside a transaction, together with the change it announces`);
    }
    const envelope: EventEnvelope<EventData<T>> = {
      specversion: '1.0',
      id: uuidv7(),
      source: `/samverkan/${this.options.service as PublishingService}`,
      type,
      subject: `${aggregate.type}/${aggregate.id}`,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      schemaversion: eventSchemas[type].version,
      correlationid: (this.cls.isActive() ? this.cls.getId() : undefined) ?? randomUUID(),
      causationid: (this.cls.isActive() ? this.cls.get<string | undefined>(CausationIdKey) : undefined) ?? null,
      data,
    };
    await host.tx.$executeRawUnsafe(
      'INSERT INTO outbox (id, subject, envelope, created_at) VALUES ($1::uuid, $2, $3::jsonb, $4::timestamptz)',
      envelope.id,
      type,
      JSON.stringify(envelope),
      envelope.time,
    );
    return envelope;
  }
}
