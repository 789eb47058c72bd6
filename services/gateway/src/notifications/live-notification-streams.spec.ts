import type { MessageEvent } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription, SubscriptionOptions } from '@nats-io/transport-node';
import { DomainError, ErrorCode, StaffRole, type NotificationView } from '@samverkan/contracts';
import { Namespace, RpcClient } from '@samverkan/messaging';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { heartbeatMs, LiveNotificationStreams } from './live-notification-streams';

/** A NATS connection that records subscriptions and lets the test publish to them. */
class FakeNats {
  readonly subscriptions = new Map<string, { callback: NonNullable<SubscriptionOptions['callback']>; unsubscribe: jest.Mock }>();

  subscribe(subject: string, options: SubscriptionOptions): Subscription {
    const unsubscribe = jest.fn(() => this.subscriptions.delete(subject));
    this.subscriptions.set(subject, { callback: options.callback as NonNullable<SubscriptionOptions['callback']>, unsubscribe });
    return { unsubscribe } as unknown as Subscription;
  }

  publish(subject: string, body: unknown): void {
    this.subscriptions.get(subject)?.callback(null, { data: new TextEncoder().encode(JSON.stringify(body)) } as Msg);
  }
}

describe('LiveNotificationStreams', () => {
  const actor = anActor({ roles: [StaffRole.Caseworker] });
  const notification = (overrides: Partial<NotificationView> = {}): NotificationView => ({
    id: randomUUID(),
    kind: 'new',
    referralId: randomUUID(),
    referralStatus: 'sent',
    overdueStep: null,
    audienceKind: 'unit',
    audienceId: actor.unitId,
    occurredAt: '2026-12-02T08:00:00.000Z',
    createdAt: '2026-12-02T08:00:00.100Z',
    read: false,
    readAt: null,
    ...overrides,
  });
  const setUp = () => {
    const nats = new FakeNats();
    const rpc = automock(RpcClient);
    let answer: (count: { unreadCount: number }) => void = () => undefined;
    let fail: (error: unknown) => void = () => undefined;
    rpc.request.mockImplementation(
      () =>
        new Promise((resolve, reject) => {
          answer = resolve as typeof answer;
          fail = reject;
        }),
    );
    const streams = new LiveNotificationStreams(nats as unknown as NatsConnection, new Namespace('ns'), rpc);
    const events: MessageEvent[] = [];
    let completed = false;
    const subscription = streams.streamFor(actor).subscribe({ next: (event) => events.push(event), complete: () => (completed = true) });
    opened.push(subscription);
    return {
      nats,
      rpc,
      streams,
      events,
      subscription,
      answer: (count: number) => answer({ unreadCount: count }),
      fail: (error: unknown) => fail(error),
      done: () => completed,
    };
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const opened: Array<{ unsubscribe(): void }> = [];

  afterEach(() => {
    for (const subscription of opened.splice(0)) subscription.unsubscribe();
    jest.useRealTimers();
  });

  it("listens on the live subjects of the actor's own audiences only", () => {
    const { nats, rpc } = setUp();

    expect([...nats.subscriptions.keys()].sort()).toEqual(
      [
        `ns.live.notifications.staff.${actor.staffId}`,
        `ns.live.notifications.unit.${actor.unitId}`,
        `ns.live.notifications.organisation_caseworkers.${actor.organisationId}`,
      ].sort(),
    );
    expect(rpc.request).toHaveBeenCalledWith('referrals.count-unread-notifications', {}, { actor });
  });

  it('sends the unread count first, then what arrived while it counted, then each notification as it comes', async () => {
    const { nats, events, answer } = setUp();
    const early = notification();
    const later = notification({ kind: 'withdrawn', audienceKind: 'organisation_caseworkers', audienceId: actor.organisationId });

    nats.publish(`ns.live.notifications.unit.${actor.unitId}`, early);
    expect(events).toEqual([]);
    answer(4);
    await settle();
    nats.publish(`ns.live.notifications.organisation_caseworkers.${actor.organisationId}`, later);

    expect(events).toEqual([
      { type: 'unread', data: { unreadCount: 4 } },
      { type: 'notification', data: early },
      { type: 'notification', data: later },
    ]);
  });

  it('drops what is not a notification, or is one for another audience than its subject', async () => {
    const { nats, events, answer } = setUp();
    answer(0);
    await settle();

    nats.publish(`ns.live.notifications.unit.${actor.unitId}`, { id: 'not a notification' });
    nats.publish(`ns.live.notifications.unit.${actor.unitId}`, notification({ audienceId: randomUUID() }));

    expect(events).toEqual([{ type: 'unread', data: { unreadCount: 0 } }]);
  });

  it('sends a heartbeat comment while quiet', async () => {
    jest.useFakeTimers();
    const { events, answer } = setUp();
    answer(0);
    await Promise.resolve();
    await Promise.resolve();

    jest.advanceTimersByTime(heartbeatMs * 2);

    expect(events.filter((event) => event.comment !== undefined)).toEqual([{ comment: 'heartbeat' }, { comment: 'heartbeat' }]);
  });

  it('stops listening when the client goes away', () => {
    const { nats, subscription } = setUp();
    const listening = [...nats.subscriptions.values()];

    subscription.unsubscribe();

    expect(nats.subscriptions.size).toBe(0);
    for (const { unsubscribe } of listening) expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('tells the client why it cannot start, and ends, when the unread count fails', async () => {
    const { events, fail, done, nats } = setUp();

    fail(new DomainError(ErrorCode.ServiceUnavailable, 'The referrals service did not answer in time'));
    await settle();

    expect(events).toEqual([{ type: 'error', data: { code: 'SERVICE_UNAVAILABLE', message: 'The referrals service did not answer in time' } }]);
    expect(done()).toBe(true);
    expect(nats.subscriptions.size).toBe(0);
  });

  it('ends every open stream when the gateway shuts down', () => {
    const { streams, done, nats } = setUp();

    streams.beforeApplicationShutdown();

    expect(done()).toBe(true);
    expect(nats.subscriptions.size).toBe(0);
  });
});
