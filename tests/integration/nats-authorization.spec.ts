import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ServiceName } from '@samverkan/contracts';
import { inboxPrefixOf, natsPermissionsOf, renderNatsAuthorization } from '@samverkan/messaging';
import { aReferralEvent, eventually } from '@samverkan/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { learnedReferralCounts } from '../support/learning';
import { natsAuthConfig, startAuthenticatedNats, type AuthenticatedNats } from '../support/nats-server';
import { signIn, type SignedInStaff } from '../support/staff';
import { openCase, referredCase } from '../support/flow';
import { TestSystem } from '../support/system';

describe('the NATS configuration in the repository', () => {
  it('is what requestCallers and the JetStream topology produce (run `npm run nats:config` after changing them)', () => {
    expect(readFileSync(natsAuthConfig, 'utf8')).toBe(renderNatsAuthorization());
    expect(readFileSync(join(__dirname, '..', '..', 'infra', 'kubernetes', 'nats-auth.conf'), 'utf8')).toBe(renderNatsAuthorization());
  });

  it('lets the gateway serve nothing, and no service read the replies of another', () => {
    // Besides its replies, the gateway hears only the live notifications its event streams pass on.
    expect(natsPermissionsOf('gateway').subscribe).toEqual([`${inboxPrefixOf('gateway')}.>`, 'live.notifications.>']);
    for (const service of Object.values(ServiceName)) {
      const others = Object.values(ServiceName).filter((other) => other !== service);
      expect(natsPermissionsOf(service).subscribe.filter((subject) => others.some((other) => subject.startsWith(inboxPrefixOf(other))))).toEqual([]);
    }
  });

  it('lets only referrals announce live notifications, and only the gateway hear them', () => {
    for (const service of Object.values(ServiceName)) {
      expect([service, natsPermissionsOf(service).publish.includes('live.notifications.>')]).toEqual([service, service === 'referrals']);
      expect([service, natsPermissionsOf(service).subscribe.includes('live.notifications.>')]).toEqual([service, service === 'gateway']);
    }
  });
});

/**
 * The five services on a nats-server of this test's own, configured with infra/nats/auth.conf:
 * one user per service, allowed only what that service does.
 */
describe('NATS with one user per service', () => {
  let nats: AuthenticatedNats;
  let system: TestSystem;
  let caseworker: SignedInStaff;
  let receiver: SignedInStaff;
  const open: NatsConnection[] = [];

  beforeAll(async () => {
    nats = await startAuthenticatedNats();
    system = await TestSystem.start('natsauth', { nats });
    caseworker = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    receiver = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
  });

  afterAll(async () => {
    await Promise.all(open.map((connection) => connection.close()));
    await system?.shutdown();
    await nats?.stop();
  });

  /** A client holding `service`'s credentials, collecting the permission errors NATS reports. */
  async function clientAs(service: ServiceName): Promise<{ connection: NatsConnection; violations: string[] }> {
    const connection = await connect({ servers: nats.url, user: service, pass: nats.passwords[service], inboxPrefix: inboxPrefixOf(service) });
    open.push(connection);
    const violations: string[] = [];
    void (async () => {
      for await (const status of connection.status()) if (status.type === 'error') violations.push(String(status.error.message));
    })();
    return { connection, violations };
  }

  const inNora = { municipalityCode: '1884', targetGroup: 'foreign_background' };

  it('runs the whole referral flow, each service with its own credentials', async () => {
    const { sent } = await referredCase(system.http(), caseworker, receiver, '19900101-0017', inNora);
    await system.http().post(`/api/v1/referrals/${sent.id}/accept`).set(receiver.auth).expect(200);

    // learning's durable consumer got the events from the REFERRALS stream.
    await eventually(async () => {
      expect((await learnedReferralCounts(system.databaseUrls.learning, '1884')).rows).toContainEqual({
        municipalityCode: '1884',
        status: 'accepted',
        count: 1,
      });
    });
    // The gateway asks learning with its own credentials, and learning answers with its own.
    const period = { from: '2020-01-01', to: '2030-12-31', rows: 'municipality' };
    await system.http().get('/api/v1/statistics/referrals').set(caseworker.auth).query(period).expect(200);
    // Each service reaches its database and JetStream with its own credentials.
    for (const service of ['actors', 'cases', 'referrals', 'learning'] as const) {
      await request(system.app(service).getHttpServer()).get('/health/ready').expect(200);
    }
  });

  it('refuses anonymous clients and wrong passwords', async () => {
    await expect(connect({ servers: nats.url })).rejects.toThrow(/Authorization Violation/);
    await expect(connect({ servers: nats.url, user: 'cases', pass: 'guess' })).rejects.toThrow(/Authorization Violation/);
  });

  it("keeps a client with another service's credentials from serving or reading cases' requests", async () => {
    const { connection, violations } = await clientAs('learning');
    const received: string[] = [];
    connection.subscribe('cases.open-case', {
      queue: 'cases',
      // NATS refuses the subscription by calling back with the permission error and no message.
      callback: (error, message) => {
        if (!error) received.push(message.string());
      },
    });
    connection.subscribe('cases.>', {
      // NATS refuses the subscription by calling back with the permission error and no message.
      callback: (error, message) => {
        if (!error) received.push(message.string());
      },
    });
    await connection.flush();

    await openCase(system.http(), caseworker, '20050315-2381', inNora);

    await eventually(() =>
      expect(violations).toEqual(
        expect.arrayContaining([expect.stringContaining('Subscription to "cases.open-case"'), expect.stringContaining('Subscription to "cases.>"')]),
      ),
    );
    expect(received).toEqual([]);
  });

  it('keeps a service from reading the replies meant for another', async () => {
    const { connection, violations } = await clientAs('referrals');
    connection.subscribe(`${inboxPrefixOf('gateway')}.>`);
    await connection.flush();

    await eventually(() => expect(violations).toContainEqual(expect.stringContaining(`Subscription to "${inboxPrefixOf('gateway')}.>"`)));
  });

  it('keeps a service from publishing into a stream it does not own, or sending requests it may not', async () => {
    const { connection } = await clientAs('learning');
    const jsm = await jetstreamManager((await clientAs('referrals')).connection);
    const before = (await jsm.streams.info('REFERRALS')).state.messages;
    const forged = aReferralEvent();

    await expect(jetstream(connection).publish('referrals.events.referral.sent', JSON.stringify(forged), { timeout: 2000 })).rejects.toThrow(
      /Permissions Violation/,
    );
    await expect(connection.request('cases.open-case', '{}', { timeout: 2000 })).rejects.toThrow(/Permissions Violation/);
    await expect(connection.request('$JS.API.STREAM.PURGE.REFERRALS', '{}', { timeout: 2000 })).rejects.toThrow(/Permissions Violation/);

    expect((await jsm.streams.info('REFERRALS')).state.messages).toBe(before);
  });
});
