import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  DeclineReason,
  EventType,
  ExitDestination,
  Gender,
  municipalityCodes,
  ReferralOutcome,
  ReferralStatus,
  TargetGroup,
  todayInSweden,
  type GenderBalanceView,
  type ObstacleCandidateView,
  type ObstacleView,
  type Page,
  type ProjectionRunView,
  type ReferralDurationsView,
  type ReferralStateData,
  type ReferralStatisticsTable,
  type SupportResourceFollowUpView,
} from '@samverkan/contracts';
import { aReferralEvent, eventually, query, testIdentityNumber } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { daysAgoInSweden } from '../support/dates';
import { referredCase } from '../support/flow';
import { signIn, type SignedInStaff } from '../support/staff';
import { TestSystem } from '../support/system';

const day = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString();
const later = (iso: string, days: number) => new Date(Date.parse(iso) + days * day).toISOString();

/** A table's published values: each row's key, cells and total, then the column totals and the grand total. */
function published(table: ReferralStatisticsTable): Array<[string, ...(number | null)[]]> {
  return [
    ...table.rows.map((row): [string, ...(number | null)[]] => [
      row.key.map((key) => key.value).join('/'),
      ...row.cells.map((cell) => cell.value),
      row.total.value,
    ]),
    ['total', ...table.columnTotals.map((cell) => cell.value), table.total.value],
  ];
}

/**
 * Anonymised statistics of the referral flow through the gateway, counted by learning from
 * referrals' events (crafted here, published into the REFERRALS stream as referrals' relay does,
 * so every figure is known) and the directory's: tables by any dimensions with suppression, durations,
 * a resource's follow-up, commuting and gender balance, who may read what; obstacle candidates
 * found in the flow; and the rebuild of the projection from the stream and the history.
 */
describe('learning statistics', () => {
  let system: TestSystem;
  let connection: NatsConnection;
  let js: JetStreamClient;
  let analyst: SignedInStaff; // Region Örebro län
  let caseworker: SignedInStaff; // Arbetsförmedlingen Örebro: sent every referral here
  let bystander: SignedInStaff; // Örebro kommun: neither sent nor received them
  let operator: SignedInStaff;
  let resource: { id: string; organisationId: string; needs: string[]; municipalityCode: string };
  const period = { from: daysAgoInSweden(40), to: todayInSweden() };

  /** Publishes a referral event as referrals' relay does: into its stream, the event id as message id. */
  async function publish(type: EventType, state: Partial<ReferralStateData>): Promise<void> {
    const event = aReferralEvent(type, state);
    await js.publish(system.subject(type), JSON.stringify(event), { msgID: event.id });
  }

  const get = (staff: SignedInStaff, path: string, params: Record<string, string> = {}) =>
    system
      .http()
      .get(`/api/v1${path}`)
      .set(staff.auth)
      .query({ ...period, ...params });

  async function table(params: Record<string, string>, staff: SignedInStaff = analyst): Promise<ReferralStatisticsTable> {
    return (await get(staff, '/statistics/referrals', params).expect(200)).body as ReferralStatisticsTable;
  }

  /** Every figure the tests below read, to compare before and after a rebuild. */
  async function figures(): Promise<unknown[]> {
    return Promise.all([
      table({ rows: 'municipality', columns: 'gender' }),
      table({ rows: 'exitDestination,targetGroup', columns: 'gender', periodBasis: 'ended' }),
      table({ rows: 'need', columns: 'status' }),
      get(analyst, '/statistics/referrals/durations', { measure: 'timeToStart', rows: 'gender' }).then((response) => response.body),
    ]);
  }

  beforeAll(async () => {
    system = await TestSystem.start('learnstats', {
      env: { learning: { OBSTACLE_CANDIDATE_INTERVAL_MS: '300', OBSTACLE_CANDIDATE_MIN_COUNT: '5', OBSTACLE_CANDIDATE_MIN_SHARE: '0.5' } },
    });
    connection = await connect({ servers: system.natsUrl });
    js = jetstream(connection);
    const http = system.http();
    analyst = await signIn(http, 'Anna Regional');
    caseworker = await signIn(http, 'Arbetsförmedlare Örebro');
    bystander = await signIn(http, 'Handläggare försörjningsstöd Örebro');
    operator = await signIn(http, 'Olle Drift');

    // A resource outside Örebro whose unit and needs learning knows from actors' events.
    const [{ count: resources } = { count: 0 }] = await query<{ count: number }>(
      system.databaseUrls.actors,
      'SELECT count(*)::int AS count FROM support_resources',
    );
    resource = await eventually(async () => {
      const [known] = await query<{ count: number }>(system.databaseUrls.learning, 'SELECT count(*)::int AS count FROM support_resources');
      expect(known?.count).toBe(resources);
      const [found] = await query<{ id: string; organisationId: string; needs: string[]; municipalityCode: string }>(
        system.databaseUrls.learning,
        `SELECT sr.resource_id AS id, sr.organisation_id AS "organisationId", sr.addresses_needs AS needs, u.municipality_code AS "municipalityCode"
           FROM support_resources sr JOIN units u ON u.unit_id = sr.unit_id
          WHERE cardinality(sr.addresses_needs) = 2 AND u.municipality_code NOT IN ('1880', '1881') ORDER BY sr.resource_id LIMIT 1`,
      );
      expect(found).toBeDefined();
      return found as typeof resource;
    });

    const toResource = { fromOrganisationId: caseworker.member.organisationId, toOrganisationId: resource.organisationId, supportResourceId: resource.id };
    const published: Promise<void>[] = [];
    for (let index = 0; index < 8; index++) {
      // Women of Örebro: completed, to work, after 2 days to start and 8 in the resource.
      const sentAt = daysAgo(30 - index / 100);
      const steps = { sentAt, acknowledgedAt: later(sentAt, 0.5), answeredAt: later(sentAt, 1), startedAt: later(sentAt, 2), endedAt: later(sentAt, 10) };
      published.push(
        publish(EventType.ReferralCompleted, {
          ...toResource,
          municipalityCode: '1880',
          targetGroup: 'uvas',
          gender: 'female',
          status: 'completed',
          version: 5,
          steps,
          outcome: 'achieved',
          exitDestination: 'work',
        }),
      );
    }
    for (let index = 0; index < 6; index++) {
      // Men of Örebro: completed, to studies, after 4 days to start and 10 in the resource.
      const sentAt = daysAgo(30 - index / 100);
      const steps = { sentAt, acknowledgedAt: later(sentAt, 1), answeredAt: later(sentAt, 2), startedAt: later(sentAt, 4), endedAt: later(sentAt, 14) };
      published.push(
        publish(EventType.ReferralCompleted, {
          ...toResource,
          municipalityCode: '1880',
          targetGroup: 'disability',
          gender: 'male',
          status: 'completed',
          version: 5,
          steps,
          outcome: 'partly_achieved',
          exitDestination: 'studies',
        }),
      );
    }
    for (let index = 0; index < 2; index++) {
      // Two of other gender from Örebro, still in the resource: too few to show.
      const sentAt = daysAgo(20);
      published.push(
        publish(EventType.ReferralStarted, {
          ...toResource,
          municipalityCode: '1880',
          targetGroup: 'uvas',
          gender: 'other',
          status: 'started',
          version: 4,
          steps: { sentAt, acknowledgedAt: later(sentAt, 1), answeredAt: later(sentAt, 1), startedAt: later(sentAt, 3), endedAt: null },
        }),
      );
    }
    for (let index = 0; index < 6; index++) {
      // Women of Kumla, all declined for lack of places: an obstacle candidate.
      const sentAt = daysAgo(10);
      published.push(
        publish(EventType.ReferralDeclined, {
          ...toResource,
          municipalityCode: '1881',
          targetGroup: 'foreign_background',
          gender: 'female',
          status: 'declined',
          declineReason: 'no_capacity',
          version: 3,
          steps: { sentAt, acknowledgedAt: later(sentAt, 1), answeredAt: later(sentAt, 2), startedAt: null, endedAt: null },
        }),
      );
    }
    await Promise.all(published);
    await eventually(async () => expect((await table({})).total.value).toBe(22));
  });

  afterAll(async () => {
    await connection?.close();
    await system?.shutdown();
  });

  describe('tables of counts', () => {
    it('counts referrals by municipality and gender, suppressing the small count and what would give it away', async () => {
      const found = await table({ rows: 'municipality', columns: 'gender' });

      expect(found).toMatchObject({ rowDimensions: ['municipality'], columnDimension: 'gender', coverage: 'all', smallestPublishedCount: 5 });
      expect(found.columnValues).toEqual(['female', 'male', 'other', 'not_stated']);
      // Örebro's 2 of other gender are hidden, and with them Örebro's 6 men (the row would give the 2
      // away), then the 6 men's column total, and the column of other's total of 2.
      expect(published(found)).toEqual([
        ['1880', 8, null, null, 0, 16],
        ['1881', 6, 0, 0, 0, 6],
        ['total', 14, null, null, 0, 22],
      ]);
      for (const row of found.rows) for (const cell of row.cells) expect(cell.suppressed).toBe(cell.value === null);
    });

    it('groups by several dimensions, by where people went, by the needs the resource addresses and by organisation type', async () => {
      const exits = await table({ rows: 'exitDestination,targetGroup', columns: 'gender', periodBasis: 'ended' });
      const needs = await table({ rows: 'need', columns: 'status' });
      const flows = await table({ rows: 'fromOrganisationType', columns: 'toOrganisationType' });

      expect(published(exits)).toEqual([
        ['work/uvas', 8, 0, 0, 0, 8],
        ['studies/disability', 0, 6, 0, 0, 6],
        ['total', 8, 6, 0, 0, 14],
      ]);
      // Each referral counted under each of the resource's two needs.
      expect(needs.rows.map((row) => row.key[0]?.value).sort()).toEqual([...resource.needs].sort());
      expect(needs.rows.map((row) => row.total.value)).toEqual([22, 22]);
      expect(flows.rows.map((row) => row.key[0]?.value)).toEqual(['state_agency']);
      expect(flows.total.value).toBe(22);
    });

    it('filters by period basis, municipality, gender and status', async () => {
      const started = await table({ periodBasis: 'started', municipalityCode: '1880', gender: 'female' });
      const declined = await table({ status: 'declined', rows: 'declineReason' });
      const earlier = await table({ from: daysAgoInSweden(400), to: daysAgoInSweden(200) });

      expect(started.total.value).toBe(8);
      expect(published(declined)).toEqual([
        ['no_capacity', 6, 6],
        ['total', 6, 6],
      ]);
      expect(earlier.total).toEqual({ value: 0, suppressed: false });
    });

    it('exports a table as CSV, suppressed figures as ".."', async () => {
      const response = await get(analyst, '/statistics/referrals', { rows: 'municipality', columns: 'gender', format: 'csv' }).expect(200);

      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
        'Hemkommun,female,male,other,not_stated,Totalt',
        '1880,8,..,..,0,16',
        '1881,6,0,0,0,6',
        'Totalt,14,..,..,0,22',
        '',
      ]);
    });

    it('gives durations in days by gender, withholding those of fewer than five', async () => {
      const view = (await get(analyst, '/statistics/referrals/durations', { measure: 'timeToStart', rows: 'gender' }).expect(200))
        .body as ReferralDurationsView;

      expect(view.rows).toEqual([
        { key: [{ dimension: 'gender', value: 'female' }], basis: { value: 8, suppressed: false }, medianDays: 2, p90Days: 2, suppressed: false },
        { key: [{ dimension: 'gender', value: 'male' }], basis: { value: 6, suppressed: false }, medianDays: 4, p90Days: 4, suppressed: false },
        { key: [{ dimension: 'gender', value: 'other' }], basis: { value: null, suppressed: true }, medianDays: null, p90Days: null, suppressed: true },
      ]);
    });
  });

  describe("the pre-study's structural questions", () => {
    it('follows up the resource from its events: who started and ended by gender, where they went, their outcomes and time in it', async () => {
      const view = (await get(analyst, `/statistics/support-resources/${resource.id}/follow-up`).expect(200)).body as SupportResourceFollowUpView;

      // The two of other gender still in it are hidden, with the six men who started (their row would
      // give the two away) and the men's total (the totals' line would).
      expect(published(view.participants)).toEqual([
        ['ended', 8, 6, 0, 0, 14],
        ['started', 8, null, null, 0, 16],
        ['total', 16, null, null, 0, 30],
      ]);
      expect(published(view.exitDestinations).slice(0, 2)).toEqual([
        ['work', 8, 0, 0, 0, 8],
        ['studies', 0, 6, 0, 0, 6],
      ]);
      expect(published(view.outcomes).slice(0, 2)).toEqual([
        ['achieved', 8, 0, 0, 0, 8],
        ['partly_achieved', 0, 6, 0, 0, 6],
      ]);
      expect(view.timeInResource.rows.map((row) => [row.key[0]?.value, row.medianDays])).toEqual([
        ['female', 8],
        ['male', 10],
      ]);
    });

    it('shows where people live against where their support is, for all and for one gender', async () => {
      const all = (await get(analyst, '/statistics/commuting').expect(200)).body as ReferralStatisticsTable;
      const women = (await get(analyst, '/statistics/commuting', { gender: 'female' }).expect(200)).body as ReferralStatisticsTable;

      const column = all.columnValues.indexOf(resource.municipalityCode);
      expect(all.rows.map((row) => [row.key[0]?.value, row.cells[column]?.value])).toEqual([['1880', 16]]);
      expect(women.rows.map((row) => [row.key[0]?.value, row.cells[column]?.value])).toEqual([['1880', 8]]);
    });

    it('shows the gender balance of exit destinations and of resources', async () => {
      const view = (await get(analyst, '/statistics/gender-balance').expect(200)).body as GenderBalanceView;

      expect(published(view.exitDestinations).slice(0, 2)).toEqual([
        ['work', 8, 0, 0, 0, 8],
        ['studies', 0, 6, 0, 0, 6],
      ]);
      expect(published(view.resources)[0]).toEqual([resource.id, 8, null, null, 0, 16]);
    });
  });

  describe('who reads what', () => {
    it("gives staff who are no analysts only their own organisation's referrals", async () => {
      const own = await table({ rows: 'municipality' }, caseworker);
      const none = await table({ rows: 'municipality' }, bystander);

      expect([own.coverage, own.total.value]).toEqual(['own_organisation', 22]);
      expect([none.coverage, none.total.value, none.rows]).toEqual(['own_organisation', 0, []]);
    });

    it("refuses a resource's follow-up to another organisation's staff, and statistics to operators", async () => {
      const refused = await get(bystander, `/statistics/support-resources/${resource.id}/follow-up`).expect(403);
      await get(operator, '/statistics/referrals').expect(403);

      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', errors: [{ field: 'supportResourceId' }] });
    });

    it('answers bad input with 400 naming the field', async () => {
      const unknownDimension = await get(analyst, '/statistics/referrals', { rows: 'municipality,personnummer' }).expect(400);
      const backwards = await get(analyst, '/statistics/referrals', { from: '2026-03-01', to: '2026-02-01' }).expect(400);
      const tooMany = await get(analyst, '/statistics/referrals', { rows: 'municipality,gender,need,status' }).expect(400);
      const noMeasure = await get(analyst, '/statistics/referrals/durations').expect(400);
      const unknownResource = await get(analyst, `/statistics/support-resources/${randomUUID()}/follow-up`).expect(404);

      expect(unknownDimension.body.errors).toEqual([expect.objectContaining({ field: 'rows' })]);
      expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
      expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'rows' })]);
      expect(noMeasure.body.errors).toEqual([expect.objectContaining({ field: 'measure' })]);
      expect(unknownResource.body).toMatchObject({ code: 'SUPPORT_RESOURCE_NOT_FOUND', errors: [{ field: 'supportResourceId' }] });
    });
  });

  describe('obstacle candidates from the flow', () => {
    let candidates: ObstacleCandidateView[];

    beforeAll(async () => {
      candidates = await eventually(async () => {
        const page = (await system.http().get('/api/v1/obstacle-candidates').set(analyst.auth).query({ rule: 'no_capacity_declines' }).expect(200))
          .body as Page<ObstacleCandidateView>;
        expect(page.items).toHaveLength(2);
        return page.items;
      });
    });

    it('proposes, per need of the resource, the lack of places in Kumla this quarter, with the numbers behind it', () => {
      expect(candidates.map((candidate) => candidate.need).sort()).toEqual([...resource.needs].sort());
      for (const candidate of candidates) {
        expect(candidate).toMatchObject({ category: 'capacity', municipalityCode: '1881', count: 6, basis: 6, share: 1, threshold: 5, status: 'proposed' });
      }
    });

    it('records the obstacle when an analyst confirms one, with the candidate as its evidence, once', async () => {
      const [candidate] = candidates as [ObstacleCandidateView];
      const confirmed = (
        await system.http().post(`/api/v1/obstacle-candidates/${candidate.id}/confirm`).set(analyst.auth).send({ version: candidate.version }).expect(200)
      ).body as ObstacleCandidateView;
      const again = await system.http().post(`/api/v1/obstacle-candidates/${candidate.id}/confirm`).set(analyst.auth).send({ version: confirmed.version });
      const obstacle = (await system.http().get(`/api/v1/obstacles/${confirmed.obstacleId}`).set(analyst.auth).expect(200)).body as ObstacleView;

      expect(confirmed).toMatchObject({ status: 'confirmed', decidedBy: analyst.member.id, version: candidate.version + 1 });
      expect(again.status).toBe(409);
      expect(obstacle).toMatchObject({ category: 'capacity', municipalityCodes: ['1881'] });
      expect(obstacle.evidence).toEqual([expect.objectContaining({ kind: 'referral_flow', candidateId: candidate.id })]);
    });

    it('dismisses one only with a reason, and only for analysts', async () => {
      const [, candidate] = candidates as [ObstacleCandidateView, ObstacleCandidateView];
      const dismiss = (staff: SignedInStaff, body: object) =>
        system.http().post(`/api/v1/obstacle-candidates/${candidate.id}/dismiss`).set(staff.auth).send(body);

      const withoutReason = await dismiss(analyst, { version: candidate.version }).expect(400);
      await dismiss(caseworker, { version: candidate.version, reason: 'Tillfälligt stängt under sommaren' }).expect(403);
      const dismissed = (await dismiss(analyst, { version: candidate.version, reason: 'Tillfälligt stängt under sommaren' }).expect(200)).body;
      const unknown = await system.http().post(`/api/v1/obstacle-candidates/${randomUUID()}/dismiss`).set(analyst.auth).send({ version: 1, reason: 'x' });

      expect(new Set((withoutReason.body.errors as Array<{ field: string }>).map((error) => error.field))).toEqual(new Set(['reason']));
      expect(dismissed).toMatchObject({ status: 'dismissed', dismissalReason: 'Tillfälligt stängt under sommaren', obstacleId: null });
      expect(unknown.status).toBe(404);
    });
  });

  it("keeps the enums statistics scan by equal to the contracts' vocabulary, so no event's code is refused", async () => {
    const labels = await query<{ type: string; labels: string[] }>(
      system.databaseUrls.learning,
      `SELECT t.typname AS type, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typname LIKE 'stat\\_%' GROUP BY t.typname ORDER BY t.typname`,
    );

    expect(Object.fromEntries(labels.map((row) => [row.type, row.labels]))).toEqual({
      stat_decline_reason: Object.values(DeclineReason),
      stat_exit_destination: Object.values(ExitDestination),
      stat_gender: Object.values(Gender),
      stat_municipality: municipalityCodes,
      stat_outcome: Object.values(ReferralOutcome),
      stat_status: Object.values(ReferralStatus),
      stat_target_group: Object.values(TargetGroup),
    });
  });

  describe('the history and the rebuild', () => {
    async function rebuild(body: object = {}): Promise<ProjectionRunView> {
      const started = (await system.http().post('/api/v1/operations/projections/referral-facts/rebuild').set(operator.auth).send(body).expect(202))
        .body as ProjectionRunView;
      return eventually(async () => {
        const run = (await system.http().get(`/api/v1/operations/projection-runs/${started.id}`).set(operator.auth).expect(200)).body as ProjectionRunView;
        expect(run.status).toBe('completed');
        return run;
      });
    }

    it('keeps every version of a referral in an append-only history, whatever order the events came in', async () => {
      const referralId = randomUUID();
      const sentAt = daysAgo(300);
      const steps = { sentAt, acknowledgedAt: null, answeredAt: later(sentAt, 1), startedAt: null, endedAt: null };
      await publish(EventType.ReferralAccepted, { referralId, municipalityCode: '1885', status: 'accepted', version: 2, steps });
      await publish(EventType.ReferralSent, { referralId, municipalityCode: '1885', status: 'sent', version: 1, steps: { ...steps, answeredAt: null } });

      const history = await eventually(async () => {
        const rows = await query<{ version: number; status: string }>(
          system.databaseUrls.learning,
          'SELECT version, status FROM referral_transitions WHERE referral_id = $1 ORDER BY version',
          [referralId],
        );
        expect(rows).toHaveLength(2);
        return rows;
      });
      const [fact] = await query(system.databaseUrls.learning, 'SELECT status, version FROM referral_facts WHERE referral_id = $1', [referralId]);

      expect(history).toEqual([
        { version: 1, status: 'sent' },
        { version: 2, status: 'accepted' },
      ]);
      expect(fact).toEqual({ status: 'accepted', version: 2 });
      await expect(
        query(system.databaseUrls.learning, "UPDATE referral_transitions SET status = 'declined' WHERE referral_id = $1", [referralId]),
      ).rejects.toThrow(/append-only/);
      await expect(query(system.databaseUrls.learning, 'DELETE FROM referral_transitions WHERE referral_id = $1', [referralId])).rejects.toThrow(/append-only/);
    });

    it('records a referral sent and answered through the gateway in the history', async () => {
      const receiver = await signIn(system.http(), 'Handläggare försörjningsstöd Örebro');
      const { sent } = await referredCase(system.http(), caseworker, receiver, testIdentityNumber('1990-02-14', 13), {
        municipalityCode: '1885',
        targetGroup: 'uvas',
      });
      await system.http().post(`/api/v1/referrals/${sent.id}/accept`).set(receiver.auth).expect(200);

      await eventually(async () => {
        const rows = await query(system.databaseUrls.learning, 'SELECT version, status FROM referral_transitions WHERE referral_id = $1 ORDER BY version', [
          sent.id,
        ]);
        expect(rows).toEqual([
          { version: 1, status: 'sent' },
          { version: 2, status: 'accepted' },
        ]);
      });
    });

    it('rebuilds to the same figures: nothing to put right when the projection is right, and a second run adds nothing', async () => {
      const before = await figures();

      const first = await rebuild();
      const second = await rebuild();

      expect(first).toMatchObject({ projection: 'referral-facts', eventsInvalid: 0, factsCorrected: 0, requestedBy: operator.member.id });
      expect(first.eventsRead).toBe(first.eventsTotal);
      expect(first.eventsTotal).toBeGreaterThanOrEqual(26);
      expect(second).toMatchObject({ transitionsAdded: 0, factsCorrected: 0 });
      expect(await figures()).toEqual(before);
    });

    it('puts right a damaged projection and a history that lost rows, from the stream, to the figures it had', async () => {
      const before = await figures();
      const learning = system.databaseUrls.learning;
      await query(learning, "DELETE FROM referral_facts WHERE municipality_code = '1881'");
      await query(learning, "UPDATE referral_facts SET status = 'sent', outcome = NULL WHERE gender = 'male' AND municipality_code = '1880'");
      // Only a restore of the database could lose history: the append-only trigger is set aside for it.
      await query(learning, 'ALTER TABLE referral_transitions DISABLE TRIGGER referral_transitions_append_only');
      await query(learning, "DELETE FROM referral_transitions WHERE gender = 'female' AND municipality_code = '1880'");
      await query(learning, 'ALTER TABLE referral_transitions ENABLE TRIGGER referral_transitions_append_only');
      expect(await figures()).not.toEqual(before);

      const run = await rebuild();

      // The replay brings back the lost history and, through it, the deleted facts; deriving puts right the six changed.
      expect(run).toMatchObject({ transitionsAdded: 8, factsCorrected: 6 });
      expect(await figures()).toEqual(before);
    });

    it('replays only what the stream received since a point in time', async () => {
      const run = await rebuild({ since: new Date(Date.now() + 60_000).toISOString() });

      expect(run).toMatchObject({ eventsTotal: 0, eventsRead: 0, transitionsAdded: 0, factsCorrected: 0 });
    });

    it('is for operators, of known projections and runs', async () => {
      await system.http().post('/api/v1/operations/projections/referral-facts/rebuild').set(analyst.auth).send({}).expect(403);
      const unknown = await system.http().post('/api/v1/operations/projections/people/rebuild').set(operator.auth).send({}).expect(404);
      const badSince = await system
        .http()
        .post('/api/v1/operations/projections/referral-facts/rebuild')
        .set(operator.auth)
        .send({ since: 'yesterday' })
        .expect(400);
      await system.http().get(`/api/v1/operations/projection-runs/${randomUUID()}`).set(operator.auth).expect(404);

      expect(unknown.body).toMatchObject({ code: 'PROJECTION_NOT_FOUND', errors: [{ field: 'projection' }] });
      expect(badSince.body.errors).toEqual([expect.objectContaining({ field: 'since' })]);
    });
  });
});
