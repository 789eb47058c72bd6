import type { ReferralView } from '@samverkan/contracts';
import { query, testIdentityNumber } from '@samverkan/testing';
import { consentToShare, openCase, sendReferral } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/**
 * The lifecycle of a referral as a table, through the gateway: every command, by the sender and
 * by the receiver, from every status the API can reach. The expected answers are written out
 * here, independently of the service's own table.
 */
describe('the lifecycle of a referral', () => {
  let system: TestSystem;
  let sender: SignedInStaff; // Arbetsförmedlingen Örebro
  let receiver: SignedInStaff; // Örebro kommun, försörjningsstöd
  let colleague: SignedInStaff; // Örebro kommun, KAA: the same receiving organisation
  let caseId: string;

  beforeAll(async () => {
    system = await TestSystem.start('lifecycle');
    sender = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    receiver = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
    colleague = await signIn(system.http(), 'KAA-samordnare Örebro');
    caseId = (await openCase(system.http(), sender, testIdentityNumber('1999-05-05', 515))).id;
    await consentToShare(system.http(), sender, caseId, receiver.member.organisationId);
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  type Command = 'acknowledge' | 'accept' | 'decline' | 'start' | 'complete' | 'interrupt' | 'withdraw';
  const bodies: Record<Command, Record<string, unknown> | undefined> = {
    acknowledge: undefined,
    accept: undefined,
    decline: { reason: 'no_capacity' },
    start: undefined,
    complete: { outcome: 'achieved', exitDestination: 'work' },
    interrupt: { exitDestination: 'moved_away' },
    withdraw: undefined,
  };
  const act = (staff: SignedInStaff, referralId: string, command: Command) =>
    system.http().post(`/api/v1/referrals/${referralId}/${command}`).set(staff.auth).send(bodies[command]);

  /** How to bring a new referral to each status the API reaches: the receiver's and sender's steps from sent. */
  const paths: Record<string, Array<['sender' | 'receiver', Command]>> = {
    sent: [],
    acknowledged: [['receiver', 'acknowledge']],
    accepted: [['receiver', 'accept']],
    declined: [['receiver', 'decline']],
    started: [
      ['receiver', 'accept'],
      ['receiver', 'start'],
    ],
    completed: [
      ['receiver', 'accept'],
      ['receiver', 'start'],
      ['receiver', 'complete'],
    ],
    interrupted: [
      ['receiver', 'accept'],
      ['receiver', 'start'],
      ['receiver', 'interrupt'],
    ],
    withdrawn: [['sender', 'withdraw']],
  };

  /** The moves each party may make from each status; anything else is a 409 listing these. */
  const allowed: Record<string, { sender: Record<string, string>; receiver: Record<string, string> }> = {
    sent: { sender: { withdraw: 'withdrawn' }, receiver: { acknowledge: 'acknowledged', accept: 'accepted', decline: 'declined' } },
    acknowledged: { sender: { withdraw: 'withdrawn' }, receiver: { accept: 'accepted', decline: 'declined' } },
    accepted: { sender: { withdraw: 'withdrawn' }, receiver: { start: 'started' } },
    declined: { sender: {}, receiver: {} },
    started: { sender: {}, receiver: { complete: 'completed', interrupt: 'interrupted' } },
    completed: { sender: {}, receiver: {} },
    interrupted: { sender: {}, receiver: {} },
    withdrawn: { sender: {}, receiver: {} },
  };

  const commands: Command[] = ['acknowledge', 'accept', 'decline', 'start', 'complete', 'interrupt', 'withdraw'];
  const table = Object.keys(paths).flatMap((status) =>
    (['sender', 'receiver'] as const).flatMap((party) => commands.map((command) => [status, party, command] as const)),
  );

  async function referralIn(status: string): Promise<ReferralView> {
    const sent = await sendReferral(system.http(), sender, caseId, receiver.member.organisationId);
    let latest: ReferralView = sent;
    for (const [party, command] of paths[status] ?? [])
      latest = (await act(party === 'sender' ? sender : receiver, sent.id, command).expect(200)).body as ReferralView;
    expect(latest.status).toBe(status);
    return latest;
  }

  it.each(table)('from %s, the %s asking to %s', async (status, party, command) => {
    const referral = await referralIn(status);
    const staff = party === 'sender' ? sender : receiver;

    const answer = await act(staff, referral.id, command);

    const to = allowed[status]?.[party][command];
    if (to) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: to, version: referral.version + 1 });
    } else if (party === 'sender' && command !== 'withdraw') {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'NOT_RECEIVER' });
    } else {
      expect(answer.status).toBe(409);
      const moves = Object.keys(allowed[status]?.[party] ?? {}).map((name) => allowed[status]?.[party][name]);
      expect(answer.body).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        errors: [{ field: 'status', message: `is ${status}; allowed from here: ${moves.length > 0 ? moves.join(', ') : 'none'}` }],
      });
    }
  });

  it('lets exactly one of two staff acting at once win, and tells the other what the referral is now', async () => {
    for (let round = 0; round < 5; round++) {
      const sent = await sendReferral(system.http(), sender, caseId, receiver.member.organisationId);

      const answers = await Promise.all([act(receiver, sent.id, 'accept'), act(colleague, sent.id, 'decline')]);

      const won = answers.filter((answer) => answer.status === 200);
      const lost = answers.filter((answer) => answer.status === 409);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.body.errors[0].message).toMatch(new RegExp(`^is ${won[0]?.body.status as string}; allowed from here:`));
      const events = await query<{ count: number }>(
        system.databaseUrls.referrals,
        "SELECT count(*)::int AS count FROM outbox WHERE envelope->>'subject' = $1 AND subject IN ('referrals.events.referral.accepted', 'referrals.events.referral.declined')",
        [`referral/${sent.id}`],
      );
      expect(events).toEqual([{ count: 1 }]);
    }
  });

  it('announces every step with the full state, its version and the time of each step, never the decline text', async () => {
    const started = await referralIn('started');
    await act(receiver, started.id, 'complete').expect(200);
    const declined = await sendReferral(system.http(), sender, caseId, receiver.member.organisationId);
    await system
      .http()
      .post(`/api/v1/referrals/${declined.id}/decline`)
      .set(receiver.auth)
      .send({ reason: 'other', text: 'Verksamheten läggs ned i december' })
      .expect(200);

    const events = await query<{ subject: string; data: Record<string, unknown> }>(
      system.databaseUrls.referrals,
      "SELECT subject, envelope->'data' AS data FROM outbox WHERE envelope->>'subject' = $1 ORDER BY (envelope->'data'->>'version')::int",
      [`referral/${started.id}`],
    );
    expect(events.map((event) => [event.subject.split('.').at(-1), event.data.version])).toEqual([
      ['sent', 1],
      ['accepted', 2],
      ['started', 3],
      ['completed', 4],
    ]);
    const completed = events.at(-1)?.data as { steps: Record<string, string | null>; exitDestination: string; outcome: string };
    expect(completed).toMatchObject({ status: 'completed', exitDestination: 'work', outcome: 'achieved' });
    expect(completed.steps).toEqual({
      sentAt: expect.any(String),
      acknowledgedAt: null,
      answeredAt: expect.any(String),
      startedAt: expect.any(String),
      endedAt: expect.any(String),
    });
    const times = [completed.steps.sentAt, completed.steps.answeredAt, completed.steps.startedAt, completed.steps.endedAt] as string[];
    expect([...times].sort()).toEqual(times);
    const all = await query<{ envelope: unknown }>(system.databaseUrls.referrals, 'SELECT envelope FROM outbox');
    expect(JSON.stringify(all)).not.toContain('läggs ned');
    const shown = (await system.http().get(`/api/v1/referrals/${declined.id}`).set(sender.auth).expect(200)).body as ReferralView;
    expect(shown).toMatchObject({ status: 'declined', declineReason: 'other', declineText: 'Verksamheten läggs ned i december' });
  });

  it.each([
    ['a decline without a reason', 'decline', {}, 'reason'],
    ['a decline for "other" without its text', 'decline', { reason: 'other' }, 'text'],
    ['a text with another reason', 'decline', { reason: 'no_capacity', text: 'Ingen plats just nu' }, 'text'],
    ['a decline for the retired "wrong recipient"', 'decline', { reason: 'wrong_recipient' }, 'reason'],
    ['completion without an outcome', 'complete', { exitDestination: 'work' }, 'outcome'],
    ['completion to "interrupted"', 'complete', { outcome: 'achieved', exitDestination: 'interrupted' }, 'exitDestination'],
  ])('refuses %s, naming the field and writing nothing', async (_, command, body, field) => {
    const referral = await referralIn(command === 'complete' ? 'started' : 'sent');

    const refused = await system.http().post(`/api/v1/referrals/${referral.id}/${command}`).set(receiver.auth).send(body).expect(400);

    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    const now = (await system.http().get(`/api/v1/referrals/${referral.id}`).set(receiver.auth).expect(200)).body as ReferralView;
    expect(now.version).toBe(referral.version);
  });
});
