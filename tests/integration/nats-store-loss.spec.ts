import { streams } from '@samverkan/messaging';
import { eventually, query } from '@samverkan/testing';
import { signIn, type SignedInStaff } from '../support/staff';
import { referredCase } from '../support/flow';
import { TestSystem } from '../support/system';

/**
 * JetStream's default fsync is lazy: a crashed NATS can lose messages it already acknowledged.
 * PostgreSQL stays the source of truth, and republishing the outbox restores what was lost.
 */
describe('after NATS lost its stream', () => {
  let system: TestSystem;
  let sender: SignedInStaff;
  let receiver: SignedInStaff;
  let operator: SignedInStaff;

  beforeAll(async () => {
    system = await TestSystem.start('storeloss');
    sender = await signIn(system.http(), 'Jobbcoach Jobbcentrum');
    receiver = await signIn(system.http(), 'Handläggare försörjningsstöd Nora');
    operator = await signIn(system.http(), 'Olle Drift');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  async function sendReferral(number: string): Promise<string> {
    const { sent } = await referredCase(system.http(), sender, receiver, number, { municipalityCode: '1884', targetGroup: 'foreign_background' });
    return sent.id;
  }

  /** What referrals knows, and what learning projected from events. */
  const truth = () =>
    query<{ id: string; status: string; version: number }>(system.databaseUrls.referrals, 'SELECT id, status, version FROM referrals ORDER BY id');
  const projection = () =>
    query<{ id: string; status: string; version: number }>(
      system.databaseUrls.learning,
      'SELECT referral_id AS id, status, version FROM referral_facts ORDER BY referral_id',
    );

  it('converges to the same state once the outbox is republished', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const first = await sendReferral('19900101-0017');
    const second = await sendReferral('20050315-2381');
    await eventually(async () => expect(await projection()).toEqual(await truth()));

    // Learning is down while a referral is answered; NATS then loses its store, and with it
    // the acknowledged event learning never received.
    await system.stopService('learning');
    await system.http().post(`/api/v1/referrals/${first}/accept`).set(receiver.auth).expect(200);
    await system.http().post(`/api/v1/referrals/${second}/decline`).set(receiver.auth).send({ reason: 'not_eligible' }).expect(200);
    await eventually(async () => {
      const unsent = await query<{ n: number }>(system.databaseUrls.referrals, 'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
      expect(unsent).toEqual([{ n: 0 }]);
    });
    const jsm = await system.jetstreamManager();
    await jsm.streams.delete(system.stream(streams.referrals.name));
    await system.startService('learning');

    const diverged = await projection();
    expect(diverged.map((row) => row.status).sort()).toEqual(['sent', 'sent']);

    const republished = await system.http().post('/api/v1/operations/outbox/referrals/republish').set(operator.auth).send({ since }).expect(200);

    expect(republished.body.requeued).toBeGreaterThanOrEqual(4);
    await eventually(async () => expect(await projection()).toEqual(await truth()), { timeoutMs: 20_000 });
    expect((await projection()).map((row) => row.status).sort()).toEqual(['accepted', 'declined']);
  });
});
