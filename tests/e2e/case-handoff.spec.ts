import type { CaseTimelineEntryView, CaseView, HandoffView, Page } from '@samverkan/contracts';
import { query } from '@samverkan/testing';
import { inAYear, openCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/** The lead asks another unit to take over; that unit accepts (and the case moves) or declines, by a day. */
describe('handing over the lead of a case', () => {
  let system: TestSystem;
  let employmentService: SignedInStaff; // Arbetsförmedlare Örebro: opens the cases
  let municipality: SignedInStaff; // Handläggare försörjningsstöd Örebro: asked to take over
  let bystander: SignedInStaff; // KAA-samordnare Örebro: same municipality, not asked

  beforeAll(async () => {
    system = await TestSystem.start('handoff');
    employmentService = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    municipality = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
    bystander = await signIn(system.http(), 'KAA-samordnare Örebro');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const requestHandoff = (caseId: string, body: Record<string, unknown>) =>
    system.http().post(`/api/v1/cases/${caseId}/handoffs`).set(employmentService.auth).send(body);
  const answer = (staff: SignedInStaff, handoff: HandoffView, verb: 'accept' | 'decline', body: Record<string, unknown> = {}) =>
    system.http().post(`/api/v1/cases/${handoff.caseId}/handoffs/${handoff.id}/${verb}`).set(staff.auth).send(body);

  it('moves the case to the unit that accepts; both units see it on the timeline, and the new lead steers', async () => {
    const opened = await openCase(system.http(), employmentService, '19900101-0017');
    const handoff = (await requestHandoff(opened.id, { toUnitId: municipality.member.unitId, respondBy: inAYear() }).expect(201)).body as HandoffView;
    expect(handoff).toMatchObject({ status: 'requested', fromUnitId: employmentService.member.unitId, toUnitId: municipality.member.unitId });
    const incoming = (await system.http().get('/api/v1/handoffs').query({ direction: 'incoming' }).set(municipality.auth).expect(200))
      .body as Page<HandoffView>;
    expect(incoming.items.map((item) => item.id)).toContain(handoff.id);

    await answer(bystander, handoff, 'accept').expect(403);
    const accepted = (await answer(municipality, handoff, 'accept').expect(200)).body as HandoffView;

    expect(accepted.status).toBe('accepted');
    const read = (await system.http().get(`/api/v1/cases/${opened.id}`).set(municipality.auth).expect(200)).body as CaseView;
    expect(read).toMatchObject({
      ownerUnitId: municipality.member.unitId,
      ownerOrganisationId: municipality.member.organisationId,
      leadStaffId: municipality.member.id,
      version: 2,
    });
    expect(read.team).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitId: municipality.member.unitId, role: 'lead', legalBasis: 'case_handling' }),
        expect.objectContaining({ unitId: employmentService.member.unitId, role: 'member' }),
      ]),
    );
    for (const staff of [employmentService, municipality]) {
      const timeline = (await system.http().get(`/api/v1/cases/${opened.id}/timeline`).set(staff.auth).expect(200)).body as CaseTimelineEntryView[];
      expect(timeline.map((entry) => entry.kind)).toEqual(['case.opened', 'handoff.requested', 'handoff.accepted']);
    }
    await system.http().post(`/api/v1/cases/${opened.id}/status`).set(municipality.auth).send({ status: 'active' }).expect(200);
    await system.http().post(`/api/v1/cases/${opened.id}/status`).set(employmentService.auth).send({ status: 'paused' }).expect(403);
    const [event] = await query<{ envelope: { data: Record<string, unknown> } }>(
      system.databaseUrls.cases,
      "SELECT envelope FROM outbox WHERE subject = 'cases.events.case.lead-changed' AND envelope->>'subject' = $1",
      [`case/${opened.id}`],
    );
    expect(event?.envelope.data).toMatchObject({
      caseId: opened.id,
      fromUnitId: employmentService.member.unitId,
      toUnitId: municipality.member.unitId,
      version: 2,
    });
  });

  it('keeps the case where it is when the unit declines, with the reason', async () => {
    const opened = await openCase(system.http(), employmentService, '20050315-2381');
    const handoff = (await requestHandoff(opened.id, { toUnitId: municipality.member.unitId, respondBy: inAYear() }).expect(201)).body as HandoffView;

    const declined = (await answer(municipality, handoff, 'decline', { reason: 'not_our_responsibility' }).expect(200)).body as HandoffView;

    expect(declined).toMatchObject({ status: 'declined', declineReason: 'not_our_responsibility' });
    const read = (await system.http().get(`/api/v1/cases/${opened.id}`).set(employmentService.auth).expect(200)).body as CaseView;
    expect(read).toMatchObject({ ownerUnitId: employmentService.member.unitId, version: 1 });
    await system.http().get(`/api/v1/cases/${opened.id}`).set(municipality.auth).expect(403);
    await answer(municipality, handoff, 'accept').expect(409);
  });

  it('refuses an answer after the last day', async () => {
    const opened = await openCase(system.http(), employmentService, '19981224-9879');
    const handoff = (await requestHandoff(opened.id, { toUnitId: municipality.member.unitId, respondBy: inAYear() }).expect(201)).body as HandoffView;
    await query(system.databaseUrls.cases, "UPDATE case_handoffs SET respond_by = (now() AT TIME ZONE 'Europe/Stockholm')::date - 1 WHERE id = $1", [
      handoff.id,
    ]);

    const late = await answer(municipality, handoff, 'accept').expect(409);

    expect(late.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', errors: [{ field: 'handoffId', message: 'expired' }] });
    const expired = (await system.http().get('/api/v1/handoffs').query({ direction: 'outgoing', status: 'expired' }).set(employmentService.auth).expect(200))
      .body as Page<HandoffView>;
    expect(expired.items.map((item) => item.id)).toEqual([handoff.id]);
  });

  it.each([
    ['a hand-off to its own unit', () => ({ toUnitId: employmentService.member.unitId, respondBy: inAYear() }), 400, 'VALIDATION_FAILED', 'toUnitId'],
    ['a last day in the past', () => ({ toUnitId: municipality.member.unitId, respondBy: '2020-01-01' }), 400, 'VALIDATION_FAILED', 'respondBy'],
    ['a unit that does not exist', () => ({ toUnitId: '0193a5b0-9999-7000-8000-000000000009', respondBy: inAYear() }), 404, 'UNIT_NOT_FOUND', 'toUnitId'],
  ])('refuses %s, naming the field, and writes nothing', async (_case, body, status, code, field) => {
    const opened = await openCase(system.http(), employmentService, '20080101-0018');
    const count = async () => (await query<{ count: number }>(system.databaseUrls.cases, 'SELECT count(*)::int AS count FROM case_handoffs'))[0]?.count;
    const before = await count();

    const response = await requestHandoff(opened.id, body()).expect(status);

    expect(response.body).toMatchObject({ code, errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(await count()).toBe(before);
  });

  it('allows one open hand-off per case', async () => {
    const opened = await openCase(system.http(), employmentService, '19121212-1212');
    await requestHandoff(opened.id, { toUnitId: municipality.member.unitId, respondBy: inAYear() }).expect(201);

    const second = await requestHandoff(opened.id, { toUnitId: bystander.member.unitId, respondBy: inAYear() }).expect(409);

    expect(second.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', errors: [{ field: 'caseId' }] });
  });
});
