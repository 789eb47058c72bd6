import type { Page, ReferralCountsView, ReferralView } from '@samverkan/contracts';
import { query, testIdentityNumber } from '@samverkan/testing';
import { consentToShare, openCase, sendReferral } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/** An organisation's inbox and outbox: filters, counts per status and overdue, and only its own referrals. */
describe('referral inbox and outbox', () => {
  let system: TestSystem;
  let sender: SignedInStaff; // Arbetsförmedlingen Örebro
  let receiver: SignedInStaff; // Örebro kommun, försörjningsstöd
  let stranger: SignedInStaff; // Hallsberg
  const sent: Record<string, ReferralView> = {};

  beforeAll(async () => {
    system = await TestSystem.start('inbox');
    sender = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    receiver = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
    stranger = await signIn(system.http(), 'Handläggare försörjningsstöd Hallsberg');
    const young = await openCase(system.http(), sender, testIdentityNumber('2004-04-04', 101), { municipalityCode: '1880', targetGroup: 'uvas' });
    const disabled = await openCase(system.http(), sender, testIdentityNumber('1998-08-08', 202), { municipalityCode: '1881', targetGroup: 'disability' });
    for (const opened of [young, disabled]) await consentToShare(system.http(), sender, opened.id, receiver.member.organisationId);
    sent.young = await sendReferral(system.http(), sender, young.id, receiver.member.organisationId);
    sent.toUnit = (
      await system
        .http()
        .post('/api/v1/referrals')
        .set(sender.auth)
        .send({ caseId: young.id, toOrganisationId: receiver.member.organisationId, toUnitId: receiver.member.unitId })
        .expect(201)
    ).body as ReferralView;
    sent.disabled = await sendReferral(system.http(), sender, disabled.id, receiver.member.organisationId);
    sent.accepted = await sendReferral(system.http(), sender, disabled.id, receiver.member.organisationId);
    await system.http().post(`/api/v1/referrals/${sent.accepted.id}/accept`).set(receiver.auth).expect(200);
    // One referral whose answer was due yesterday.
    await query(system.databaseUrls.referrals, 'UPDATE referrals SET acknowledge_by = current_date - 1, answer_by = current_date - 1 WHERE id = $1', [
      sent.disabled.id,
    ]);
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const inbox = async (filter: Record<string, string>, staff: SignedInStaff = receiver) =>
    (
      (
        await system
          .http()
          .get('/api/v1/referrals')
          .query({ direction: 'incoming', ...filter })
          .set(staff.auth)
          .expect(200)
      ).body as Page<ReferralView>
    ).items
      .map((referral) => referral.id)
      .sort();
  const ids = (...names: string[]) => names.map((name) => sent[name]?.id as string).sort();

  it.each([
    ['everything', {}, ['young', 'toUnit', 'disabled', 'accepted']],
    ['by status', { status: 'accepted' }, ['accepted']],
    ['by target group', { targetGroup: 'disability' }, ['disabled', 'accepted']],
    ['by municipality', { municipalityCode: '1880' }, ['young', 'toUnit']],
    ['overdue', { overdue: 'true' }, ['disabled']],
    ['not overdue', { overdue: 'false' }, ['young', 'toUnit', 'accepted']],
  ])('filters the inbox %s', async (_, filter, expected) => {
    expect(await inbox(filter as Record<string, string>)).toEqual(ids(...expected));
  });

  it('filters by the receiving unit in the inbox and the sending unit in the outbox', async () => {
    expect(await inbox({ unitId: receiver.member.unitId })).toEqual(ids('toUnit'));
    const outbox = (await system.http().get('/api/v1/referrals').query({ direction: 'outgoing', unitId: sender.member.unitId }).set(sender.auth).expect(200))
      .body as Page<ReferralView>;
    expect(outbox.items.map((referral) => referral.id).sort()).toEqual(ids('young', 'toUnit', 'disabled', 'accepted'));
  });

  it('counts each status, zeros included, and the overdue', async () => {
    const counts = (await system.http().get('/api/v1/referrals/counts').query({ direction: 'incoming' }).set(receiver.auth).expect(200))
      .body as ReferralCountsView;
    expect(counts.overdue).toBe(1);
    expect(Object.fromEntries(counts.byStatus.map((entry) => [entry.status, entry.count]))).toEqual({
      sent: 3,
      acknowledged: 0,
      accepted: 1,
      declined: 0,
      started: 0,
      completed: 0,
      interrupted: 0,
      withdrawn: 0,
      expired: 0,
    });
    const byTargetGroup = (
      await system.http().get('/api/v1/referrals/counts').query({ direction: 'incoming', targetGroup: 'uvas' }).set(receiver.auth).expect(200)
    ).body as ReferralCountsView;
    expect(byTargetGroup.byStatus.find((entry) => entry.status === 'sent')?.count).toBe(2);
  });

  it('shows another organisation nothing, and refuses filters that are not the API’s', async () => {
    expect(await inbox({}, stranger)).toEqual([]);
    const refused = await system.http().get('/api/v1/referrals').query({ direction: 'incoming', overdue: 'yes' }).set(receiver.auth).expect(400);
    expect(refused.body).toMatchObject({ errors: [expect.objectContaining({ field: 'overdue' })] });
    await system.http().get('/api/v1/referrals/counts').query({ direction: 'sideways' }).set(receiver.auth).expect(400);
  });

  it('counts ended referrals, kept as each ends, exactly as the referrals themselves say, per filter and in both directions', async () => {
    const opened = await openCase(system.http(), sender, testIdentityNumber('1990-10-10', 303), { municipalityCode: '1881', targetGroup: 'disability' });
    await consentToShare(system.http(), sender, opened.id, receiver.member.organisationId);
    const step = (staff: SignedInStaff, referral: ReferralView, path: string, body: Record<string, unknown> = {}) =>
      system.http().post(`/api/v1/referrals/${referral.id}/${path}`).set(staff.auth).send(body).expect(200);
    const toUnit = () =>
      system
        .http()
        .post('/api/v1/referrals')
        .set(sender.auth)
        .send({ caseId: opened.id, toOrganisationId: receiver.member.organisationId, toUnitId: receiver.member.unitId });
    await step(receiver, await sendReferral(system.http(), sender, opened.id, receiver.member.organisationId), 'decline', { reason: 'no_capacity' });
    await step(receiver, (await toUnit().expect(201)).body as ReferralView, 'decline', { reason: 'not_eligible' });
    await step(sender, (await toUnit().expect(201)).body as ReferralView, 'withdraw');
    const completed = (await toUnit().expect(201)).body as ReferralView;
    for (const path of ['accept', 'start']) await step(receiver, completed, path);
    await step(receiver, completed, 'complete', { outcome: 'achieved', exitDestination: 'studies' });

    const filters: Array<[string, string]> = [
      ['targetGroup', 'target_group'],
      ['municipalityCode', 'municipality_code'],
    ];
    const cases = [
      { staff: receiver, direction: 'incoming', organisation: 'to_organisation_id', unit: 'to_unit_id' },
      { staff: sender, direction: 'outgoing', organisation: 'from_organisation_id', unit: 'from_unit_id' },
    ];
    for (const { staff, direction, organisation, unit } of cases) {
      const narrowings: Array<Record<string, string>> = [
        {},
        { unitId: staff.member.unitId },
        { targetGroup: 'disability' },
        { municipalityCode: '1881', targetGroup: 'disability' },
      ];
      for (const narrowing of narrowings) {
        const counted = (
          await system
            .http()
            .get('/api/v1/referrals/counts')
            .query({ direction, ...narrowing })
            .set(staff.auth)
            .expect(200)
        ).body as ReferralCountsView;
        const conditions = [`${organisation} = $1`, ...(narrowing.unitId ? [`${unit} = '${narrowing.unitId}'`] : [])];
        for (const [field, column] of filters) if (narrowing[field]) conditions.push(`${column} = '${narrowing[field]}'`);
        const truth = await query<{ status: string; n: number }>(
          system.databaseUrls.referrals,
          `SELECT status, count(*)::int AS n FROM referrals WHERE ${conditions.join(' AND ')} GROUP BY status`,
          [staff.member.organisationId],
        );
        const expected = Object.fromEntries(counted.byStatus.map((entry) => [entry.status, 0]));
        for (const row of truth) expected[row.status] = row.n;
        expect({ direction, narrowing, counts: Object.fromEntries(counted.byStatus.map((entry) => [entry.status, entry.count])) }).toEqual({
          direction,
          narrowing,
          counts: expected,
        });
      }
    }
    const incoming = (
      await system.http().get('/api/v1/referrals/counts').query({ direction: 'incoming', targetGroup: 'disability' }).set(receiver.auth).expect(200)
    ).body as ReferralCountsView;
    expect(Object.fromEntries(incoming.byStatus.map((entry) => [entry.status, entry.count]))).toMatchObject({ declined: 2, withdrawn: 1, completed: 1 });
  });
});
