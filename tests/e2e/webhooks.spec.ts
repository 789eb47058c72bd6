import type { CreatedWebhookView, Page, ReferralView, WebhookDeliveryView, WebhookView } from '@samverkan/contracts';
import { eventually, query, testIdentityNumber } from '@samverkan/testing';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { referredCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

const sent = 'referrals.events.referral.sent';
const accepted = 'referrals.events.referral.accepted';
const declined = 'referrals.events.referral.declined';

/** A request a receiver got, as it came over the wire. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Unix seconds, by the receiver's clock. */
  receivedAt: number;
}

type Answer = { status: number; headers?: Record<string, string> };

/** Organisations' own systems: one local HTTP server, a path per webhook, each answering as its test says. */
class Receivers {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, (request: Received) => Promise<Answer> | Answer>();
  private server?: Server;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = {
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Math.floor(Date.now() / 1000),
        };
        this.received.push(received);
        void Promise.resolve(this.answers.get(received.path)?.(received) ?? { status: 404 }).then((answer) => {
          response.writeHead(answer.status, answer.headers).end('{"detail":"body the sender must never store"}');
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}${path}`;
  }

  answer(path: string, how: (request: Received) => Promise<Answer> | Answer): void {
    this.answers.set(path, how);
  }

  at(path: string): Received[] {
    return this.received.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/**
 * What a receiving system does, written here from the documented scheme rather than with the
 * service's code: HMAC-SHA256 of "<t>.<raw body>" keyed with the secret, compared in constant
 * time, and a `t` within five minutes of its own clock.
 */
function signatureHolds(request: Received, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers['samverkan-signature'] ?? ''));
  if (!match) return false;
  const [, timestamp, signature] = match as unknown as [string, string, string];
  if (Math.abs(request.receivedAt - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/**
 * Webhooks per organisation through the real services: events of the referral flow reach the
 * subscribed webhooks of the referral's two organisations, signed, retried with backoff until
 * a 2xx, and logged; nothing reaches other organisations or other event types; bad webhooks and
 * other organisations are refused, writing nothing.
 */
describe('webhooks per organisation', () => {
  let system: TestSystem;
  const receivers = new Receivers();
  let sender: SignedInStaff; // Arbetsförmedlingen Örebro, caseworker
  let senderAdministrator: SignedInStaff; // Arbetsförmedlingen, coordinator and administrator
  let receiver: SignedInStaff; // Örebro kommun, caseworker
  let receiverAdministrator: SignedInStaff; // Örebro kommun, unit manager and administrator
  let bystander: SignedInStaff; // Försäkringskassan, coordinator

  beforeAll(async () => {
    await receivers.start();
    system = await TestSystem.start('webhooks', {
      services: ['actors', 'cases', 'referrals', 'gateway'],
      env: {
        referrals: {
          WEBHOOK_BACKOFF_BASE_MS: '100',
          WEBHOOK_BACKOFF_CAP_MS: '400',
          WEBHOOK_MAX_ATTEMPTS: '4',
          WEBHOOK_TIMEOUT_MS: '3000',
          WEBHOOK_DELIVERY_INTERVAL_MS: '100',
        },
      },
    });
    const http = system.http();
    sender = await signIn(http, 'Arbetsförmedlare Örebro');
    senderAdministrator = await signIn(http, 'Arbetsgivarkontakt Arbetsförmedlingen');
    receiver = await signIn(http, 'Handläggare försörjningsstöd Örebro');
    receiverAdministrator = await signIn(http, 'Enhetschef arbetsmarknad Örebro');
    bystander = await signIn(http, 'Samordnare samordnad rehabilitering');
  });

  afterAll(async () => {
    await system?.shutdown();
    await receivers.stop();
  });

  const webhooksOf = (staff: SignedInStaff) => `/api/v1/organisations/${staff.member.organisationId}/webhooks`;

  async function createWebhook(staff: SignedInStaff, path: string, eventTypes: string[]): Promise<CreatedWebhookView> {
    const response = await system
      .http()
      .post(webhooksOf(staff))
      .set(staff.auth)
      .send({ url: receivers.url(path), eventTypes, description: path })
      .expect(201);
    return response.body as CreatedWebhookView;
  }

  async function deliveries(staff: SignedInStaff, webhookId: string, query: Record<string, string | number> = {}): Promise<Page<WebhookDeliveryView>> {
    const response = await system
      .http()
      .get(`${webhooksOf(staff)}/${webhookId}/deliveries`)
      .query(query)
      .set(staff.auth)
      .expect(200);
    return response.body as Page<WebhookDeliveryView>;
  }

  async function accept(referral: ReferralView): Promise<void> {
    await system.http().post(`/api/v1/referrals/${referral.id}/accept`).set(receiver.auth).expect(200);
  }

  const webhookRows = async () =>
    query<{ webhooks: number; keys: number }>(
      system.databaseUrls.referrals,
      'SELECT (SELECT count(*) FROM webhook_subscriptions)::int AS webhooks, (SELECT count(*) FROM idempotency_keys)::int AS keys',
    );

  it("documents the routes in the OpenAPI document, with the contracts' rules and no secret outside the create answer", async () => {
    const document = (await system.http().get('/api/v1/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    };
    const base = '/api/v1/organisations/{organisationId}/webhooks';

    expect(Object.keys(document.paths[base] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths[`${base}/{webhookId}`] ?? {}).sort()).toEqual(['delete', 'get']);
    expect(Object.keys(document.paths[`${base}/{webhookId}/deliveries`] ?? {})).toEqual(['get']);
    expect(document.components.schemas['CreateWebhookBody']).toMatchObject({
      required: expect.arrayContaining(['url', 'eventTypes']),
      properties: {
        url: { type: 'string', format: 'uri', maxLength: 2000 },
        eventTypes: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: expect.arrayContaining([sent, accepted, declined]) } },
        description: { maxLength: 200 },
      },
    });
    expect(document.components.schemas['CreatedWebhookView']?.properties).toHaveProperty('secret');
    expect(document.components.schemas['WebhookView']?.properties).not.toHaveProperty('secret');
    expect(document.components.schemas['WebhookDeliveryView']?.properties).toHaveProperty('lastStatusCode');
  });

  describe('bad webhooks', () => {
    const valid = () => ({ url: receivers.url('/valid'), eventTypes: [sent] });
    type Case = [description: string, body: () => Record<string, unknown>, field: string];
    const cases: Case[] = [
      ['plain http to another host', () => ({ ...valid(), url: 'http://system.example.se/hooks' }), 'url'],
      ['credentials in the URL', () => ({ ...valid(), url: 'https://samverkan:hemligt@system.example.se/hooks' }), 'url'],
      ['a URL without a scheme', () => ({ ...valid(), url: 'system.example.se/hooks' }), 'url'],
      ['another scheme', () => ({ ...valid(), url: 'ftp://system.example.se/hooks' }), 'url'],
      ['a URL longer than 2000 characters', () => ({ ...valid(), url: `https://system.example.se/${'a'.repeat(2000)}` }), 'url'],
      ['spaces in the URL', () => ({ ...valid(), url: 'https://system.example.se/my hooks' }), 'url'],
      ['an unknown event type', () => ({ ...valid(), eventTypes: ['referrals.events.referral.teleported'] }), 'eventTypes'],
      ["another service's event type", () => ({ ...valid(), eventTypes: ['cases.events.case.opened'] }), 'eventTypes'],
      ['no event types', () => ({ ...valid(), eventTypes: [] }), 'eventTypes'],
      ['an event type twice', () => ({ ...valid(), eventTypes: [sent, sent] }), 'eventTypes'],
      ['event types left out', () => ({ url: receivers.url('/valid') }), 'eventTypes'],
      ['a description over 200 characters', () => ({ ...valid(), description: 'x'.repeat(201) }), 'description'],
      ['a secret of its own', () => ({ ...valid(), secret: 'whsec_mine' }), 'secret'],
    ];

    it.each(cases)('answers %s with 400 problem+json naming the field, and writes nothing', async (_description, body, field) => {
      const before = await webhookRows();

      const response = await system
        .http()
        .post(webhooksOf(receiverAdministrator))
        .set(receiverAdministrator.auth)
        .set('idempotency-key', `bad-${field}`)
        .send(body());

      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: expect.arrayContaining([expect.objectContaining({ field })]) });
      expect(await webhookRows()).toEqual(before);
    });

    it('answers an organisation id that is not a UUID with 400 naming it', async () => {
      const response = await system.http().get('/api/v1/organisations/not-an-id/webhooks').set(receiverAdministrator.auth).expect(400);

      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'organisationId' })] });
    });
  });

  describe('who manages webhooks', () => {
    let own: CreatedWebhookView;

    beforeAll(async () => {
      own = await createWebhook(receiverAdministrator, '/managed', [declined]);
    });

    it("refuses another organisation's administrator everything about the organisation's webhooks (403), writing nothing", async () => {
      const before = await webhookRows();
      const http = system.http();
      const base = webhooksOf(receiverAdministrator);

      const refusals = [
        await http
          .post(base)
          .set(senderAdministrator.auth)
          .send({ url: receivers.url('/intruder'), eventTypes: [sent] }),
        await http.get(base).set(senderAdministrator.auth),
        await http.get(`${base}/${own.id}`).set(senderAdministrator.auth),
        await http.get(`${base}/${own.id}/deliveries`).set(senderAdministrator.auth),
        await http.delete(`${base}/${own.id}`).set(senderAdministrator.auth),
      ];

      for (const response of refusals) {
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect(await webhookRows()).toEqual(before);
      expect((await http.get(`${base}/${own.id}`).set(receiverAdministrator.auth).expect(200)).body).toMatchObject({ active: true });
    });

    it('refuses staff of the organisation without the administrator or coordinator role (403)', async () => {
      const before = await webhookRows();

      const response = await system
        .http()
        .post(webhooksOf(receiver))
        .set(receiver.auth)
        .send({ url: receivers.url('/caseworker'), eventTypes: [sent] })
        .expect(403);
      await system.http().get(webhooksOf(receiver)).set(receiver.auth).expect(403);

      expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
      expect(await webhookRows()).toEqual(before);
    });

    it("does not find another organisation's webhook under one's own organisation (404)", async () => {
      const response = await system
        .http()
        .get(`${webhooksOf(senderAdministrator)}/${own.id}`)
        .set(senderAdministrator.auth)
        .expect(404);

      expect(response.body).toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
    });

    it('shows the secret in the create answer only: not when read, listed or retried with the same Idempotency-Key, and never stored in clear', async () => {
      const http = system.http();
      const body = { url: receivers.url('/once'), eventTypes: [sent, accepted] };
      const first = await http
        .post(webhooksOf(receiverAdministrator))
        .set(receiverAdministrator.auth)
        .set('idempotency-key', 'create-once')
        .send(body)
        .expect(201);
      const retry = await http
        .post(webhooksOf(receiverAdministrator))
        .set(receiverAdministrator.auth)
        .set('idempotency-key', 'create-once')
        .send(body)
        .expect(201);
      const read = await http
        .get(`${webhooksOf(receiverAdministrator)}/${first.body.id}`)
        .set(receiverAdministrator.auth)
        .expect(200);
      const listed = await http.get(webhooksOf(receiverAdministrator)).set(receiverAdministrator.auth).expect(200);
      const secret = first.body.secret as string;

      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      expect(retry.body).toEqual({ ...first.body, secret: undefined });
      expect(read.body).not.toHaveProperty('secret');
      expect(JSON.stringify(listed.body)).not.toContain(secret);
      const stored = await query<{ row: string }>(
        system.databaseUrls.referrals,
        'SELECT row_to_json(s)::text AS row FROM webhook_subscriptions s WHERE id = $1',
        [first.body.id],
      );
      const recorded = await query<{ response: string }>(system.databaseUrls.referrals, 'SELECT response::text FROM idempotency_keys WHERE key = $1', [
        'create-once',
      ]);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.row).not.toContain(secret.slice('whsec_'.length));
      expect(stored[0]?.row).not.toContain(Buffer.from(secret).toString('hex'));
      expect(recorded[0]?.response).toContain(first.body.id);
      expect(recorded[0]?.response).not.toContain(secret);
      await http
        .delete(`${webhooksOf(receiverAdministrator)}/${first.body.id}`)
        .set(receiverAdministrator.auth)
        .expect(200);
    });
  });

  describe('deliveries', () => {
    it('sends the subscribed events of both organisations, signed, retrying with backoff until a 2xx, and logs each; other organisations and types get nothing', async () => {
      // Örebro kommun's system fails the first two attempts of every event. At the second attempt
      // of the first event it reads its delivery log: the first attempt's result must be there.
      const failuresPerEvent = 2;
      const attemptsByEvent = new Map<string, number>();
      const seenDuringRetry: WebhookDeliveryView[] = [];
      let lookedDuringRetry = false;
      receivers.answer('/orebro', async (request) => {
        const eventId = String(request.headers['samverkan-event-id']);
        const attempt = (attemptsByEvent.get(eventId) ?? 0) + 1;
        attemptsByEvent.set(eventId, attempt);
        // Both events' second attempts may arrive together: look once.
        if (attempt === 2 && !lookedDuringRetry) {
          lookedDuringRetry = true;
          seenDuringRetry.push(...(await deliveries(receiverAdministrator, orebro.id)).items.filter((delivery) => delivery.eventId === eventId));
        }
        return { status: attempt <= failuresPerEvent ? 500 : 200 };
      });
      receivers.answer('/orebro-declines', () => ({ status: 200 }));
      receivers.answer('/arbetsformedlingen', () => ({ status: 204 }));
      receivers.answer('/forsakringskassan', () => ({ status: 200 }));
      // A system that redirects is not followed: the attempt fails, and after the last it is given up.
      receivers.answer('/redirects', () => ({ status: 302, headers: { location: receivers.url('/redirect-target') } }));
      receivers.answer('/redirect-target', () => ({ status: 200 }));

      const orebro = await createWebhook(receiverAdministrator, '/orebro', [sent, accepted]);
      const orebroDeclines = await createWebhook(receiverAdministrator, '/orebro-declines', [declined]);
      const redirects = await createWebhook(receiverAdministrator, '/redirects', [sent]);
      const arbetsformedlingen = await createWebhook(senderAdministrator, '/arbetsformedlingen', [accepted]);
      const forsakringskassan = await createWebhook(bystander, '/forsakringskassan', [sent, accepted, declined]);

      const personnummer = testIdentityNumber('1996-04-12', 321);
      const { sent: referral } = await referredCase(system.http(), sender, receiver, personnummer);
      await accept(referral);

      const log = await eventually(async () => {
        const page = await deliveries(receiverAdministrator, orebro.id);
        expect(page.items.map((delivery) => delivery.status)).toEqual(['delivered', 'delivered']);
        return page;
      });
      await eventually(async () => expect((await deliveries(receiverAdministrator, redirects.id)).items).toMatchObject([{ status: 'failed' }]));
      await eventually(async () => expect((await deliveries(senderAdministrator, arbetsformedlingen.id)).items).toMatchObject([{ status: 'delivered' }]));

      // (a) Signed with the webhook's own secret and a current time, the body the event envelope.
      const atOrebro = receivers.at('/orebro');
      expect(atOrebro).toHaveLength(6);
      for (const request of atOrebro) {
        expect(signatureHolds(request, orebro.secret as string)).toBe(true);
        expect(signatureHolds(request, arbetsformedlingen.secret as string)).toBe(false);
        expect(request.headers['content-type']).toBe('application/json');
        const envelope = JSON.parse(request.body) as { id: string; type: string; source: string; data: { referralId: string } };
        expect(request.headers['samverkan-event-id']).toBe(envelope.id);
        expect(request.headers['samverkan-event-type']).toBe(envelope.type);
        expect(envelope).toMatchObject({ specversion: '1.0', source: '/samverkan/referrals', data: { referralId: referral.id } });
        expect(request.body).not.toContain(personnummer.replace('-', ''));
        expect(request.body).not.toContain(personnummer.slice(2));
      }
      const [firstRequest] = atOrebro as [Received];
      expect(signatureHolds({ ...firstRequest, body: `${firstRequest.body} ` }, orebro.secret as string)).toBe(false);

      // (b) Retried until answered: each event three times, the same body each time, and logged
      // newest first with its attempts and last result, never the response body.
      const eventIds = [...new Set(atOrebro.map((request) => String(request.headers['samverkan-event-id'])))];
      expect(eventIds).toHaveLength(2);
      for (const eventId of eventIds) {
        const attempts = atOrebro.filter((request) => request.headers['samverkan-event-id'] === eventId);
        expect(attempts).toHaveLength(failuresPerEvent + 1);
        expect(new Set(attempts.map((request) => request.body)).size).toBe(1);
      }
      expect(log.items.map((delivery) => delivery.eventType)).toEqual([accepted, sent]);
      for (const delivery of log.items) {
        expect(delivery).toMatchObject({
          subscriptionId: orebro.id,
          attempts: 3,
          status: 'delivered',
          lastStatusCode: 200,
          lastError: null,
          nextAttemptAt: null,
        });
        expect(Date.parse(delivery.deliveredAt as string)).toBeGreaterThanOrEqual(Date.parse(delivery.createdAt));
      }
      expect(JSON.stringify(log)).not.toContain('body the sender must never store');

      // (c) While being retried, the log showed the failed first attempt and the attempt under way,
      // leased for the attempt's timeout so that no other replica takes it meanwhile.
      expect(seenDuringRetry).toHaveLength(1);
      const [during] = seenDuringRetry as [WebhookDeliveryView];
      expect(during).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 500, lastError: 'HTTP 500', deliveredAt: null });
      expect(Date.parse(during.nextAttemptAt as string) - Date.parse(during.lastAttemptAt as string)).toBeGreaterThanOrEqual(3000);

      // (d) A redirect is a failed attempt and never followed; after the last attempt it is given up.
      expect((await deliveries(receiverAdministrator, redirects.id)).items).toMatchObject([
        {
          eventType: sent,
          attempts: 4,
          status: 'failed',
          lastStatusCode: 302,
          lastError: 'redirect (HTTP 302) not followed',
          nextAttemptAt: null,
          deliveredAt: null,
        },
      ]);
      expect(receivers.at('/redirects')).toHaveLength(4);
      expect(receivers.at('/redirect-target')).toHaveLength(0);

      // (e) The sending organisation's webhook got the type it subscribes to, and only that.
      const atArbetsformedlingen = receivers.at('/arbetsformedlingen');
      expect(atArbetsformedlingen.map((request) => request.headers['samverkan-event-type'])).toEqual([accepted]);
      expect(signatureHolds(atArbetsformedlingen[0] as Received, arbetsformedlingen.secret as string)).toBe(true);
      expect((await deliveries(senderAdministrator, arbetsformedlingen.id)).items).toMatchObject([{ attempts: 1, status: 'delivered', lastStatusCode: 204 }]);

      // (f) Nothing for a type not subscribed to, nor for an organisation not party to the referral:
      // each event's deliveries are written together, so theirs would be there by now.
      expect(receivers.at('/orebro-declines')).toHaveLength(0);
      expect(receivers.at('/forsakringskassan')).toHaveLength(0);
      const elsewhere = await query(system.databaseUrls.referrals, 'SELECT id FROM webhook_deliveries WHERE subscription_id = ANY($1::uuid[])', [
        [orebroDeclines.id, forsakringskassan.id],
      ]);
      expect(elsewhere).toEqual([]);

      // (g) The log pages newest first and filters by status.
      const first = await deliveries(receiverAdministrator, orebro.id, { limit: 1 });
      const second = await deliveries(receiverAdministrator, orebro.id, { limit: 1, after: first.nextCursor as string });
      expect([...first.items, ...second.items].map((delivery) => delivery.id)).toEqual(log.items.map((delivery) => delivery.id));
      expect(second.nextCursor).toBeNull();
      expect((await deliveries(receiverAdministrator, redirects.id, { status: 'failed' })).items).toHaveLength(1);
      expect((await deliveries(receiverAdministrator, orebro.id, { status: 'failed' })).items).toHaveLength(0);
    });

    it('stops sending to a deleted webhook and keeps its log', async () => {
      receivers.answer('/deleted', () => ({ status: 200 }));
      receivers.answer('/kept', () => ({ status: 200 }));
      const deleted = await createWebhook(senderAdministrator, '/deleted', [sent]);
      const kept = await createWebhook(senderAdministrator, '/kept', [sent]);
      await referredCase(system.http(), sender, receiver, testIdentityNumber('1998-09-30', 412));
      await eventually(async () => expect((await deliveries(senderAdministrator, deleted.id)).items).toMatchObject([{ status: 'delivered' }]));

      const response = await system
        .http()
        .delete(`${webhooksOf(senderAdministrator)}/${deleted.id}`)
        .set(senderAdministrator.auth)
        .expect(200);
      await referredCase(system.http(), sender, receiver, testIdentityNumber('1999-02-14', 523));
      await eventually(() => expect(receivers.at('/kept')).toHaveLength(2));

      expect(response.body).toMatchObject({ id: deleted.id, active: false });
      expect(receivers.at('/deleted')).toHaveLength(1);
      expect((await deliveries(senderAdministrator, deleted.id)).items).toMatchObject([{ status: 'delivered', attempts: 1 }]);
      await eventually(async () =>
        expect((await deliveries(senderAdministrator, kept.id)).items).toMatchObject([{ status: 'delivered' }, { status: 'delivered' }]),
      );
      const listed = (await system.http().get(webhooksOf(senderAdministrator)).set(senderAdministrator.auth).expect(200)).body as Page<WebhookView>;
      expect(listed.items.find((webhook) => webhook.id === deleted.id)).toMatchObject({ active: false });
      await system
        .http()
        .delete(`${webhooksOf(senderAdministrator)}/${deleted.id}`)
        .set(senderAdministrator.auth)
        .expect(200);
    });
  });
});
