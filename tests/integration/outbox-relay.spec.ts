import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  JetStreamEventPublisher,
  messagingMigrationsDirectory,
  Namespace,
  OutboxRelay,
  ensureStream,
  streams,
  type EventPublisher,
  type OutboxRow,
} from '@samverkan/messaging';
import { runMigrations } from '@samverkan/platform';
import type { EventEnvelope } from '@samverkan/contracts';
import { createTestDatabase, dropTestDatabase, testNamespace, testNatsUrl } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

/** Publishes for real, then dies before the relay could mark the rows sent. */
class DiesAfterPublishing implements EventPublisher {
  constructor(private readonly inner: EventPublisher) {}

  async publish(rows: OutboxRow[]): Promise<void> {
    await this.inner.publish(rows);
    throw new Error('relay died between publish and mark');
  }
}

/** Counts every row it is asked to publish, to catch a row claimed by two relays. */
class CountingPublisher implements EventPublisher {
  readonly published: string[] = [];

  constructor(private readonly inner: EventPublisher) {}

  async publish(rows: OutboxRow[]): Promise<void> {
    await this.inner.publish(rows);
    this.published.push(...rows.map((row) => row.id));
  }
}

describe('the outbox relay', () => {
  const namespace = new Namespace(testNamespace('relay'));
  const options = { batchSize: 50, pollIntervalMs: 1000, retentionHours: 24, sweepAfterMs: 1000 };
  let databaseUrl: string;
  let pool: Pool;
  let connection: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let publisher: JetStreamEventPublisher;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('relay');
    await runMigrations(databaseUrl, messagingMigrationsDirectory, 'referrals');
    pool = new Pool({ connectionString: databaseUrl });
    connection = await connect({ servers: testNatsUrl() });
    js = jetstream(connection);
    jsm = await jetstreamManager(connection);
    await ensureStream(jsm, streams.referrals, namespace, 1);
    publisher = new JetStreamEventPublisher(js, jsm, namespace, [streams.referrals], 1);
  });

  beforeEach(async () => {
    await pool.query('DELETE FROM outbox');
    await jsm.streams.purge(namespace.stream(streams.referrals.name));
  });

  afterAll(async () => {
    await jsm.streams.delete(namespace.stream(streams.referrals.name)).catch(() => undefined);
    await connection.close();
    await pool.end();
    await dropTestDatabase(databaseUrl);
  });

  async function addOutboxRows(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const id of ids) {
      const envelope = { id, type: 'referrals.events.referral.sent', correlationid: randomUUID() };
      await pool.query('INSERT INTO outbox (id, subject, envelope) VALUES ($1, $2, $3)', [id, 'referrals.events.referral.sent', JSON.stringify(envelope)]);
    }
    return ids;
  }

  const unsent = async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')).rows[0]?.n;
  const messagesInStream = async () => (await jsm.streams.info(namespace.stream(streams.referrals.name))).state.messages;

  it('publishes a row exactly once even when the relay dies between publish and mark', async () => {
    const [id] = await addOutboxRows(1);

    await expect(new OutboxRelay(pool, new DiesAfterPublishing(publisher), options).drainOnce()).rejects.toThrow('between publish and mark');
    expect(await unsent()).toBe(1);
    expect(await messagesInStream()).toBe(1);

    expect(await new OutboxRelay(pool, publisher, options).drainOnce()).toBe(1);
    expect(await unsent()).toBe(0);
    expect(await messagesInStream()).toBe(1);
    const stored = await jsm.streams.getMessage(namespace.stream(streams.referrals.name), { seq: 1 });
    expect(stored?.header.get('Nats-Msg-Id')).toBe(id);
  });

  it('lets two relays drain one outbox without ever claiming a row twice', async () => {
    const ids = await addOutboxRows(300);
    const first = new CountingPublisher(publisher);
    const second = new CountingPublisher(publisher);
    const drain = async (relay: OutboxRelay) => {
      while ((await relay.drainOnce()) > 0) {
        // keep draining until the outbox is empty
      }
    };

    await Promise.all([drain(new OutboxRelay(pool, first, options)), drain(new OutboxRelay(pool, second, options))]);

    expect([...first.published, ...second.published].sort()).toEqual([...ids].sort());
    expect(first.published.length).toBeGreaterThan(0);
    expect(second.published.length).toBeGreaterThan(0);
    expect(await messagesInStream()).toBe(300);
  });

  it('keeps the order of the outbox in the stream', async () => {
    const ids = await addOutboxRows(120);

    await new OutboxRelay(pool, publisher, { ...options, batchSize: 200 }).drainOnce();

    const stored: string[] = [];
    for (let seq = 1; seq <= 120; seq++) {
      const message = await jsm.streams.getMessage(namespace.stream(streams.referrals.name), {
        seq: (await jsm.streams.info(namespace.stream(streams.referrals.name))).state.first_seq + seq - 1,
      });
      stored.push(message?.header.get('Nats-Msg-Id') ?? '');
    }
    const created = (await pool.query<{ id: string }>('SELECT id FROM outbox ORDER BY created_at, id')).rows.map((row) => row.id);
    expect(stored).toEqual(created);
    expect(new Set(stored)).toEqual(new Set(ids));
  });

  /** Outbox rows as a command writes them, with the envelopes it hands to the relay after commit. */
  async function committedEvents(count: number): Promise<EventEnvelope[]> {
    const ids = await addOutboxRows(count);
    return (await pool.query<{ envelope: EventEnvelope }>('SELECT envelope FROM outbox WHERE id = ANY($1::uuid[]) ORDER BY created_at, id', [ids])).rows.map(
      (row) => row.envelope,
    );
  }

  it('publishes the events a command hands over once it committed, and marks their rows sent', async () => {
    const relay = new OutboxRelay(pool, publisher, options);
    const events = await committedEvents(5);

    relay.publishCommitted(events);
    await relay.stop();

    expect(await messagesInStream()).toBe(5);
    expect(await unsent()).toBe(0);
  });

  it('sweeps only rows left unsent longer than its grace, and those a command failed to publish', async () => {
    const failing: EventPublisher = { publish: () => Promise.reject(new Error('NATS away')) };
    const events = await committedEvents(2);
    const commandRelay = new OutboxRelay(pool, failing, options);
    commandRelay.publishCommitted(events);
    await commandRelay.stop();
    expect(await unsent()).toBe(2);

    const sweeper = new OutboxRelay(pool, publisher, options);
    expect(await sweeper.drainOnce(60_000)).toBe(0);
    await pool.query("UPDATE outbox SET created_at = now() - interval '2 seconds'");
    expect(await sweeper.drainOnce(options.sweepAfterMs)).toBe(2);
    expect(await messagesInStream()).toBe(2);
    expect(await unsent()).toBe(0);
  });

  it('recreates its stream when NATS lost it, and publishes', async () => {
    await jsm.streams.delete(namespace.stream(streams.referrals.name));
    await addOutboxRows(3);

    expect(await new OutboxRelay(pool, publisher, options).drainOnce()).toBe(3);
    expect(await messagesInStream()).toBe(3);
  });
});
