// Statistics of the referral flow at scale: learning's history filled with 1 000 000 referral
// events (250 000 referrals of four transitions each, over two years, in every municipality,
// target group and gender, to the support resources learning knows) and their facts, written
// straight into learning's database as the consumer writes them; then the statistics analysts
// read, through the gateway one request at a time.
import { sequentialLatency } from './load.mjs';

const warmUp = 5;
const transitionsPerReferral = 4;

const municipalityCodes = ['1814', '1860', '1861', '1862', '1863', '1864', '1880', '1881', '1882', '1883', '1884', '1885'];
const targetGroups = ['uvas', 'disability', 'foreign_background'];
const genders = ['female', 'male', 'female', 'male', 'other', 'not_stated'];
/** Final statuses of referrals over two years: most are long done. */
const statusMix = [
  ...Array(10).fill('completed'),
  ...Array(2).fill('interrupted'),
  ...Array(3).fill('declined'),
  'withdrawn',
  'expired',
  ...Array(2).fill('started'),
  'accepted',
];
const exits = ['work', 'work', 'studies', 'other_support', 'moved_away', 'unknown'];
const outcomes = ['achieved', 'achieved', 'partly_achieved', 'not_achieved'];
const declineReasons = ['no_capacity', 'no_capacity', 'not_eligible', 'person_declined', 'referred_elsewhere'];

/**
 * Adds referrals numbered `from` to `total − 1`, each with its four transitions (sent,
 * acknowledged, answered, and its last step) in the history and its fact. Referral `i` is sent
 * `i` × 4 minutes before now, so 250 000 span two years.
 */
export async function fillHistory(client, { resources, organisations, from, total }) {
  const chunk = 50_000;
  const parameters = (start, end) => [
    start,
    end,
    municipalityCodes,
    targetGroups,
    genders,
    statusMix,
    resources.map((resource) => resource.id),
    resources.map((resource) => resource.organisationId),
    resources.map((resource) => resource.unitId),
    organisations,
    exits,
    outcomes,
    declineReasons,
  ];
  const referrals = `
    SELECT i, r.referral_id, r.sent, r.status, r.resource, r.municipality, r.target_group, r.gender, r.from_organisation,
           r.exit, r.outcome, r.decline_reason,
           r.sent + interval '1 day' AS acknowledged,
           r.sent + interval '1 day' * (2 + i % 9) AS answered,
           CASE WHEN r.status IN ('started', 'completed', 'interrupted') THEN r.sent + interval '1 day' * (5 + i % 21) END AS started,
           CASE WHEN r.status IN ('completed', 'interrupted') THEN r.sent + interval '1 day' * (40 + i % 120)
                WHEN r.status IN ('withdrawn', 'expired') THEN r.sent + interval '20 days' END AS ended
      FROM generate_series($1::int, $2::int) AS i,
           LATERAL (SELECT md5('bench-referral-' || i)::uuid AS referral_id,
                           now() - i * interval '4 minutes' AS sent,
                           ($6::text[])[1 + (hashint4(i) & 2147483647) % cardinality($6::text[])] AS status,
                           1 + (i::bigint * 104729) % cardinality($7::uuid[]) AS resource,
                           ($3::text[])[1 + (hashint4(i + 7) & 2147483647) % cardinality($3::text[])] AS municipality,
                           ($4::text[])[1 + (hashint4(i + 13) & 2147483647) % cardinality($4::text[])] AS target_group,
                           ($5::text[])[1 + (hashint4(i + 29) & 2147483647) % cardinality($5::text[])] AS gender,
                           ($10::uuid[])[1 + (i / 7) % cardinality($10::uuid[])] AS from_organisation,
                           ($11::text[])[1 + (i / 2) % cardinality($11::text[])] AS exit,
                           ($12::text[])[1 + (i / 11) % cardinality($12::text[])] AS outcome,
                           ($13::text[])[1 + (i / 13) % cardinality($13::text[])] AS decline_reason) AS r`;
  for (let start = from; start < total; start += chunk) {
    const end = Math.min(total, start + chunk) - 1;
    await client.query(
      `INSERT INTO referral_transitions (referral_id, version, event_id, status, event_time, municipality_code, target_group, gender, decline_reason,
                                        from_organisation_id, to_organisation_id, to_unit_id, support_resource_id, outcome, exit_destination,
                                        sent_at, acknowledged_at, answered_at, started_at, ended_at)
       SELECT q.referral_id, v.version, 'bench-' || q.i || '-' || v.version, v.status, v.at, q.municipality, q.target_group, q.gender,
              CASE WHEN v.status = 'declined' THEN q.decline_reason END,
              q.from_organisation, ($8::uuid[])[q.resource], ($9::uuid[])[q.resource], ($7::uuid[])[q.resource],
              CASE WHEN v.status = 'completed' THEN q.outcome END, CASE WHEN v.status IN ('completed', 'interrupted') THEN q.exit END,
              q.sent, CASE WHEN v.version > 1 THEN q.acknowledged END, CASE WHEN v.version > 2 THEN q.answered END,
              CASE WHEN v.version > 3 THEN q.started END, CASE WHEN v.version > 3 THEN q.ended END
         FROM (${referrals}) AS q,
              LATERAL (VALUES (1, 'sent', q.sent), (2, 'acknowledged', q.acknowledged),
                              (3, CASE WHEN q.status = 'declined' THEN 'declined' WHEN q.status IN ('withdrawn', 'expired') THEN q.status ELSE 'accepted' END,
                                  q.answered),
                              (4, q.status, coalesce(q.ended, q.started, q.answered))
                      ) AS v(version, status, at)`,
      parameters(start, end),
    );
  }
  // The facts as the consumer keeps them: derived from the history by the rebuild's own query.
  await client.query(`
    INSERT INTO referral_facts (referral_id, municipality_code, target_group, gender, status, decline_reason, from_organisation_id, to_organisation_id,
                                to_unit_id, support_resource_id, outcome, exit_destination, external, version, event_time,
                                sent_at, sent_at_version, acknowledged_at, acknowledged_at_version, answered_at, answered_at_version,
                                started_at, started_at_version, ended_at, ended_at_version)
    SELECT DISTINCT ON (referral_id) referral_id, municipality_code, target_group, gender, status, decline_reason, from_organisation_id, to_organisation_id,
           to_unit_id, support_resource_id, outcome, exit_destination, external, version, event_time,
           sent_at, 1, acknowledged_at, 2, answered_at, 3, started_at, CASE WHEN started_at IS NOT NULL THEN 4 END, ended_at, CASE WHEN ended_at IS NOT NULL THEN 4 END
      FROM referral_transitions WHERE event_id LIKE 'bench-%'
     ORDER BY referral_id, version DESC
    ON CONFLICT (referral_id) DO NOTHING`);
  await client.query('VACUUM ANALYZE referral_transitions');
  await client.query('VACUUM ANALYZE referral_facts');
  await client.query('VACUUM ANALYZE referral_figures');
}

async function latencyOf(api, token, path, requests) {
  const size = (answer) => answer.rows?.length ?? answer.participants?.rows?.length;
  const { size: rows, ...latency } = await sequentialLatency(api, token, path, { requests, warmUp, size });
  return { ...latency, rows };
}

const isoDay = (date) => date.toISOString().slice(0, 10);

/** The reads analysts make: a year, a quarter, two years; tables, durations, a follow-up, commuting. */
function reads(resourceId) {
  const today = new Date();
  const yearAgo = isoDay(new Date(today.getTime() - 365 * 86_400_000));
  const quarterAgo = isoDay(new Date(today.getTime() - 91 * 86_400_000));
  const twoYearsAgo = isoDay(new Date(today.getTime() - 729 * 86_400_000));
  const year = `from=${yearAgo}&to=${isoDay(today)}`;
  return {
    municipalityByGender: `/statistics/referrals?${year}&rows=municipality&columns=gender`,
    exitsByTargetGroupAndGender: `/statistics/referrals?${year}&periodBasis=ended&rows=exitDestination,targetGroup&columns=gender`,
    outcomesByMunicipalityNeed: `/statistics/referrals?${year}&periodBasis=ended&rows=municipality,need&columns=outcome`,
    flowsBetweenOrganisationTypes: `/statistics/referrals?${year}&rows=fromOrganisationType&columns=toOrganisationType`,
    declinesByReasonOneMunicipality: `/statistics/referrals?${year}&status=declined&municipalityCode=1880&rows=declineReason,targetGroup&columns=gender`,
    quartersOverTwoYears: `/statistics/referrals?from=${twoYearsAgo}&to=${isoDay(today)}&rows=quarter&columns=gender`,
    timeToStartByMunicipality: `/statistics/referrals/durations?${year}&measure=timeToStart&rows=municipality`,
    commutingLastQuarter: `/statistics/commuting?from=${quarterAgo}&to=${isoDay(today)}`,
    resourceFollowUp: `/statistics/support-resources/${resourceId}/follow-up?${year}`,
  };
}

/** Fills learning's history to `events` referral events and measures the reads. */
export async function statisticsPhase({ api, connect, analyst, learningUrl, events = 1_000_000, requests = 100, log = () => {} }) {
  const client = await connect(learningUrl);
  try {
    // Learning keeps the directory from actors' events: wait until it has caught up.
    for (let seen = -1, polls = 0; polls < 120; polls++) {
      const { rows } = await client.query('SELECT (SELECT count(*) FROM support_resources) + (SELECT count(*) FROM organisations) AS known');
      const known = Number(rows[0].known);
      if (known > 0 && known === seen) break;
      seen = known;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const { rows: resources } = await client.query(
      'SELECT resource_id AS id, organisation_id AS "organisationId", unit_id AS "unitId" FROM support_resources ORDER BY resource_id',
    );
    const { rows: organisations } = await client.query("SELECT organisation_id AS id FROM organisations WHERE type <> 'employer' ORDER BY organisation_id");
    if (resources.length === 0 || organisations.length === 0) throw new Error('learning knows no support resources or organisations yet');
    const referrals = events / transitionsPerReferral;
    log(`  filling learning's history with ${events} events (${referrals} referrals) …`);
    const filling = Date.now();
    await fillHistory(client, { resources, organisations: organisations.map((row) => row.id), from: 0, total: referrals });
    log(`  filled in ${Math.round((Date.now() - filling) / 1000)} s; reading statistics through the gateway …`);
    const result = {};
    for (const [name, path] of Object.entries(reads(resources[0].id))) result[name] = await latencyOf(api, analyst.token, path, requests);
    return { events, referrals, reads: result };
  } finally {
    await client.end();
  }
}
