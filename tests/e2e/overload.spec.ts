import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { Requests } from '@samverkan/contracts';
import { eventually } from '@samverkan/testing';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

const period = { from: '2026-01-01', to: '2026-03-31' };

/**
 * When a service behind the gateway is down or stops answering, the gateway answers 503
 * problem+json with Retry-After instead of waiting, holds a service that keeps failing off
 * without sending it more, and answers again by itself once the service is back.
 */
describe('the gateway when a service is down', () => {
  let system: TestSystem;
  let analyst: SignedInStaff;
  let connection: NatsConnection;

  beforeAll(async () => {
    system = await TestSystem.start('overload', {
      services: ['actors', 'learning', 'gateway'],
      env: { gateway: { RPC_TIMEOUT_MS: '400', RPC_BREAKER_FAILURES: '2', RPC_BREAKER_OPEN_MS: '1500' } },
    });
    analyst = await signIn(system.http(), 'Anna Regional');
    connection = await connect({ servers: system.natsUrl });
  });

  afterAll(async () => {
    await connection?.close();
    await system?.shutdown();
  });

  const statistics = () => system.http().get('/api/v1/statistics/referrals').set(analyst.auth).query(period);

  it('answers 503 with Retry-After when the service is not running, and answers again once it is back', async () => {
    await system.stopService('learning');

    const down = await statistics().expect(503);

    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: 'The learning service is not running' });

    await system.startService('learning');
    await statistics().expect(200);
  });

  it('holds off a service that does not answer after two failures, sends it nothing more, and lets it back after a while', async () => {
    await system.stopService('learning');
    // Something on learning's subject that takes every request and never answers: a hung service.
    let received = 0;
    const hung: Subscription = connection.subscribe(system.subject(Requests.learning.getReferralStatistics), {
      callback: () => {
        received += 1;
      },
    });
    await connection.flush();

    const first = await statistics().expect(503);
    const second = await statistics().expect(503);
    const heldOff = await statistics().expect(503);

    expect([first.body.detail, second.body.detail]).toEqual([
      'The learning service did not answer within 400 ms',
      'The learning service did not answer within 400 ms',
    ]);
    expect(heldOff.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: expect.stringContaining('failed several times in a row') });
    expect(heldOff.headers['retry-after']).toBe('2');
    await connection.flush();
    expect(received).toBe(2);

    hung.unsubscribe();
    await system.startService('learning');
    await eventually(async () => {
      await statistics().expect(200);
    });
  });
});
