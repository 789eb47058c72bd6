import { Inject, Injectable } from '@nestjs/common';
import { Sql, sqltag as sql } from '@prisma/client/runtime/client';
import { eventSchemas, type EventData, type EventEnvelope, type EventType, type PublishingService } from '@samverkan/contracts';
import { ClsService } from 'nestjs-cls';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { CausationIdKey } from '../cls-keys';
import { announce } from '../commands/command-context';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { MESSAGING_TRANSACTION_HOST } from '../tokens';
import type { SqlTransactionHost } from '../sql-client';

export interface AggregateRef {
  /** e.g. `referral` */
  type: string;
  id: string;
}

/** What `withEvents` needs of a Prisma client or transaction client: raw queries. */
export interface RawQueries {
  $queryRaw<T = unknown>(query: Sql): Promise<T>;
}

/**
 * Writes events into the service's outbox table together with the change they announce: in the
 * caller's transaction (`add`), or in the very statement that makes the change (`withEvents`,
 * one round trip and no transaction). Either way the change and its events commit together or
 * not at all. The events are then published as soon as the command is done, and by the relay
 * if that fails.
 */
@Injectable()
export class Outbox {
  constructor(
    @Inject(MESSAGING_TRANSACTION_HOST) private readonly txHost: SqlTransactionHost,
    private readonly cls: ClsService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /** An event for `withEvents`; nothing is written yet. */
  envelope<T extends EventType>(type: T, aggregate: AggregateRef, data: EventData<T>): EventEnvelope<EventData<T>> {
    return {
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
  }

  /** Writes the event's outbox row in the open transaction. */
  async add<T extends EventType>(type: T, aggregate: AggregateRef, data: EventData<T>): Promise<EventEnvelope<EventData<T>>> {
    const host = this.txHost;
    if (!host.isTransactionActive()) {
      throw new Error(`outbox event ${type} must be added inside a transaction, together with the change it announces`);
    }
    const envelope = this.envelope(type, aggregate, data);
    await host.tx.$executeRawUnsafe(
      'INSERT INTO outbox (id, subject, envelope, created_at) VALUES ($1::uuid, $2, $3::jsonb, $4::timestamptz)',
      envelope.id,
      type,
      JSON.stringify(envelope),
      envelope.time,
    );
    announce([envelope]);
    return envelope;
  }

  /**
   * Runs `statement` (an INSERT, UPDATE or DELETE … RETURNING) with the outbox rows of `events`
   * in one statement: the rows are written only if the statement changed a row. Returns what it
   * returned. Outside a transaction, this is the whole atomic change in one round trip.
   */
  async withEvents<Row>(db: RawQueries, statement: Sql, events: EventEnvelope[]): Promise<Row[]> {
    const rows = await db.$queryRaw<Row[]>(sql`
      WITH changed AS (${statement}),
           announced AS (
             INSERT INTO outbox (id, subject, envelope, created_at)
             SELECT e.id, e.subject, e.envelope, e.created_at
               FROM unnest(${events.map((event) => event.id)}::uuid[], ${events.map((event) => event.type)}::text[],
                           ${events.map((event) => JSON.stringify(event))}::jsonb[], ${events.map((event) => event.time)}::timestamptz[])
                    AS e(id, subject, envelope, created_at)
              WHERE EXISTS (SELECT 1 FROM changed))
      SELECT * FROM changed`);
    if (rows.length > 0) announce(events);
    return rows;
  }
}
