import type { JsMsg } from '@nats-io/jetstream';
import { DomainError, ErrorCode, type EventType } from '@samverkan/contracts';
import { aReferralEvent } from '@samverkan/testing';
import { Namespace } from '../namespace';
import type { DeadLetters } from './dead-letters';
import { EventConsumer, retryDelayMs, type EventHandlerFn, type Inbox, type InboxItem } from './event-consumer';
import { consumers, type ConsumerDefinition } from './topology';

const definition = consumers.learningReferralStatistics;

function aMessage(body: unknown, deliveryCount = 1) {
  const message = {
    data: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
    subject: 'referrals.events.referral.sent',
    info: { deliveryCount, stream: 'REFERRALS', streamSequence: 7 },
    ack: jest.fn(),
    nak: jest.fn(),
    term: jest.fn(),
  };
  return message;
}

function setUp(
  handler: jest.MockedFunction<EventHandlerFn> = jest.fn().mockResolvedValue(undefined),
  inboxOutcome: 'applied' | 'duplicate' = 'applied',
  declared: ConsumerDefinition = definition,
) {
  const inbox: Inbox = {
    runOnce: jest.fn(async (_consumer, _envelope, work: () => Promise<void>) => (inboxOutcome === 'applied' ? (await work(), 'applied') : 'duplicate')),
    runBatch: jest.fn(async (_consumer, items: InboxItem[]) => {
      const outcomes: Array<'applied' | 'duplicate'> = [];
      for (const item of items) outcomes.push(inboxOutcome === 'applied' ? (await item.work(), 'applied') : 'duplicate');
      return outcomes;
    }),
  };
  const deadLetters = { send: jest.fn().mockResolvedValue(undefined) };
  const handlers = new Map<EventType, EventHandlerFn>(declared.eventTypes.map((type) => [type, handler]));
  const consumer = new EventConsumer(declared, handlers, {
    js: {} as never,
    jsm: {} as never,
    namespace: new Namespace(''),
    inbox,
    deadLetters: deadLetters as unknown as DeadLetters,
  });
  return { consumer, inbox, deadLetters, handler };
}

const handle = (consumer: EventConsumer, message: ReturnType<typeof aMessage>) => consumer.handle(message as unknown as JsMsg);

describe('EventConsumer.handle', () => {
  it('acknowledges only after the handler and its inbox record committed', async () => {
    const order: string[] = [];
    const { consumer } = setUp(
      jest.fn<Promise<void>, Parameters<EventHandlerFn>>(async () => {
        order.push('handled');
      }),
    );
    const message = aMessage(aReferralEvent());
    message.ack.mockImplementation(() => order.push('acked'));

    expect(await handle(consumer, message)).toBe('applied');
    expect(order).toEqual(['handled', 'acked']);
  });

  it('acknowledges a duplicate without running the handler again', async () => {
    const { consumer, handler } = setUp(undefined, 'duplicate');
    const message = aMessage(aReferralEvent());

    expect(await handle(consumer, message)).toBe('duplicate');
    expect(handler).not.toHaveBeenCalled();
    expect(message.ack).toHaveBeenCalled();
  });

  it('dead-letters invalid JSON, an invalid envelope and invalid data at once, and terminates them', async () => {
    const event = aReferralEvent();
    const { referralId: _missing, ...withoutReferralId } = event.data;
    for (const body of [
      '{not json',
      { ...event, id: 'not-a-uuid' },
      { ...event, data: { ...event.data, referralId: 'nope' } },
      { ...event, data: withoutReferralId },
      { ...event, schemaversion: 99 },
    ]) {
      const { consumer, deadLetters, handler } = setUp();
      const message = aMessage(body);

      expect(await handle(consumer, message)).toBe('dead-lettered:invalid');
      expect(deadLetters.send).toHaveBeenCalledWith(definition.durable, message, 'invalid', expect.any(String));
      expect(message.term).toHaveBeenCalled();
      expect(message.ack).not.toHaveBeenCalled();
      expect(handler).not.toHaveBeenCalled();
    }
  });

  it('reads an event with fields and attributes it does not know, handing the handler only the known ones', async () => {
    const { consumer, handler } = setUp();
    const event = aReferralEvent();

    const outcome = await handle(consumer, aMessage({ ...event, traceparent: '00-abc', data: { ...event.data, waitingDays: 3 } }));

    expect(outcome).toBe('applied');
    expect(handler).toHaveBeenCalledWith(event.data, expect.objectContaining({ id: event.id }));
    expect(handler.mock.calls[0]?.[0]).not.toHaveProperty('waitingDays');
  });

  it('acknowledges and skips an event type it does not handle, even one it has never heard of', async () => {
    // Unknown to this reader; and known, under the filter, but not this consumer's.
    const cases: Array<[ConsumerDefinition, string]> = [
      [consumers.learningReferralStatistics, 'referrals.events.referral.vanished'],
      [consumers.referralsConsentEnded, 'cases.events.consent.recorded'],
    ];
    for (const [declared, type] of cases) {
      const { consumer, handler, deadLetters } = setUp(undefined, 'applied', declared);
      const message = aMessage({ ...aReferralEvent(), type, data: { anything: true } });

      expect(await handle(consumer, message)).toBe('ignored');
      expect(message.ack).toHaveBeenCalled();
      expect(handler).not.toHaveBeenCalled();
      expect(deadLetters.send).not.toHaveBeenCalled();
    }
  });

  it('retries a transient failure later, with a delay that grows with the deliveries', async () => {
    const { consumer, deadLetters } = setUp(jest.fn().mockRejectedValue(new Error('connection reset')));
    const message = aMessage(aReferralEvent(), 3);

    expect(await handle(consumer, message)).toBe('retry');
    expect(message.nak).toHaveBeenCalledWith(retryDelayMs(3));
    expect(retryDelayMs(3)).toBeGreaterThan(retryDelayMs(2));
    expect(deadLetters.send).not.toHaveBeenCalled();
  });

  it('dead-letters a message that failed on its last allowed attempt', async () => {
    const { consumer, deadLetters } = setUp(jest.fn().mockRejectedValue(new Error('connection reset')));
    const message = aMessage(aReferralEvent(), definition.maxAttempts);

    expect(await handle(consumer, message)).toBe('dead-lettered:exhausted');
    expect(deadLetters.send).toHaveBeenCalledWith(definition.durable, message, 'exhausted', 'Error: connection reset');
    expect(message.term).toHaveBeenCalled();
  });

  it('dead-letters a message the domain rejects for good, without retrying', async () => {
    const { consumer } = setUp(jest.fn().mockRejectedValue(new DomainError(ErrorCode.IllegalTransition, 'cannot')));
    const message = aMessage(aReferralEvent());

    expect(await handle(consumer, message)).toBe('dead-lettered:rejected');
    expect(message.nak).not.toHaveBeenCalled();
  });

  it('keeps a message it could not dead-letter, so nothing is lost', async () => {
    const { consumer, deadLetters } = setUp();
    deadLetters.send.mockRejectedValue(new Error('NATS unavailable'));
    const message = aMessage('{not json');

    expect(await handle(consumer, message)).toBe('retry');
    expect(message.nak).toHaveBeenCalled();
    expect(message.term).not.toHaveBeenCalled();
  });
});

describe('EventConsumer.handleBatch', () => {
  it('applies the ready events of a batch in one inbox transaction and settles the rest on their own', async () => {
    const { consumer, inbox, deadLetters, handler } = setUp();
    const ready = [aMessage(aReferralEvent()), aMessage(aReferralEvent()), aMessage(aReferralEvent())];
    const invalid = aMessage('{not json');
    const unhandled = aMessage({ ...aReferralEvent(), type: 'referrals.events.referral.vanished' });

    const outcomes = await consumer.handleBatch([ready[0], invalid, ready[1], unhandled, ready[2]] as unknown as JsMsg[]);

    expect(inbox.runBatch).toHaveBeenCalledTimes(1);
    expect((inbox.runBatch as jest.Mock).mock.calls[0]?.[1]).toHaveLength(3);
    expect(inbox.runOnce).not.toHaveBeenCalled();
    expect(handler).toHaveBeenCalledTimes(3);
    for (const message of ready) expect(message.ack).toHaveBeenCalled();
    expect(invalid.term).toHaveBeenCalled();
    expect(deadLetters.send).toHaveBeenCalledTimes(1);
    expect(unhandled.ack).toHaveBeenCalled();
    expect(outcomes.sort()).toEqual(['applied', 'applied', 'applied', 'dead-lettered:invalid', 'ignored']);
  });

  it('applies the events one by one when their batch fails, so one bad event holds up no other', async () => {
    const poisoned = aReferralEvent();
    const handler: jest.MockedFunction<EventHandlerFn> = jest.fn(async (_data, envelope) => {
      if (envelope.id === poisoned.id) throw new DomainError(ErrorCode.IllegalTransition, 'cannot');
    });
    const { consumer, inbox } = setUp(handler);
    (inbox.runBatch as jest.Mock).mockRejectedValueOnce(new DomainError(ErrorCode.IllegalTransition, 'cannot'));
    const healthy = aMessage(aReferralEvent());
    const bad = aMessage(poisoned);

    const outcomes = await consumer.handleBatch([healthy, bad] as unknown as JsMsg[]);

    expect(inbox.runOnce).toHaveBeenCalledTimes(2);
    expect(healthy.ack).toHaveBeenCalled();
    expect(bad.term).toHaveBeenCalled();
    expect(outcomes).toEqual(['applied', 'dead-lettered:rejected']);
  });
});

describe('Namespace', () => {
  it('prefixes subjects, streams and queue groups, and strips the prefix again', () => {
    const namespace = new Namespace('t-run1');

    expect(namespace.subject('referrals.events.referral.sent')).toBe('t-run1.referrals.events.referral.sent');
    expect(namespace.localSubject('t-run1.referrals.events.referral.sent')).toBe('referrals.events.referral.sent');
    expect(namespace.stream('REFERRALS')).toBe('T_RUN1_REFERRALS');
    expect(namespace.queue('referrals')).toBe('t-run1-referrals');
  });

  it('leaves every name as declared when empty', () => {
    const namespace = new Namespace('');

    expect([namespace.subject('a.b'), namespace.stream('REFERRALS'), namespace.queue('cases')]).toEqual(['a.b', 'REFERRALS', 'cases']);
  });
});
