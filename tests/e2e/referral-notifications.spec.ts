import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { todayInSweden, type NotificationFeedView, type NotificationsMarkedReadView, type NotificationView, type ReferralView } from '@samverkan/contracts';
import { addSwedishWorkingDays } from '@samverkan/platform';
import { eventually, query, testIdentityNumber } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { consentToShare, openCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';
import { daysAgoInSweden } from '../support/dates';

interface ServerSentEvent {
  type: string;
  data: unknown;
}

/** A client of the gateway's event stream, reading it with Node's fetch as a browser's EventSource would. */
class EventStreamClient {
  readonly events: ServerSentEvent[] = [];
  readonly comments: string[] = [];
  private readonly controller = new AbortController();
  private reading?: Promise<void>;

  constructor(private readonly url: string) {}

  async open(token: string): Promise<Response> {
    const response = await fetch(this.url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: this.controller.signal });
    if (response.body) this.reading = this.read(response.body);
    return response;
  }

  of(type: string): unknown[] {
    return this.events.filter((event) => event.type === type).map((event) => event.data);
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.reading;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += value;
        for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
          this.take(buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
        }
      }
    } catch (error) {
      if (!this.controller.signal.aborted) throw error;
    }
  }

  private take(frame: string): void {
    let type = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) type = line.slice('event: '.length);
      else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
      else if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
    }
    if (data.length > 0) this.events.push({ type, data: JSON.parse(data.join('\n')) as unknown });
  }
}

/**
 * Each staff member's notification feed of referrals, on the real system: what the durable
 * consumer tells whom (new, answered, withdrawn, overdue), read marks per staff member, nothing
 * twice on redelivery, bad input refused, and the server-sent event stream.
 */
describe('referral notifications', () => {
  let system: TestSystem;
  let connection: NatsConnection;
  let sender: SignedInStaff; // Arbetsförmedlingen Örebro, caseworker
  let sendingCoordinator: SignedInStaff; // Arbetsförmedlingen, coordinator
  let counsellor: SignedInStaff; // Örebro kommun, Arbetsmarknadsenheten: caseworker of the receiving unit
  let manager: SignedInStaff; // Örebro kommun, Arbetsmarknadsenheten: unit manager
  let incomeSupport: SignedInStaff; // Örebro kommun, another unit: caseworker
  let stranger: SignedInStaff; // Hallsbergs kommun: caseworker
  let caseId: string;

  const jobs = { REFERRAL_DEADLINE_INTERVAL_MS: '200', REFERRAL_ESCALATE_AGAIN_AFTER_DAYS: '2', REFERRAL_EXPIRE_AFTER_DAYS: '5' };
  const today = todayInSweden;
  const daysAgo = daysAgoInSweden;

  beforeAll(async () => {
    system = await TestSystem.start('notifications', { services: ['actors', 'cases', 'referrals', 'gateway'], env: { referrals: jobs } });
    connection = await connect({ servers: system.natsUrl });
    const http = system.http();
    sender = await signIn(http, 'Arbetsförmedlare Örebro');
    sendingCoordinator = await signIn(http, 'Arbetsgivarkontakt Arbetsförmedlingen');
    counsellor = await signIn(http, 'Arbetsmarknadskonsulent Örebro');
    manager = await signIn(http, 'Enhetschef arbetsmarknad Örebro');
    incomeSupport = await signIn(http, 'Handläggare försörjningsstöd Örebro');
    stranger = await signIn(http, 'Handläggare försörjningsstöd Hallsberg');
    caseId = (await openCase(http, sender, testIdentityNumber('1996-06-06', 404))).id;
    await consentToShare(http, sender, caseId, counsellor.member.organisationId);
  });

  afterAll(async () => {
    await connection?.close();
    await system?.shutdown();
  });

  const send = async (toUnit: boolean) =>
    (
      await system
        .http()
        .post('/api/v1/referrals')
        .set(sender.auth)
        .send({ caseId, toOrganisationId: counsellor.member.organisationId, ...(toUnit ? { toUnitId: counsellor.member.unitId } : {}) })
        .expect(201)
    ).body as ReferralView;
  const feed = async (staff: SignedInStaff, filter: Record<string, string> = {}) =>
    (
      await system
        .http()
        .get('/api/v1/notifications')
        .query({ limit: 100, ...filter })
        .set(staff.auth)
        .expect(200)
    ).body as NotificationFeedView;
  const about = async (staff: SignedInStaff, referralId: string) => (await feed(staff)).items.filter((item) => item.referralId === referralId);
  /** The staff member's notifications of the referral, once they have come. */
  const told = (staff: SignedInStaff, referralId: string, kind: string, count = 1) =>
    eventually(async () => {
      const found = (await about(staff, referralId)).filter((item) => item.kind === kind);
      expect(found).toHaveLength(count);
      return found;
    });
  const unread = async (staff: SignedInStaff) => (await feed(staff)).unreadCount;
  const markRead = (staff: SignedInStaff, notificationId: string) => system.http().post(`/api/v1/notifications/${notificationId}/read`).set(staff.auth);
  const readMarks = async () =>
    (await query<{ count: number }>(system.databaseUrls.referrals, 'SELECT count(*)::int AS count FROM notification_reads'))[0]?.count;

  it("shows a referral sent to a unit as new and unread to that unit's staff, and to no other unit or organisation", async () => {
    const sent = await send(true);

    const [notification] = await told(counsellor, sent.id, 'new');
    expect(notification).toMatchObject({
      kind: 'new',
      referralId: sent.id,
      referralStatus: 'sent',
      overdueStep: null,
      audienceKind: 'unit',
      audienceId: counsellor.member.unitId,
      read: false,
      readAt: null,
    });
    expect(await about(manager, sent.id)).toEqual([notification]);
    for (const outsider of [incomeSupport, stranger, sender, sendingCoordinator]) expect(await about(outsider, sent.id)).toEqual([]);
  });

  it("shows a referral sent to no unit in particular to the receiving organisation's caseworkers only", async () => {
    const sent = await send(false);

    const [notification] = await told(incomeSupport, sent.id, 'new');
    expect(notification).toMatchObject({ audienceKind: 'organisation_caseworkers', audienceId: counsellor.member.organisationId });
    expect(await about(counsellor, sent.id)).toEqual([notification]);
    // The unit manager is no caseworker; the other municipality is another organisation.
    for (const outsider of [manager, stranger, sender]) expect(await about(outsider, sent.id)).toEqual([]);
  });

  it('tells the staff member who sent a referral that it was accepted, and the receivers nothing more', async () => {
    const sent = await send(true);
    await told(counsellor, sent.id, 'new');

    await system.http().post(`/api/v1/referrals/${sent.id}/accept`).set(counsellor.auth).expect(200);

    const [answered] = await told(sender, sent.id, 'answered');
    expect(answered).toMatchObject({ referralStatus: 'accepted', audienceKind: 'staff', audienceId: sender.member.id, read: false });
    expect((await about(counsellor, sent.id)).map((item) => item.kind)).toEqual(['new']);
    expect(await about(sendingCoordinator, sent.id)).toEqual([]);
  });

  it('tells the receiving unit that a referral was withdrawn', async () => {
    const sent = await send(true);

    await system.http().post(`/api/v1/referrals/${sent.id}/withdraw`).set(sender.auth).expect(200);

    const [withdrawn] = await told(counsellor, sent.id, 'withdrawn');
    expect(withdrawn).toMatchObject({ referralStatus: 'withdrawn', audienceKind: 'unit', audienceId: counsellor.member.unitId });
    expect((await about(sender, sent.id)).map((item) => item.kind)).toEqual([]);
  });

  it("escalates a missed deadline to the receiving unit's manager, then to the sending organisation's coordinators", async () => {
    const sent = await send(true);
    // More than two working days after the deadlines have passed, but not more than five: both levels are due, not the expiry.
    const bothLevels = Array.from({ length: 40 }, (_, index) => index + 1).find(
      (days) => addSwedishWorkingDays(daysAgo(days), 2) < today() && addSwedishWorkingDays(daysAgo(days), 5) >= today(),
    ) as number;
    await query(
      system.databaseUrls.referrals,
      'UPDATE referrals SET acknowledge_by = $2::date, answer_by = $2::date, deadline_check_on = $3::date WHERE id = $1',
      [sent.id, daysAgo(bothLevels), today()],
    );

    const escalated = await told(manager, sent.id, 'overdue', 2);
    expect(escalated.map((item) => [item.overdueStep, item.audienceKind, item.audienceId]).sort()).toEqual([
      ['acknowledge', 'unit_managers', counsellor.member.unitId],
      ['answer', 'unit_managers', counsellor.member.unitId],
    ]);
    const secondLevel = await told(sendingCoordinator, sent.id, 'overdue', 2);
    expect(secondLevel.map((item) => [item.overdueStep, item.audienceKind, item.audienceId]).sort()).toEqual([
      ['acknowledge', 'organisation_coordinators', sender.member.organisationId],
      ['answer', 'organisation_coordinators', sender.member.organisationId],
    ]);
    // The unit's caseworker was told of the referral, not of its escalation.
    expect((await about(counsellor, sent.id)).map((item) => item.kind)).toEqual(['new']);
  });

  it('marks one notification read for the staff member who read it, and everything with read-all, leaving others unread', async () => {
    const first = await send(true);
    const second = await send(true);
    const [notification] = await told(counsellor, first.id, 'new');
    await told(counsellor, second.id, 'new');
    await told(manager, second.id, 'new');
    const counsellorUnread = await unread(counsellor);
    const managerUnread = await unread(manager);

    const marked = (await markRead(counsellor, (notification as NotificationView).id).expect(200)).body as NotificationView;
    const again = (await markRead(counsellor, (notification as NotificationView).id).expect(200)).body as NotificationView;

    expect(marked).toMatchObject({ id: notification?.id, read: true, readAt: expect.any(String) });
    expect(again.readAt).toBe(marked.readAt);
    expect(await unread(counsellor)).toBe(counsellorUnread - 1);
    expect((await about(counsellor, first.id))[0]).toMatchObject({ read: true, readAt: marked.readAt });
    expect((await feed(counsellor, { unread: 'true' })).items.map((item) => item.referralId)).not.toContain(first.id);
    expect((await feed(counsellor, { unread: 'false' })).items.map((item) => item.referralId)).toContain(first.id);
    // The same notification, for the whole unit, is still unread for the unit's manager.
    expect(await unread(manager)).toBe(managerUnread);
    expect((await about(manager, first.id))[0]).toMatchObject({ read: false, readAt: null });

    const all = (await system.http().post('/api/v1/notifications/read-all').set(counsellor.auth).expect(200)).body as NotificationsMarkedReadView;

    expect(all).toEqual({ marked: counsellorUnread - 1, unreadCount: 0 });
    expect(await unread(counsellor)).toBe(0);
    expect((await feed(counsellor, { unread: 'true' })).items).toEqual([]);
    expect(await unread(manager)).toBe(managerUnread);
  });

  it("refuses to mark another's notification, an unknown one or a malformed id, writing nothing", async () => {
    const sent = await send(true);
    const [notification] = await told(counsellor, sent.id, 'new');
    const before = await readMarks();

    for (const [staff, id] of [
      [stranger, notification?.id],
      [incomeSupport, notification?.id],
      [counsellor, randomUUID()],
    ] as const) {
      const refused = await markRead(staff, id as string).expect(404);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 404, code: 'NOTIFICATION_NOT_FOUND', errors: [{ field: 'notificationId' }] });
    }
    const malformed = await markRead(counsellor, 'not-a-uuid').expect(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'notificationId' }] });
    const badFilter = await system.http().get('/api/v1/notifications').query({ unread: 'yes' }).set(counsellor.auth).expect(400);
    expect(badFilter.body).toMatchObject({ errors: [expect.objectContaining({ field: 'unread' })] });
    const badCursor = await system.http().get('/api/v1/notifications').query({ after: 'not-a-cursor' }).set(counsellor.auth).expect(400);
    expect(badCursor.body).toMatchObject({ errors: [expect.objectContaining({ field: 'after' })] });
    await system.http().get('/api/v1/notifications').expect(401);

    expect(await readMarks()).toBe(before);
    expect((await about(stranger, sent.id)).length).toBe(0);
  });

  it('pages the feed newest first without repeating or skipping a notification', async () => {
    const before = (await feed(counsellor)).items.length;
    for (let index = 0; index < 4; index++) await send(true);
    await eventually(async () => expect((await feed(counsellor)).items.length).toBe(before + 4));
    const whole = (await feed(counsellor)).items.map((item) => item.id);

    const paged: string[] = [];
    for (let after: string | null | undefined; after !== null;) {
      const page = (
        await system
          .http()
          .get('/api/v1/notifications')
          .query({ limit: 3, ...(after ? { after } : {}) })
          .set(counsellor.auth)
          .expect(200)
      ).body as NotificationFeedView;
      paged.push(...page.items.map((item) => item.id));
      after = page.nextCursor;
    }

    expect(paged).toEqual(whole);
    const times = (await feed(counsellor)).items.map((item) => item.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('tells an audience of an event once, however often the event comes again', async () => {
    const sent = await send(true);
    await told(counsellor, sent.id, 'new');
    const [outboxRow] = await query<{ envelope: { id: string } }>(
      system.databaseUrls.referrals,
      "SELECT envelope FROM outbox WHERE subject = 'referrals.events.referral.sent' AND envelope->>'subject' = $1",
      [`referral/${sent.id}`],
    );
    const envelope = outboxRow?.envelope as { id: string };
    const jsm = await system.jetstreamManager();
    const redeliver = async () => {
      // Another message id, so JetStream does not drop it as a duplicate: the consumer sees the event again.
      const ack = await jetstream(connection).publish(system.subject('referrals.events.referral.sent'), JSON.stringify(envelope), { msgID: randomUUID() });
      await eventually(async () =>
        expect((await jsm.consumers.info(system.stream('REFERRALS'), 'referrals-notifications')).ack_floor.stream_seq).toBeGreaterThanOrEqual(ack.seq),
      );
    };

    // Once caught by the consumer's record of handled events, once (that record gone) by the notifications' own key.
    await redeliver();
    await query(system.databaseUrls.referrals, "DELETE FROM processed_events WHERE consumer = 'referrals-notifications' AND event_id = $1", [envelope.id]);
    await redeliver();

    const rows = await query<{ count: number }>(system.databaseUrls.referrals, 'SELECT count(*)::int AS count FROM notifications WHERE event_id = $1', [
      envelope.id,
    ]);
    expect(rows).toEqual([{ count: 1 }]);
    expect(await about(counsellor, sent.id)).toHaveLength(1);
  });

  describe('the event stream', () => {
    const streamUrl = () => `http://127.0.0.1:${(system.app('gateway').getHttpServer().address() as AddressInfo).port}/api/v1/notifications/stream`;
    const clients: EventStreamClient[] = [];
    const openStream = async (staff: SignedInStaff) => {
      const client = new EventStreamClient(streamUrl());
      clients.push(client);
      const response = await client.open(staff.token);
      return { client, response };
    };

    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    });

    it('sends the unread count, then a notification for a referral sent after connecting, to its audience only', async () => {
      const { client, response } = await openStream(counsellor);
      const { client: otherUnit } = await openStream(incomeSupport);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await eventually(() => expect(client.of('unread')).toEqual([{ unreadCount: expect.any(Number) }]));
      await eventually(() => expect(otherUnit.of('unread')).toHaveLength(1));
      expect(client.events[0]?.type).toBe('unread');

      const sent = await send(true);

      const [live] = (await eventually(() => {
        const found = client.of('notification').filter((data) => (data as NotificationView).referralId === sent.id);
        expect(found).toHaveLength(1);
        return found;
      })) as NotificationView[];
      expect(live).toMatchObject({ kind: 'new', referralStatus: 'sent', audienceKind: 'unit', audienceId: counsellor.member.unitId, read: false });
      expect((await about(counsellor, sent.id)).map((item) => item.id)).toEqual([live?.id]);
      // A referral to the counsellor's unit is not the organisation's caseworkers' business.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(otherUnit.of('notification').filter((data) => (data as NotificationView).referralId === sent.id)).toEqual([]);
    });

    it('is described in the OpenAPI document, with the feed and the read marks', async () => {
      const document = (await system.http().get('/api/v1/openapi.json').expect(200)).body as {
        paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
      };

      expect(Object.keys(document.paths['/api/v1/notifications/stream']?.['get']?.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
      expect(document.paths['/api/v1/notifications']?.['get']).toBeDefined();
      expect(document.paths['/api/v1/notifications/read-all']?.['post']).toBeDefined();
      expect(document.paths['/api/v1/notifications/{notificationId}/read']?.['post']).toBeDefined();
    });

    it('refuses a client without a valid token with a problem, not a stream', async () => {
      const response = await fetch(streamUrl(), { headers: { accept: 'text/event-stream' } });

      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
});
