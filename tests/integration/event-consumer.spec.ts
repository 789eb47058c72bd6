import type { INestApplication } from '@nestjs/common';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { EventType } from '@samverkan/contracts';
import { DeadLetterHeader, consumers, deadLetterStream, ensureStream, streams } from '@samverkan/messaging';
import { aReferralEvent, eventually, query, testNatsUrl } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { createLearningApp, loadLearningConfig } from '@samverkan/learning-service';
import request from 'supertest';
import { TestSystem } from '../support/system';

/**
 * The learning service's durable consumer, on real NATS and PostgreSQL: events reach it straight
 * from the test, as the referrals relay would publish them.
 */
describe('an idempotent JetStream consumer (learning ← referrals)', () => {
  let system: TestSystem;
  let connection: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  const durable = consumers.learningReferralStatistics.durable;

  beforeAll(async () => {
    system = await TestSystem.start('consumer', { services: ['learning'] });
    connection = await connect({ servers: testNatsUrl() });
    js = jetstream(connection);
    jsm = await system.jetstreamManager();
    const namespace = { stream: (name: string) => system.stream(name), subject: (subject: string) => system.subject(subject) };
    await ensureStream(jsm, streams.referrals, namespace as never, 1);
  });

  afterAll(async () => {
    await connection?.close();
    await system?.shutdown();
  });

  async function publish(event: unknown, type: string, messageId = randomUUID()): Promise<void> {
    await js.publish(system.subject(type), JSON.stringify(event), { msgID: messageId });
  }

  const facts = (referralId: string) =>
    query<{ status: string; version: number }>(system.databaseUrls.learning, 'SELECT status, version FROM referral_facts WHERE referral_id = $1', [referralId]);
  const handled = (eventId: string) =>
    query(system.databaseUrls.learning, 'SELECT 1 FROM processed_events WHERE consumer = $1 AND event_id = $2', [durable, eventId]);

  async function deadLetter(): Promise<{ headers: Record<string, string>; body: string } | undefined> {
    const subject = system.subject(`deadletter.learning.${durable}`);
    const message = await jsm.streams.getMessage(system.stream(deadLetterStream.name), { last_by_subj: subject }).catch(() => null);
    if (!message) return undefined;
    const headers = Object.fromEntries(Object.values(DeadLetterHeader).map((key) => [key, message.header.get(key)]));
    return { headers, body: message.string() };
  }

  /** How often the learning consumer handled events of `type` with `outcome`, from its metrics. */
  async function handledCount(type: string, outcome: 'applied' | 'duplicate' | 'ignored', app: INestApplication = system.app('learning')): Promise<number> {
    const metrics = (await request(app.getHttpServer()).get('/metrics')).text;
    const line = metrics
      .split('\n')
      .find((candidate) => candidate.startsWith('events_handled_total{') && candidate.includes(`type="${type}"`) && candidate.includes(`outcome="${outcome}"`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  it('runs the handler of a duplicate delivery only once', async () => {
    const before = { applied: await handledCount(EventType.ReferralSent, 'applied'), duplicate: await handledCount(EventType.ReferralSent, 'duplicate') };
    const sent = aReferralEvent(EventType.ReferralSent);
    await publish(sent, sent.type);
    await eventually(async () => expect(await facts(sent.data.referralId)).toEqual([{ status: 'sent', version: 1 }]));

    // The same event again under another message id, so JetStream's de-duplication lets it through.
    await publish(sent, sent.type);
    const marker = aReferralEvent(EventType.ReferralSent);
    await publish(marker, marker.type);

    await eventually(async () => expect(await facts(marker.data.referralId)).toHaveLength(1));
    // The projection would shrug off a repeat by itself (same version); the inbox is what keeps the
    // handler from running twice, which a handler with effects of its own relies on.
    expect(await handledCount(EventType.ReferralSent, 'applied')).toBe(before.applied + 2);
    expect(await handledCount(EventType.ReferralSent, 'duplicate')).toBe(before.duplicate + 1);
    expect(await facts(sent.data.referralId)).toEqual([{ status: 'sent', version: 1 }]);
    expect(await handled(sent.id)).toHaveLength(1);
  });

  it('converges when events arrive out of order: an older version never overwrites a newer one', async () => {
    const referralId = randomUUID();
    const accepted = aReferralEvent(EventType.ReferralAccepted, { referralId, status: 'accepted', version: 2 });
    const sent = aReferralEvent(EventType.ReferralSent, { referralId, status: 'sent', version: 1 });

    // The newer event is applied first, for certain, before the older one arrives.
    await publish(accepted, accepted.type);
    await eventually(async () => expect(await handled(accepted.id)).toHaveLength(1));
    await publish(sent, sent.type);
    await eventually(async () => expect(await handled(sent.id)).toHaveLength(1));

    expect(await facts(referralId)).toEqual([{ status: 'accepted', version: 2 }]);
  });

  it('reads an event that gained a field during a rolling deploy, and skips a type it does not handle', async () => {
    const before = await handledCount('referrals.events.referral.reopened', 'ignored');
    const newer = aReferralEvent(EventType.ReferralSent);
    const withNewField = { ...newer, data: { ...newer.data, expectedStartDate: '2026-12-01' } };
    const newType = { ...aReferralEvent(EventType.ReferralSent), type: 'referrals.events.referral.reopened' };

    await publish(newType, newType.type);
    await publish(withNewField, withNewField.type);

    await eventually(async () => expect(await facts(newer.data.referralId)).toEqual([{ status: 'sent', version: 1 }]));
    await eventually(async () => expect(await handledCount('referrals.events.referral.reopened', 'ignored')).toBe(before + 1));
    expect((await deadLetter())?.body ?? '').not.toContain(newer.id);
    expect((await deadLetter())?.body ?? '').not.toContain(newType.id);
  });

  it('dead-letters an invalid message at once instead of retrying it', async () => {
    const invalid = aReferralEvent(EventType.ReferralSent, { municipalityCode: '9999' as never });
    await publish(invalid, invalid.type);

    const letter = await eventually(async () => {
      const found = await deadLetter();
      expect(found?.body).toContain(invalid.id);
      return found;
    });

    expect(letter?.headers).toMatchObject({
      [DeadLetterHeader.Reason]: 'invalid',
      [DeadLetterHeader.Deliveries]: '1',
      [DeadLetterHeader.OriginalSubject]: 'referrals.events.referral.sent',
      [DeadLetterHeader.Consumer]: durable,
    });
    expect(letter?.headers[DeadLetterHeader.Error]).toContain('municipalityCode');
    expect(await facts(invalid.data.referralId)).toEqual([]);
  });

  it('shares its durable consumer between replicas: every event is applied once, by one of them', async () => {
    const appliedBy = async (app: INestApplication) => {
      const metrics = (await request(app.getHttpServer()).get('/metrics')).text;
      return [...metrics.matchAll(/^events_handled_total\{[^}]*outcome="applied"[^}]*\} (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
    };
    const first = system.app('learning');
    const second = await createLearningApp(loadLearningConfig({ ...system.env('learning'), SERVICE_INSTANCE: 'learning-second' }));
    try {
      const before = await appliedBy(first);
      const events = Array.from({ length: 60 }, () => aReferralEvent(EventType.ReferralSent));
      for (const event of events) await publish(event, event.type);

      await eventually(async () => {
        const handled = await query<{ n: number }>(
          system.databaseUrls.learning,
          'SELECT count(*)::int AS n FROM processed_events WHERE event_id = ANY($1::uuid[])',
          [events.map((event) => event.id)],
        );
        expect(handled).toEqual([{ n: 60 }]);
      });
      const byFirst = (await appliedBy(first)) - before;
      const bySecond = await appliedBy(second);
      expect(byFirst + bySecond).toBe(60);
      expect(byFirst).toBeGreaterThan(0);
      expect(bySecond).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it('retries a failing message with growing delays and dead-letters it after the bounded deliveries, without blocking others', async () => {
    const poisoned = aReferralEvent(EventType.ReferralSent);
    // A failure retrying cannot fix, raised by the database for this one referral.
    await query(
      system.databaseUrls.learning,
      `CREATE OR REPLACE FUNCTION refuse_poisoned() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.referral_id = '${poisoned.data.referralId}' THEN RAISE EXCEPTION 'poisoned referral'; END IF; RETURN NEW; END $$;
       CREATE TRIGGER refuse_poisoned BEFORE INSERT ON referral_facts FOR EACH ROW EXECUTE FUNCTION refuse_poisoned();`,
    );
    const healthy = aReferralEvent(EventType.ReferralSent);

    await publish(poisoned, poisoned.type);
    await publish(healthy, healthy.type);

    await eventually(async () => expect(await facts(healthy.data.referralId)).toHaveLength(1), { timeoutMs: 5000 });
    const letter = await eventually(
      async () => {
        const found = await deadLetter();
        expect(found?.body).toContain(poisoned.id);
        return found;
      },
      { timeoutMs: 30_000 },
    );
    expect(letter?.headers).toMatchObject({
      [DeadLetterHeader.Reason]: 'exhausted',
      [DeadLetterHeader.Deliveries]: String(consumers.learningReferralStatistics.maxAttempts),
    });
    expect(letter?.headers[DeadLetterHeader.Error]).toContain('poisoned referral');
    expect(await handled(poisoned.id)).toEqual([]);
    await eventually(async () => {
      const consumer = await jsm.consumers.info(system.stream(streams.referrals.name), durable);
      expect(consumer.num_ack_pending + consumer.num_pending).toBe(0);
    });
  });
});
