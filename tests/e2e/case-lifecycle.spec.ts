import type { CaseSummaryView, CaseTimelineEntryView, CaseView, CompetenceMapView, Page } from '@samverkan/contracts';
import { eventually, query } from '@samverkan/testing';
import { consentToShare, openCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/** A support path from opening to its outcome: status, timeline, lists, and what others learn. */
describe('the lifecycle of a case', () => {
  let system: TestSystem;
  let lead: SignedInStaff; // Handläggare försörjningsstöd Hallsberg: opens and leads the cases
  let colleague: SignedInStaff; // another caseworker's view: KAA in the same municipality
  let receiver: SignedInStaff;

  beforeAll(async () => {
    system = await TestSystem.start('caselife');
    lead = await signIn(system.http(), 'Handläggare försörjningsstöd Hallsberg');
    colleague = await signIn(system.http(), 'KAA-samordnare Hallsberg');
    receiver = await signIn(system.http(), 'Arbetsförmedlare Örebro');
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const changeStatus = (staff: SignedInStaff, caseId: string, body: Record<string, unknown>) =>
    system.http().post(`/api/v1/cases/${caseId}/status`).set(staff.auth).send(body);
  const details = { municipalityCode: '1861', targetGroup: 'uvas' };

  it('moves open → active → paused → active → closed with an outcome, each step versioned, announced and on the timeline', async () => {
    const opened = await openCase(system.http(), lead, '19900101-0017', details);
    expect(opened).toMatchObject({ status: 'open', outcome: null, leadStaffId: lead.member.id, version: 1 });
    await consentToShare(system.http(), lead, opened.id, receiver.member.organisationId);

    for (const status of ['active', 'paused', 'active']) await changeStatus(lead, opened.id, { status }).expect(200);
    const closed = (await changeStatus(lead, opened.id, { status: 'closed', outcome: 'studies' }).expect(200)).body as CaseView;

    expect(closed).toMatchObject({ status: 'closed', outcome: 'studies', version: 5 });
    const timeline = (await system.http().get(`/api/v1/cases/${opened.id}/timeline`).set(lead.auth).expect(200)).body as CaseTimelineEntryView[];
    expect(timeline.map((entry) => [entry.kind, entry.details.to ?? null])).toEqual([
      ['case.opened', null],
      ['consent.recorded', null],
      ['case.status-changed', 'active'],
      ['case.status-changed', 'paused'],
      ['case.status-changed', 'active'],
      ['case.status-changed', 'closed'],
    ]);
    expect(timeline.at(-1)).toMatchObject({
      staffId: lead.member.id,
      unitId: lead.member.unitId,
      details: { from: 'active', to: 'closed', outcome: 'studies' },
    });
    const events = await query<{ envelope: { data: Record<string, unknown> } }>(
      system.databaseUrls.cases,
      "SELECT envelope FROM outbox WHERE subject = 'cases.events.case.status-changed' AND envelope->>'subject' = $1 ORDER BY created_at",
      [`case/${opened.id}`],
    );
    expect(events.map((event) => event.envelope.data.status)).toEqual(['active', 'paused', 'active', 'closed']);
    const [openedEvent] = await query<{ envelope: { data: Record<string, unknown> } }>(
      system.databaseUrls.cases,
      "SELECT envelope FROM outbox WHERE subject = 'cases.events.case.opened' AND envelope->>'subject' = $1",
      [`case/${opened.id}`],
    );
    expect(openedEvent?.envelope.data).toMatchObject({ gender: 'male', birthYearBand: '1990-1994', municipalityCode: '1861', targetGroup: 'uvas' });
    expect(events.at(-1)?.envelope.data).toEqual({
      caseId: opened.id,
      ownerOrganisationId: lead.member.organisationId,
      municipalityCode: '1861',
      targetGroup: 'uvas',
      status: 'closed',
      outcome: 'studies',
      version: 5,
    });
  });

  it.each([
    ['closing without an outcome', 'open', { status: 'closed' }, 400, 'VALIDATION_FAILED', 'outcome'],
    ['an outcome without closing', 'open', { status: 'active', outcome: 'work' }, 400, 'VALIDATION_FAILED', 'outcome'],
    ['an unknown status', 'open', { status: 'archived' }, 400, 'VALIDATION_FAILED', 'status'],
    ['an unknown outcome', 'open', { status: 'closed', outcome: 'lottery' }, 400, 'VALIDATION_FAILED', 'outcome'],
    ['reopening a closed case', 'closed', { status: 'active' }, 409, 'ILLEGAL_TRANSITION', 'status'],
    ['a paused case paused again', 'paused', { status: 'paused' }, 409, 'ILLEGAL_TRANSITION', 'status'],
  ])('refuses %s, naming the field, and writes nothing', async (_case, from, body, status, code, field) => {
    const opened = await openCase(system.http(), lead, '20050315-2381', details);
    if (from === 'closed') await changeStatus(lead, opened.id, { status: 'closed', outcome: 'unknown' }).expect(200);
    if (from === 'paused') await changeStatus(lead, opened.id, { status: 'paused' }).expect(200);
    const before = (await system.http().get(`/api/v1/cases/${opened.id}`).set(lead.auth).expect(200)).body as CaseView;

    const response = await changeStatus(lead, opened.id, body).expect(status);

    expect(response.body).toMatchObject({ code, errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    const after = (await system.http().get(`/api/v1/cases/${opened.id}`).set(lead.auth).expect(200)).body as CaseView;
    expect(after).toEqual(before);
  });

  it('lets only the lead unit change the status; other units are refused and logged', async () => {
    const opened = await openCase(system.http(), lead, '19981224-9879', details);

    await changeStatus(colleague, opened.id, { status: 'active' }).expect(403);

    const [attempt] = await query<{ outcome: string; reason: string }>(
      system.databaseUrls.cases,
      "SELECT outcome, reason FROM access_log WHERE action = 'case.status' AND staff_id = $1",
      [colleague.member.id],
    );
    expect(attempt).toEqual({ outcome: 'denied', reason: 'other_unit_of_team_organisation' });
  });

  it("lists the unit's cases and the staff member's own, filtered and paged newest first, never another unit's", async () => {
    const own = await openCase(system.http(), lead, '20080101-0018', { municipalityCode: '1861', targetGroup: 'disability' });
    const list = async (staff: SignedInStaff, params: Record<string, unknown>) => {
      const items: CaseSummaryView[] = [];
      for (let after: string | null | undefined; after !== null;) {
        const page = (
          await system
            .http()
            .get('/api/v1/cases')
            .query({ ...params, limit: 2, ...(after ? { after } : {}) })
            .set(staff.auth)
            .expect(200)
        ).body as Page<CaseSummaryView>;
        items.push(...page.items);
        after = page.nextCursor;
      }
      return items;
    };

    const unit = await list(lead, { scope: 'unit' });
    const mine = await list(lead, { scope: 'mine', targetGroup: 'disability' });
    const closed = await list(lead, { status: 'closed' });

    expect(unit.length).toBeGreaterThanOrEqual(5);
    expect(unit.map((item) => item.openedAt)).toEqual([...unit.map((item) => item.openedAt)].sort().reverse());
    expect(new Set(unit.map((item) => item.id)).size).toBe(unit.length);
    expect(mine.map((item) => item.id)).toEqual([own.id]);
    expect(closed.every((item) => item.status === 'closed')).toBe(true);
    expect(closed.length).toBeGreaterThanOrEqual(2);
    expect(await list(colleague, {})).toEqual([]);
    expect(JSON.stringify(unit)).not.toMatch(/personnummer|0018|2381/);
  });

  it('takes a closed case out of the competence map', async () => {
    const needs = { municipalityCode: '1861', targetGroup: 'uvas', supportNeeds: ['hearing'] };
    const opened = (
      await system
        .http()
        .post('/api/v1/cases')
        .set(lead.auth)
        .send({ personnummer: '19121212-1212', ...needs })
        .expect(201)
    ).body as CaseView;
    const hearingCases = async () => {
      const map = (await system.http().get('/api/v1/competence-map').query({ municipalityCode: '1861' }).set(lead.auth).expect(200)).body as CompetenceMapView;
      return map.rows.find((row) => row.need === 'hearing')?.cases ?? 0;
    };
    await eventually(async () => expect(await hearingCases()).toBe(1));

    await changeStatus(lead, opened.id, { status: 'closed', outcome: 'work' }).expect(200);

    await eventually(async () => expect(await hearingCases()).toBe(0));
  });
});
