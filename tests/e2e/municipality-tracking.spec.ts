import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  EventType,
  todayInSweden,
  type Gender,
  type MunicipalityReferralsView,
  type ReferralStateData,
  type TargetGroup,
  type TrackingFigure,
  type TrackingMeasures,
} from '@samverkan/contracts';
import { aReferralEvent, eventually, query, testIdentityNumber } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { consentToShare, openCase, sendReferral } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

type StepTimes = NonNullable<ReferralStateData['steps']>;

const hour = 3_600_000;
const at = (base: string, hours: number) => new Date(Date.parse(base) + hours * hour).toISOString();

/**
 * Municipality tracking through the gateway, from learning's projection of referrals' events:
 * crafted events for the lifecycle referrals does not send yet (step times, deadlines, new
 * statuses), published into the REFERRALS stream as referrals' relay would, and referrals sent
 * and answered through the gateway as it runs today.
 */
describe('municipality tracking', () => {
  let system: TestSystem;
  let connection: NatsConnection;
  let js: JetStreamClient;
  let analystOrebro: SignedInStaff;
  let analystKumla: SignedInStaff;
  let regionalAnalyst: SignedInStaff; // Länsstyrelsen
  let caseworker: SignedInStaff; // Arbetsförmedlingen Örebro: no analyst role
  let municipalityCaseworker: SignedInStaff; // Örebro kommun

  beforeAll(async () => {
    system = await TestSystem.start('munitracking');
    connection = await connect({ servers: system.natsUrl });
    js = jetstream(connection);
    const http = system.http();
    analystOrebro = await signIn(http, 'Analytiker Örebro');
    analystKumla = await signIn(http, 'Analytiker Kumla');
    regionalAnalyst = await signIn(http, 'Utvärderare Länsstyrelsen');
    caseworker = await signIn(http, 'Arbetsförmedlare Örebro');
    municipalityCaseworker = await signIn(http, 'Handläggare försörjningsstöd Örebro');
  });

  afterAll(async () => {
    await connection?.close();
    await system?.shutdown();
  });

  /** Publishes a referral event as referrals' relay does: into its stream, the event id as message id. */
  async function publish(type: EventType, state: Partial<ReferralStateData>, time?: string): Promise<string> {
    const event = { ...aReferralEvent(type, state), ...(time ? { time } : {}) };
    await js.publish(system.subject(type), JSON.stringify(event), { msgID: event.id });
    return event.id;
  }

  const steps = (sentAt: string, later: Partial<StepTimes> = {}): StepTimes => ({
    sentAt,
    acknowledgedAt: null,
    answeredAt: null,
    startedAt: null,
    endedAt: null,
    ...later,
  });

  const tracking = (staff: SignedInStaff, municipalityCode: string, params: Record<string, string>) =>
    system.http().get(`/api/v1/statistics/municipalities/${municipalityCode}/referrals`).set(staff.auth).query(params);

  /** As the county's analyst, who follows every municipality. */
  async function view(municipalityCode: string, params: Record<string, string>): Promise<MunicipalityReferralsView> {
    return (await tracking(regionalAnalyst, municipalityCode, params).expect(200)).body as MunicipalityReferralsView;
  }

  /** Waits until learning has projected what the test published: the total of referrals says so. */
  async function viewOnce(municipalityCode: string, params: Record<string, string>, referrals: number): Promise<MunicipalityReferralsView> {
    return eventually(async () => {
      const found = await view(municipalityCode, params);
      expect(found.total.referrals).toEqual({ value: referrals, suppressed: false });
      return found;
    });
  }

  const targetGroups: TargetGroup[] = ['uvas', 'disability', 'foreign_background'];
  const genders: Gender[] = ['female', 'male', 'other', 'not_stated'];

  /** One measure as the table it is published as: a row per target group with its total, the gender totals last. */
  function table(found: MunicipalityReferralsView, measure: (measures: TrackingMeasures) => TrackingFigure): (number | null)[][] {
    const value = (measures: TrackingMeasures) => measure(measures).value;
    const cell = (targetGroup: TargetGroup, gender: Gender) =>
      found.cells.find((candidate) => candidate.targetGroup === targetGroup && candidate.gender === gender)?.measures as TrackingMeasures;
    return [
      ...targetGroups.map((targetGroup, row) => [
        ...genders.map((gender) => value(cell(targetGroup, gender))),
        value(found.byTargetGroup[row]?.measures as TrackingMeasures),
      ]),
      [...found.byGender.map((group) => value(group.measures)), value(found.total)],
    ];
  }

  const cellOf = (found: MunicipalityReferralsView, targetGroup: TargetGroup, gender: Gender): TrackingMeasures =>
    found.cells.find((candidate) => candidate.targetGroup === targetGroup && candidate.gender === gender)?.measures as TrackingMeasures;
  const declined = (measures: TrackingMeasures, reason: string) => measures.declineReasons.find((figure) => figure.reason === reason);

  describe('Hällefors (1863) in March 2025, from events with step times and deadlines', () => {
    const period = { from: '2025-03-01', to: '2025-03-31' };
    const base = '2025-03-03T08:00:00.000Z';
    let hallefors: string; // Hällefors kommun

    beforeAll(async () => {
      const [row] = await query<{ id: string }>(
        system.databaseUrls.actors,
        "SELECT id FROM organisations WHERE type = 'municipality' AND '1863' = ANY(municipality_codes)",
      );
      hallefors = row?.id as string;
      const person = { municipalityCode: '1863' as const };
      const published: Promise<string>[] = [];
      for (let index = 0; index < 12; index++) {
        // UVAS, women: accepted; answered after 2, 4 … 24 hours; half of them past their last day to start.
        const sentAt = at(base, index / 60);
        const startBy = index < 6 ? '2025-03-20' : index < 9 ? todayInSweden() : '2099-12-31';
        published.push(
          publish(EventType.ReferralAccepted, {
            ...person,
            targetGroup: 'uvas',
            gender: 'female',
            status: 'accepted',
            version: 2,
            steps: steps(sentAt, { answeredAt: at(sentAt, 2 * (index + 1)) }),
            deadlines: { acknowledgeBy: '2025-03-05', answerBy: '2025-03-10', startBy },
          }),
        );
      }
      for (let index = 0; index < 3; index++) {
        // UVAS, men: as referrals sends them today, without step times: sent when the event was written.
        published.push(publish(EventType.ReferralSent, { ...person, targetGroup: 'uvas', gender: 'male', status: 'sent' }, at(base, index)));
      }
      for (let index = 0; index < 20; index++) {
        // Disability, women: answered within the hour, started after 1 … 20 days; the last five completed.
        const sentAt = at(base, index / 60);
        const completed = index >= 15;
        published.push(
          publish(completed ? EventType.ReferralCompleted : EventType.ReferralStarted, {
            ...person,
            targetGroup: 'disability',
            gender: 'female',
            status: completed ? 'completed' : 'started',
            version: completed ? 4 : 3,
            steps: steps(sentAt, {
              answeredAt: at(sentAt, 1),
              startedAt: at(sentAt, 24 * (index + 1)),
              endedAt: completed ? at(sentAt, 24 * 30) : null,
            }),
          }),
        );
      }
      for (let index = 0; index < 15; index++) {
        // Disability, men: declined by Hällefors kommun after 3 hours, for lack of places or eligibility.
        const sentAt = at(base, index / 60);
        published.push(
          publish(EventType.ReferralDeclined, {
            ...person,
            targetGroup: 'disability',
            gender: 'male',
            toOrganisationId: hallefors,
            status: 'declined',
            declineReason: index < 11 ? 'no_capacity' : 'not_eligible',
            version: 2,
            steps: steps(sentAt, { answeredAt: at(sentAt, 3) }),
          }),
        );
      }
      for (let index = 0; index < 2; index++) {
        // Foreign background, women: two, accepted after 5 hours, by Hällefors kommun's own sending.
        const sentAt = at(base, index / 60);
        published.push(
          publish(EventType.ReferralAccepted, {
            ...person,
            targetGroup: 'foreign_background',
            gender: 'female',
            fromOrganisationId: hallefors,
            status: 'accepted',
            version: 2,
            steps: steps(sentAt, { answeredAt: at(sentAt, 5) }),
            deadlines: { acknowledgeBy: null, answerBy: null, startBy: '2099-12-31' },
          }),
        );
      }
      // Another municipality's, and Hällefors' outside the period: counted in neither.
      published.push(publish(EventType.ReferralSent, { municipalityCode: '1864', status: 'sent', steps: steps(base) }));
      published.push(publish(EventType.ReferralSent, { ...person, status: 'sent', steps: steps('2025-04-02T08:00:00.000Z') }));
      await Promise.all(published);
    });

    it('counts the referrals by target group and gender, suppressing every count under five and the figures that would reveal it', async () => {
      const found = await viewOnce('1863', period, 52);

      expect(found).toMatchObject({ municipalityCode: '1863', municipalityName: 'Hällefors', by: 'residence', ...period, asOf: todayInSweden() });
      expect(found.organisationIds).toEqual([hallefors]);
      // The three men with UVAS are hidden, and so are the 12 beside them (or the row total would give
      // the three away), the 15 below them (the column total), and the 20 that then stood alone; the
      // two with a foreign background, with their row total, and the UVAS row total that shares a column with it.
      expect(table(found, (measures) => measures.referrals)).toEqual([
        [null, null, 0, 0, null],
        [null, null, 0, 0, 35],
        [null, 0, 0, 0, null],
        [34, 18, 0, 0, 52],
      ]);
      expect(cellOf(found, 'uvas', 'male').referrals).toEqual({ value: null, suppressed: true });
    });

    it('counts what the municipality sent and received, what is open, and what is past its deadline today', async () => {
      const found = await viewOnce('1863', period, 52);

      expect(table(found, (measures) => measures.received)).toEqual([
        [0, 0, 0, 0, 0],
        [0, 15, 0, 0, 15],
        [0, 0, 0, 0, 0],
        [0, 15, 0, 0, 15],
      ]);
      expect(found.total.sent).toEqual({ value: null, suppressed: true });
      // Open: the accepted, the sent and the started, not the declined or the completed.
      expect(found.total.open).toEqual({ value: 12 + 3 + 15 + 2, suppressed: false });
      // Overdue: only the six accepted whose last day to start has passed; the last day itself is still in time.
      expect(table(found, (measures) => measures.overdue)).toEqual([
        [6, 0, 0, 0, 6],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [6, 0, 0, 0, 6],
      ]);
    });

    it('gives the median and 90th percentile of the hours to answer and to start, and none from fewer than five referrals', async () => {
      const found = await viewOnce('1863', period, 52);

      // Answered after 2, 4 … 24 hours: median 13, 90th percentile 20 + 0.9 × 2.
      expect(cellOf(found, 'uvas', 'female').timeToAnswer).toEqual({ medianHours: 13, p90Hours: 21.8, suppressed: false });
      // Started after 24, 48 … 480 hours.
      expect(cellOf(found, 'disability', 'female').timeToStart).toEqual({ medianHours: 252, p90Hours: 434.4, suppressed: false });
      expect(cellOf(found, 'disability', 'male').timeToAnswer).toEqual({ medianHours: 3, p90Hours: 3, suppressed: false });
      // Two answered: not published. None answered: nothing to publish.
      expect(cellOf(found, 'foreign_background', 'female').timeToAnswer).toEqual({ medianHours: null, p90Hours: null, suppressed: true });
      expect(cellOf(found, 'uvas', 'male').timeToAnswer).toEqual({ medianHours: null, p90Hours: null, suppressed: false });
      expect(found.total.timeToAnswer.suppressed).toBe(false);
    });

    it('counts decline reasons, each suppressed on its own', async () => {
      const found = await viewOnce('1863', period, 52);

      expect(declined(cellOf(found, 'disability', 'male'), 'no_capacity')).toEqual({ reason: 'no_capacity', value: 11, suppressed: false });
      expect(declined(found.total, 'no_capacity')).toEqual({ reason: 'no_capacity', value: 11, suppressed: false });
      expect(declined(found.total, 'not_eligible')).toEqual({ reason: 'not_eligible', value: null, suppressed: true });
      expect(declined(found.total, 'person_declined')).toEqual({ reason: 'person_declined', value: 0, suppressed: false });
    });

    it('exports the same figures as CSV, suppressed ones as "..", with format=csv or Accept: text/csv', async () => {
      await viewOnce('1863', period, 52);

      const byFormat = await tracking(regionalAnalyst, '1863', { ...period, format: 'csv' }).expect(200);
      const byAccept = await tracking(regionalAnalyst, '1863', period).set('accept', 'text/csv').expect(200);

      expect(byFormat.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(byFormat.headers['content-disposition']).toBe('attachment; filename="remisser-1863-2025-03-01-2025-03-31.csv"');
      expect(byAccept.text).toBe(byFormat.text);
      expect(byFormat.text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = byFormat.text
        .slice(1)
        .trimEnd()
        .split('\r\n')
        .map((line) => line.split(','));
      expect(header?.slice(0, 13)).toEqual([
        'Kommunkod',
        'Kommun',
        'Urval',
        'Från och med',
        'Till och med',
        'Försenade per',
        'Målgrupp',
        'Kön',
        'Remisser',
        'Skickade',
        'Mottagna',
        'Öppna',
        'Försenade',
      ]);
      // All, three target groups, four genders, twelve cells.
      expect(rows).toHaveLength(1 + 3 + 4 + 12);
      const column = (name: string) => header?.indexOf(name) as number;
      const rowOf = (targetGroup: string, gender: string) => rows.find((row) => row[6] === targetGroup && row[7] === gender) as string[];
      const all = rowOf('Samtliga', 'Samtliga');
      expect(all.slice(0, 9)).toEqual(['1863', 'Hällefors', 'Personens hemkommun', '2025-03-01', '2025-03-31', todayInSweden(), 'Samtliga', 'Samtliga', '52']);
      expect(all[column('Avböjda: Uppfyller inte villkoren')]).toBe('..');
      const uvasMen = rowOf('Unga som varken arbetar eller studerar', 'Män');
      expect(uvasMen[column('Remisser')]).toBe('..');
      expect(uvasMen[column('Tid till svar median (timmar)')]).toBe('');
      const uvasWomen = rowOf('Unga som varken arbetar eller studerar', 'Kvinnor');
      expect([
        uvasWomen[column('Försenade')],
        uvasWomen[column('Tid till svar median (timmar)')],
        uvasWomen[column('Tid till svar 90:e percentil (timmar)')],
      ]).toEqual(['6', '13', '21.8']);
      expect(rowOf('Personer med utländsk bakgrund', 'Kvinnor')[column('Tid till svar median (timmar)')]).toBe('..');
    });
  });

  describe('by organisation: what the municipality itself sent and received', () => {
    const period = { from: '2025-05-01', to: '2025-05-31' };

    it("counts Örebro's referrals by its own organisations, whoever the person's municipality", async () => {
      const orebroKommun = await query<{ id: string }>(
        system.databaseUrls.actors,
        "SELECT id FROM organisations WHERE type = 'municipality' AND '1880' = ANY(municipality_codes) ORDER BY id",
      );
      const ownIds = orebroKommun.map((row) => row.id);
      expect(ownIds.length).toBeGreaterThanOrEqual(1);
      const own = ownIds[0] as string;
      const sentAt = '2025-05-05T10:00:00.000Z';
      const common = { municipalityCode: '1881' as const, targetGroup: 'uvas' as const, gender: 'female' as const, status: 'sent' as const };
      await Promise.all([
        ...Array.from({ length: 6 }, () => publish(EventType.ReferralSent, { ...common, fromOrganisationId: own, steps: steps(sentAt) })),
        ...Array.from({ length: 7 }, () => publish(EventType.ReferralSent, { ...common, toOrganisationId: own, steps: steps(sentAt) })),
      ]);

      const byOrganisation = await viewOnce('1880', { ...period, by: 'organisation' }, 13);
      const byResidence = await view('1880', period);

      expect(byOrganisation.organisationIds.sort()).toEqual(ownIds.sort());
      expect(byOrganisation.total).toMatchObject({ sent: { value: 6, suppressed: false }, received: { value: 7, suppressed: false } });
      expect(cellOf(byOrganisation, 'uvas', 'female')).toMatchObject({ sent: { value: 6 }, received: { value: 7 }, open: { value: 13 } });
      // The persons live in Kumla: Örebro's residents had none.
      expect(byResidence.total.referrals).toEqual({ value: 0, suppressed: false });
      const csv = await tracking(analystOrebro, '1880', { ...period, by: 'organisation', format: 'csv' }).expect(200);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="remisser-1880-organisation-2025-05-01-2025-05-31.csv"');
      expect(csv.text).toContain(',Kommunens organisation,');
    });
  });

  it('counts a referral on the Swedish day it was sent, midnight to midnight in Stockholm', async () => {
    // 2025-02-28 23:30 UTC is 1 March in Sweden (UTC+1); 2025-03-31 22:30 UTC is 1 April (summer time, UTC+2).
    const person = { municipalityCode: '1882' as const, status: 'sent' as const };
    await Promise.all([
      ...Array.from({ length: 5 }, () => publish(EventType.ReferralSent, { ...person, steps: steps('2025-02-28T23:30:00.000Z') })),
      ...Array.from({ length: 6 }, () => publish(EventType.ReferralSent, { ...person, steps: steps('2025-03-31T22:30:00.000Z') })),
    ]);

    await viewOnce('1882', { from: '2025-03-01', to: '2025-03-31' }, 5);
    await viewOnce('1882', { from: '2025-04-01', to: '2025-04-30' }, 6);
    await viewOnce('1882', { from: '2025-02-01', to: '2025-02-28' }, 0);
  });

  it('counts referrals sent and answered through the gateway today, from the events referrals sends', async () => {
    const today = { from: todayInSweden(), to: todayInSweden() };
    const receiver = municipalityCaseworker.member.organisationId; // Örebro kommun
    const referralIds: string[] = [];
    for (let serial = 0; serial < 5; serial++) {
      const opened = await openCase(system.http(), caseworker, testIdentityNumber('1999-04-12', 310 + serial), {
        municipalityCode: '1884',
        targetGroup: 'uvas',
      });
      await consentToShare(system.http(), caseworker, opened.id, receiver);
      referralIds.push((await sendReferral(system.http(), caseworker, opened.id, receiver)).id);
    }
    for (const [index, referralId] of referralIds.entries()) {
      const answer = index < 3 ? 'accept' : 'decline';
      await system
        .http()
        .post(`/api/v1/referrals/${referralId}/${answer}`)
        .set(municipalityCaseworker.auth)
        .send(answer === 'decline' ? { reason: 'no_capacity' } : {})
        .expect(200);
    }

    // Nora's residents, sent by Arbetsförmedlingen and received by Örebro kommun.
    const found = await eventually(async () => {
      const current = await view('1884', today);
      expect(current.total.timeToAnswer.medianHours).not.toBeNull();
      return current;
    });
    expect(found.total).toMatchObject({
      referrals: { value: 5, suppressed: false },
      sent: { value: 0, suppressed: false },
      received: { value: 0, suppressed: false },
      timeToAnswer: { suppressed: false },
    });
    expect(found.total.timeToAnswer.medianHours).toBeGreaterThanOrEqual(0);
    expect(declined(found.total, 'no_capacity')).toEqual({ reason: 'no_capacity', value: null, suppressed: true });
    const byOrebroKommun = await view('1880', { ...today, by: 'organisation' });
    expect(byOrebroKommun.total.received).toEqual({ value: 5, suppressed: false });
  });

  it('converges on the newest state and the newest step times whatever order the events arrive in', async () => {
    const referralId = randomUUID();
    const person = { referralId, municipalityCode: '1885' as const, targetGroup: 'uvas' as const, gender: 'male' as const };
    const facts = () =>
      query<{ status: string; version: number; sent_at: Date; answered_at: Date | null; started_at: Date | null; start_by: Date | null }>(
        system.databaseUrls.learning,
        'SELECT status, version, sent_at, answered_at, started_at, start_by FROM referral_facts WHERE referral_id = $1',
        [referralId],
      );
    const handled = (eventId: string) =>
      query(system.databaseUrls.learning, "SELECT 1 FROM processed_events WHERE consumer = 'learning-referral-statistics' AND event_id = $1", [eventId]);
    const applied = async (eventId: string) => eventually(async () => expect(await handled(eventId)).toHaveLength(1));

    // The answer (written before step times were sent) arrives before the sending it follows.
    await applied(await publish(EventType.ReferralAccepted, { ...person, status: 'accepted', version: 2 }, '2025-06-03T12:00:00.000Z'));
    await applied(await publish(EventType.ReferralSent, { ...person, status: 'sent', version: 1 }, '2025-06-02T08:00:00.000Z'));
    expect(await facts()).toEqual([
      {
        status: 'accepted',
        version: 2,
        sent_at: new Date('2025-06-02T08:00:00.000Z'),
        answered_at: new Date('2025-06-03T12:00:00.000Z'),
        started_at: null,
        start_by: null,
      },
    ]);

    // A newer event with step times and a deadline overrides what the older ones told; older ones
    // arriving again afterwards change nothing.
    await applied(
      await publish(EventType.ReferralStarted, {
        ...person,
        status: 'started',
        version: 3,
        steps: steps('2025-06-02T08:00:00.500Z', { answeredAt: '2025-06-03T11:59:59.000Z', startedAt: '2025-06-09T09:00:00.000Z' }),
        deadlines: { acknowledgeBy: null, answerBy: null, startBy: '2025-06-16' },
      }),
    );
    await applied(await publish(EventType.ReferralAccepted, { ...person, status: 'accepted', version: 2 }, '2025-06-03T12:00:00.000Z'));
    await applied(await publish(EventType.ReferralSent, { ...person, status: 'sent', version: 1 }, '2025-06-02T08:00:00.000Z'));

    const [fact] = await facts();
    expect(fact).toMatchObject({
      status: 'started',
      version: 3,
      sent_at: new Date('2025-06-02T08:00:00.500Z'),
      answered_at: new Date('2025-06-03T11:59:59.000Z'),
      started_at: new Date('2025-06-09T09:00:00.000Z'),
    });
    expect(fact?.start_by?.toISOString().slice(0, 10)).toBe('2025-06-16');
  });

  describe('who may read it', () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };

    it("lets analysts read their own municipality's figures, and the region's analysts every municipality's", async () => {
      await tracking(analystOrebro, '1880', period).expect(200);
      await tracking(regionalAnalyst, '1863', period).expect(200);
    });

    it("refuses a caseworker without an analyst's, coordinator's or unit manager's role, and another municipality's analyst", async () => {
      const caseworkerAnswer = await tracking(caseworker, '1880', period).expect(403);
      const otherMunicipality = await eventually(async () => tracking(analystKumla, '1880', period).expect(403));

      expect(caseworkerAnswer.body).toMatchObject({ code: 'FORBIDDEN' });
      expect(otherMunicipality.body).toMatchObject({ code: 'FORBIDDEN', errors: [{ field: 'municipalityCode' }] });
      await tracking(analystKumla, '1881', period).expect(200);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a code outside Örebro län', 'municipalityCode', '0180', { from: '2025-01-01', to: '2025-12-31' }],
      ['a code that is no code', 'municipalityCode', 'orebro', { from: '2025-01-01', to: '2025-12-31' }],
      ['a missing first day', 'from', '1880', { to: '2025-12-31' }],
      ['a day that does not exist', 'from', '1880', { from: '2025-02-30', to: '2025-12-31' }],
      ['a last day before the first', 'to', '1880', { from: '2025-06-01', to: '2025-05-31' }],
      ['a period longer than two years', 'to', '1880', { from: '2024-01-01', to: '2026-01-01' }],
      ['an unknown view', 'by', '1880', { from: '2025-01-01', to: '2025-12-31', by: 'unit' }],
      ['an unknown format', 'format', '1880', { from: '2025-01-01', to: '2025-12-31', format: 'xlsx' }],
      ['an unknown parameter', 'personnummer', '1880', { from: '2025-01-01', to: '2025-12-31', personnummer: '19900101-0017' }],
    ])('answers %s with 400 naming %s', async (_description, field, code, params) => {
      const answer = await tracking(analystOrebro, code, params as Record<string, string>).expect(400);

      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    });

    it('takes a period of exactly two years', async () => {
      await tracking(analystOrebro, '1880', { from: '2024-01-01', to: '2025-12-31' }).expect(200);
      await tracking(analystOrebro, '1880', { from: '2024-02-29', to: '2026-02-28' }).expect(200);
      await tracking(analystOrebro, '1880', { from: '2024-02-29', to: '2026-03-01' }).expect(400);
    });
  });
});
