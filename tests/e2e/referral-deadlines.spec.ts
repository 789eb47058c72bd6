import { todayInSweden, type DeadlinePolicyView, type ReferralView } from '@samverkan/contracts';
import { eventually, query, testIdentityNumber } from '@samverkan/testing';
import { addSwedishWorkingDays } from '@samverkan/platform';
import { consentToShare, openCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';
import { daysAgoInSweden } from '../support/dates';

/**
 * Deadlines in Swedish working days, their policies, and escalation of missed ones by a job run
 * from the database: once per step and level, after a restart, and with two replicas. The job
 * runs five times a second here, and referrals are made overdue by moving their dates back.
 */
describe('referral deadlines and escalation', () => {
  let system: TestSystem;
  let sender: SignedInStaff; // Arbetsförmedlingen Örebro
  let receiver: SignedInStaff; // Örebro kommun, försörjningsstöd
  let keeper: SignedInStaff; // Örebro kommun's KAA coordinator: keeps its organisation's deadlines
  let outsider: SignedInStaff; // Hallsberg's KAA coordinator
  let caseId: string;

  const jobs = { REFERRAL_DEADLINE_INTERVAL_MS: '200', REFERRAL_ESCALATE_AGAIN_AFTER_DAYS: '2', REFERRAL_EXPIRE_AFTER_DAYS: '5' };
  const today = todayInSweden;
  const daysAgo = daysAgoInSweden;

  beforeAll(async () => {
    system = await TestSystem.start('deadlines', { env: { referrals: jobs } });
    sender = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    receiver = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
    keeper = await signIn(system.http(), 'KAA-samordnare Örebro');
    outsider = await signIn(system.http(), 'KAA-samordnare Hallsberg');
    caseId = (await openCase(system.http(), sender, testIdentityNumber('2001-02-03', 616))).id;
    await consentToShare(system.http(), sender, caseId, receiver.member.organisationId);
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const send = async (body: Record<string, unknown> = {}) =>
    (
      await system
        .http()
        .post('/api/v1/referrals')
        .set(sender.auth)
        .send({ caseId, toOrganisationId: receiver.member.organisationId, ...body })
        .expect(201)
    ).body as ReferralView;
  /** Moves the referral's deadlines back: its acknowledge and answer days were `days` calendar days ago. */
  const overdue = (referralId: string, days: number) =>
    query(system.databaseUrls.referrals, 'UPDATE referrals SET acknowledge_by = $2::date, answer_by = $2::date, deadline_check_on = $3::date WHERE id = $1', [
      referralId,
      daysAgo(days),
      today(),
    ]);
  const overdueEvents = (referralId: string) =>
    query<{ step: string; level: number; escalateTo: string }>(
      system.databaseUrls.referrals,
      `SELECT envelope->'data'->>'overdueStep' AS step, (envelope->'data'->>'level')::int AS level, envelope->'data'->>'escalateTo' AS "escalateTo"
         FROM outbox WHERE subject = 'referrals.events.referral.overdue' AND envelope->>'subject' = $1 ORDER BY 1, 2`,
      [`referral/${referralId}`],
    );
  const runsOfJob = async () =>
    (await query<{ at: string }>(system.databaseUrls.referrals, "SELECT last_run_at::text AS at FROM scheduled_jobs WHERE name = 'referrals.deadlines'"))[0]
      ?.at;
  const afterTwoRuns = async () => {
    for (let run = 0; run < 2; run++) {
      const before = await runsOfJob();
      await eventually(async () => expect(await runsOfJob()).not.toBe(before));
    }
  };

  it('gives a referral its deadlines in Swedish working days from the receiver’s policy', async () => {
    const set = await system
      .http()
      .put(`/api/v1/organisations/${receiver.member.organisationId}/referral-deadlines`)
      .set(keeper.auth)
      .send({ acknowledgeDays: 1, answerDays: 3, startDays: 5 })
      .expect(200);
    expect(set.body as DeadlinePolicyView).toEqual({ acknowledgeDays: 1, answerDays: 3, startDays: 5, source: 'organisation' });

    const sent = await send();

    expect(sent).toMatchObject({ acknowledgeBy: addSwedishWorkingDays(today(), 1), answerBy: addSwedishWorkingDays(today(), 3), startBy: null, overdue: null });
    const accepted = (await system.http().post(`/api/v1/referrals/${sent.id}/accept`).set(receiver.auth).expect(200)).body as ReferralView;
    expect(accepted.startBy).toBe(addSwedishWorkingDays(today(), 5));
  });

  it.each([
    ['another organisation’s coordinator', () => outsider, { acknowledgeDays: 1, answerDays: 3, startDays: 5 }, 403, null],
    ['an answer sooner than the acknowledgement', () => keeper, { acknowledgeDays: 4, answerDays: 3, startDays: 5 }, 400, 'answerDays'],
    ['a negative number of days', () => keeper, { acknowledgeDays: -1, answerDays: 3, startDays: 5 }, 400, 'acknowledgeDays'],
    ['a fraction of a day', () => keeper, { acknowledgeDays: 1, answerDays: 2.5, startDays: 5 }, 400, 'answerDays'],
  ])('refuses a policy from %s, writing nothing', async (_, staff, body, status, field) => {
    const before = (await system.http().get(`/api/v1/organisations/${receiver.member.organisationId}/referral-deadlines`).set(keeper.auth).expect(200)).body;
    const refused = await system
      .http()
      .put(`/api/v1/organisations/${receiver.member.organisationId}/referral-deadlines`)
      .set(staff().auth)
      .send(body)
      .expect(status);
    if (field) expect(refused.body).toMatchObject({ errors: [expect.objectContaining({ field })] });
    expect((await system.http().get(`/api/v1/organisations/${receiver.member.organisationId}/referral-deadlines`).set(keeper.auth).expect(200)).body).toEqual(
      before,
    );
  });

  it('refuses a referral naming an unknown support resource or another organisation’s unit, writing nothing', async () => {
    const before = await query(system.databaseUrls.referrals, 'SELECT count(*) FROM referrals');
    const unknown = await system
      .http()
      .post('/api/v1/referrals')
      .set(sender.auth)
      .send({ caseId, toOrganisationId: receiver.member.organisationId, supportResourceId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    expect(unknown.body).toMatchObject({ errors: [{ field: 'supportResourceId' }] });
    const foreignUnit = await system
      .http()
      .post('/api/v1/referrals')
      .set(sender.auth)
      .send({ caseId, toOrganisationId: receiver.member.organisationId, toUnitId: outsider.member.unitId })
      .expect(400);
    expect(foreignUnit.body).toMatchObject({ errors: [{ field: 'toUnitId' }] });
    expect(await query(system.databaseUrls.referrals, 'SELECT count(*) FROM referrals')).toEqual(before);
  });

  it('escalates a missed step once to the receiving unit’s manager, then to the sending coordinator, and expires what nobody answers', async () => {
    const yesterday = await send({ toUnitId: receiver.member.unitId });
    const longAgo = await send();
    const lapsed = await send();
    await overdue(yesterday.id, 1);
    // More than two working days after the deadline have passed, but not more than five.
    const secondLevelDue = Array.from({ length: 40 }, (_, index) => index + 1).find(
      (days) => addSwedishWorkingDays(daysAgo(days), 2) < today() && addSwedishWorkingDays(daysAgo(days), 5) >= today(),
    ) as number;
    await overdue(longAgo.id, secondLevelDue);
    await overdue(lapsed.id, 30);

    await eventually(async () => expect((await overdueEvents(yesterday.id)).length).toBe(2));
    await afterTwoRuns();

    expect(await overdueEvents(yesterday.id)).toEqual([
      { step: 'acknowledge', level: 1, escalateTo: 'receiving_unit_manager' },
      { step: 'answer', level: 1, escalateTo: 'receiving_unit_manager' },
    ]);
    expect(await overdueEvents(longAgo.id)).toEqual([
      { step: 'acknowledge', level: 1, escalateTo: 'receiving_unit_manager' },
      { step: 'acknowledge', level: 2, escalateTo: 'sending_coordinator' },
      { step: 'answer', level: 1, escalateTo: 'receiving_unit_manager' },
      { step: 'answer', level: 2, escalateTo: 'sending_coordinator' },
    ]);
    const shown = (await system.http().get(`/api/v1/referrals/${yesterday.id}`).set(receiver.auth).expect(200)).body as ReferralView;
    expect(shown).toMatchObject({ status: 'sent', overdue: 'answer' });
    const expired = (await system.http().get(`/api/v1/referrals/${lapsed.id}`).set(sender.auth).expect(200)).body as ReferralView;
    expect(expired).toMatchObject({ status: 'expired', endedAt: expect.any(String) });
    expect(await overdueEvents(lapsed.id)).toEqual([]);
    const [event] = await query<{ data: Record<string, unknown> }>(
      system.databaseUrls.referrals,
      "SELECT envelope->'data' AS data FROM outbox WHERE subject = 'referrals.events.referral.overdue' AND envelope->>'subject' = $1 LIMIT 1",
      [`referral/${yesterday.id}`],
    );
    expect(event?.data).toMatchObject({
      status: 'sent',
      toUnitId: receiver.member.unitId,
      fromUnitId: sender.member.unitId,
      deadlines: { answerBy: daysAgo(1) },
    });
  });

  it('stops escalating a step once it is taken', async () => {
    const answered = await send();
    await overdue(answered.id, 1);
    await eventually(async () => expect((await overdueEvents(answered.id)).length).toBe(2));
    await system.http().post(`/api/v1/referrals/${answered.id}/accept`).set(receiver.auth).expect(200);
    await query(
      system.databaseUrls.referrals,
      'UPDATE referrals SET acknowledge_by = $2::date, answer_by = $2::date, deadline_check_on = $3::date WHERE id = $1',
      [answered.id, daysAgo(20), today()],
    );

    await afterTwoRuns();

    expect((await overdueEvents(answered.id)).map((event) => `${event.step}:${event.level}`)).toEqual(['acknowledge:1', 'answer:1']);
  });

  it('escalates what fell due while referrals was down once it is back, and each level once with two replicas', async () => {
    const whileDown = await send();
    await system.stopService('referrals');
    await overdue(whileDown.id, 1);
    await system.startService('referrals', jobs);
    await eventually(async () => expect((await overdueEvents(whileDown.id)).length).toBe(2));

    const replica = await system.startReplica('referrals', jobs);
    try {
      const shared = await Promise.all(Array.from({ length: 20 }, () => send()));
      for (const referral of shared) await overdue(referral.id, 1);
      await eventually(async () => {
        const fired = await query<{ count: number }>(
          system.databaseUrls.referrals,
          "SELECT count(*)::int AS count FROM outbox WHERE subject = 'referrals.events.referral.overdue' AND envelope->>'subject' = ANY($1::text[])",
          [shared.map((referral) => `referral/${referral.id}`)],
        );
        expect(fired).toEqual([{ count: 40 }]);
      });
      await afterTwoRuns();
      const perReferral = await query<{ subject: string; count: number }>(
        system.databaseUrls.referrals,
        "SELECT envelope->>'subject' AS subject, count(*)::int AS count FROM outbox WHERE subject = 'referrals.events.referral.overdue' AND envelope->>'subject' = ANY($1::text[]) GROUP BY 1",
        [shared.map((referral) => `referral/${referral.id}`)],
      );
      expect(perReferral.map((row) => row.count)).toEqual(Array.from({ length: 20 }, () => 2));
    } finally {
      await replica.close();
    }
  });
});
