import type { CaseView, ConsentView } from '@samverkan/contracts';
import { query } from '@samverkan/testing';
import { consentFor, openCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

/** Units join a case team on a legal basis; one that joined on consent loses the case with it. */
describe('the case team', () => {
  let system: TestSystem;
  let lead: SignedInStaff; // Arbetsförmedlingen Örebro: opens and leads the case
  let socialServices: SignedInStaff; // Örebro kommun's försörjningsstöd: joins on consent
  let youthActivity: SignedInStaff; // Örebro kommun's KAA: joins on skollagen 29:9
  let caseId: string;

  beforeAll(async () => {
    system = await TestSystem.start('caseteam');
    lead = await signIn(system.http(), 'Arbetsförmedlare Örebro');
    socialServices = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
    youthActivity = await signIn(system.http(), 'KAA-samordnare Örebro');
    caseId = (await openCase(system.http(), lead, '20050315-2381')).id;
  });

  afterAll(async () => {
    await system?.shutdown();
  });

  const addUnit = (staff: SignedInStaff, body: Record<string, unknown>) => system.http().post(`/api/v1/cases/${caseId}/team`).set(staff.auth).send(body);
  const read = (staff: SignedInStaff) => system.http().get(`/api/v1/cases/${caseId}`).set(staff.auth);
  const lastEntryOf = async (staff: SignedInStaff) =>
    (
      await query<{ action: string; outcome: string; reason: string; legal_basis: string | null }>(
        system.databaseUrls.cases,
        'SELECT action, outcome, reason, legal_basis FROM access_log WHERE staff_id = $1 ORDER BY sequence DESC LIMIT 1',
        [staff.member.id],
      )
    )[0];

  it('refuses a unit on consent until a consent for coordination names it', async () => {
    const refused = await addUnit(lead, { unitId: socialServices.member.unitId, legalBasis: 'consent' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'CONSENT_DOES_NOT_COVER_RECEIVER', errors: [{ field: 'unitId' }] });
    await read(socialServices).expect(403);
  });

  it('lets the unit in on a consent for coordination, as a member that may read but not steer', async () => {
    await system
      .http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(lead.auth)
      .send(consentFor(socialServices.member.organisationId, { purpose: 'coordination' }))
      .expect(201);

    const added = (await addUnit(lead, { unitId: socialServices.member.unitId, legalBasis: 'consent' }).expect(200)).body as CaseView;

    expect(added.team).toContainEqual({
      unitId: socialServices.member.unitId,
      organisationId: socialServices.member.organisationId,
      role: 'member',
      legalBasis: 'consent',
    });
    await read(socialServices).expect(200);
    expect(await lastEntryOf(socialServices)).toEqual({ action: 'case.read', outcome: 'allowed', reason: 'team_unit', legal_basis: 'consent' });
    await system.http().post(`/api/v1/cases/${caseId}/status`).set(socialServices.auth).send({ status: 'active' }).expect(403);
    await addUnit(socialServices, { unitId: youthActivity.member.unitId, legalBasis: 'youth_activity_responsibility' }).expect(403);
  });

  it('takes the case from that unit the moment the consent is withdrawn', async () => {
    const consents = ((await read(lead).expect(200)).body as CaseView).consents as ConsentView[];
    const coordination = consents.find((consent) => consent.purpose === 'coordination' && consent.status === 'active');

    await system.http().post(`/api/v1/cases/${caseId}/consents/${coordination?.id}/withdraw`).set(lead.auth).expect(200);
    const refused = await read(socialServices).expect(403);

    expect(refused.body).toMatchObject({ errors: [{ field: 'caseId', message: 'consent_not_active' }] });
    expect(await lastEntryOf(socialServices)).toEqual({ action: 'case.read', outcome: 'denied', reason: 'consent_not_active', legal_basis: null });
  });

  it('adds a unit on another legal basis, and takes it off again', async () => {
    await addUnit(lead, { unitId: youthActivity.member.unitId, legalBasis: 'youth_activity_responsibility' }).expect(200);
    await read(youthActivity).expect(200);

    const removed = (await system.http().delete(`/api/v1/cases/${caseId}/team/${youthActivity.member.unitId}`).set(lead.auth).expect(200)).body as CaseView;

    expect(removed.team.map((member) => member.unitId)).not.toContain(youthActivity.member.unitId);
    await read(youthActivity).expect(403);
    const events = await query<{ envelope: { data: Record<string, unknown> } }>(
      system.databaseUrls.cases,
      "SELECT envelope FROM outbox WHERE subject = 'cases.events.case.team-changed' AND envelope->>'subject' = $1 ORDER BY created_at",
      [`case/${caseId}`],
    );
    expect(events.map((event) => [event.envelope.data.change, event.envelope.data.legalBasis])).toEqual([
      ['added', 'consent'],
      ['added', 'youth_activity_responsibility'],
      ['removed', 'youth_activity_responsibility'],
    ]);
  });

  it.each([
    ['the lead unit leaving', 'delete', () => lead.member.unitId, undefined, 409, 'ILLEGAL_TRANSITION', 'unitId'],
    ['a unit already on the team', 'post', () => socialServices.member.unitId, 'consent', 409, 'ILLEGAL_TRANSITION', 'unitId'],
    ['a unit that does not exist', 'post', () => '0193a5b0-9999-7000-8000-000000000009', 'duty_to_disclose', 404, 'UNIT_NOT_FOUND', 'unitId'],
    ['the lead’s own legal basis for another unit', 'post', () => youthActivity.member.unitId, 'case_handling', 400, 'VALIDATION_FAILED', 'legalBasis'],
    ['removing a unit not on the team', 'delete', () => youthActivity.member.unitId, undefined, 404, 'UNIT_NOT_FOUND', 'unitId'],
  ])('refuses %s, naming the field, and writes nothing', async (_case, method, unitId, legalBasis, status, code, field) => {
    if (legalBasis === 'consent') {
      await system
        .http()
        .post(`/api/v1/cases/${caseId}/consents`)
        .set(lead.auth)
        .send(consentFor(socialServices.member.organisationId, { purpose: 'coordination' }))
        .expect(201);
    }
    const before = await query(system.databaseUrls.cases, 'SELECT unit_id, role, legal_basis FROM case_team WHERE case_id = $1 ORDER BY unit_id', [caseId]);

    const response =
      method === 'delete'
        ? await system.http().delete(`/api/v1/cases/${caseId}/team/${unitId()}`).set(lead.auth)
        : await addUnit(lead, { unitId: unitId(), legalBasis });

    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code, errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(await query(system.databaseUrls.cases, 'SELECT unit_id, role, legal_basis FROM case_team WHERE case_id = $1 ORDER BY unit_id', [caseId])).toEqual(
      before,
    );
  });
});
