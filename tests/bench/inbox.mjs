// The inbox at scale: one organisation's incoming referrals filled to 10 000 and then to
// 1 000 000 rows straight in referrals' database (the table as the service writes it: statuses,
// deadlines, units, municipalities, target groups, from several senders), then read through the
// gateway one request at a time: the first page, a page deep in the list by its cursor, the
// filters, and the counts. Keyset pagination should make a page cost the same at either size.
import { sequentialLatency } from './load.mjs';

const pageSize = 50;
const warmUp = 10;

/**
 * Statuses of the last month's referrals; older ones have ended (a referral nobody answers
 * expires within weeks), as in a living system where most referrals are long done.
 */
const statusMix = [
  ...Array(9).fill('completed'),
  'interrupted',
  ...Array(2).fill('declined'),
  'withdrawn',
  'expired',
  ...Array(2).fill('started'),
  'accepted',
  'acknowledged',
  ...Array(2).fill('sent'),
];

/**
 * Adds referrals to `toOrganisationId`'s inbox until it holds `total`, numbered from `from`; the
 * sending time steps back from now, so every row has its own place in the newest-first order.
 */
export async function fillInbox(client, { toOrganisationId, toUnitIds, senders, municipalityCodes, targetGroups, from, total }) {
  const chunk = 100_000;
  // Loaded like a migration's backfill: the per-row count of ended referrals is off while the
  // rows go in, and the counts are taken afresh from the table after (the system is idle now).
  await client.query('ALTER TABLE referrals DISABLE TRIGGER referrals_count_final_on_insert');
  for (let start = from; start < total; start += chunk) {
    const end = Math.min(total, start + chunk) - 1;
    await client.query(
      `INSERT INTO referrals (id, case_id, from_organisation_id, from_unit_id, sent_by, to_organisation_id, to_unit_id, municipality_code,
                             target_group, gender, status, sent_at, version, acknowledge_by, answer_by, start_by, start_days,
                             acknowledged_at, responded_at, started_at, ended_at, decline_reason, withdrawal_reason, withdrawn_at,
                             exit_destination, outcome)
       SELECT gen_random_uuid(), gen_random_uuid(), ($3::uuid[])[1 + i % cardinality($3::uuid[])], ($4::uuid[])[1 + i % cardinality($4::uuid[])],
              gen_random_uuid(), $5::uuid, ($6::uuid[])[1 + (i / 7) % cardinality($6::uuid[])], ($7::text[])[1 + (i / 3) % cardinality($7::text[])],
              ($8::text[])[1 + (i / 11) % cardinality($8::text[])], CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
              status, sent, 2, (sent + interval '3 days')::date, (sent + interval '14 days')::date,
              CASE WHEN status IN ('accepted', 'started', 'completed', 'interrupted') THEN (sent + interval '30 days')::date END, 20,
              CASE WHEN status <> 'sent' THEN sent + interval '1 day' END,
              CASE WHEN status NOT IN ('sent', 'acknowledged', 'withdrawn', 'expired') THEN sent + interval '5 days' END,
              CASE WHEN status IN ('started', 'completed', 'interrupted') THEN sent + interval '12 days' END,
              CASE WHEN status IN ('completed', 'interrupted', 'withdrawn', 'expired') THEN sent + interval '60 days' END,
              CASE WHEN status = 'declined' THEN 'no_capacity' END,
              CASE WHEN status = 'withdrawn' THEN 'by_sender' END,
              CASE WHEN status = 'withdrawn' THEN sent + interval '60 days' END,
              CASE WHEN status = 'completed' THEN 'work' END,
              CASE WHEN status = 'completed' THEN 'achieved' END
         FROM generate_series($1::int, $2::int) AS i,
              LATERAL (SELECT now() - i * interval '90 seconds' AS sent, ($9::text[])[1 + (i::bigint * 7919) % cardinality($9::text[])] AS mixed) AS m,
              LATERAL (SELECT CASE WHEN sent < now() - interval '30 days' AND mixed IN ('sent', 'acknowledged', 'accepted', 'started') THEN 'completed' ELSE mixed END AS status) AS t`,
      [
        start,
        end,
        senders.map((sender) => sender.organisationId),
        senders.map((sender) => sender.unitId),
        toOrganisationId,
        toUnitIds,
        municipalityCodes,
        targetGroups,
        statusMix,
      ],
    );
  }
  await client.query('ALTER TABLE referrals ENABLE TRIGGER referrals_count_final_on_insert');
  // As the migration referral_final_counts backfills them.
  await client.query(`
    BEGIN;
    DELETE FROM referral_final_counts;
    INSERT INTO referral_final_counts (key, organisation_id, direction, unit_id, target_group, support_resource_id, municipality_code, status, count)
    SELECT referral_final_count_key(organisation_id, direction, unit_id, target_group, support_resource_id, municipality_code, status),
           organisation_id, direction, unit_id, target_group, support_resource_id, municipality_code, status, count(*)
      FROM (SELECT to_organisation_id AS organisation_id, 'incoming' AS direction, to_unit_id AS unit_id, target_group, support_resource_id, municipality_code, status
              FROM referrals WHERE status IN ('declined', 'completed', 'interrupted', 'withdrawn', 'expired')
            UNION ALL
            SELECT from_organisation_id, 'outgoing', from_unit_id, target_group, support_resource_id, municipality_code, status
              FROM referrals WHERE status IN ('declined', 'completed', 'interrupted', 'withdrawn', 'expired')) AS ended
     GROUP BY organisation_id, direction, unit_id, target_group, support_resource_id, municipality_code, status;
    COMMIT`);
  await client.query('VACUUM ANALYZE referrals');
  await client.query('VACUUM ANALYZE referral_final_counts');
}

/** The cursor the API would hand out for the row `depth` of the way down the inbox. */
async function cursorAt(client, toOrganisationId, depth) {
  const { rows } = await client.query(
    `SELECT sent_at, id FROM referrals WHERE to_organisation_id = $1
      ORDER BY sent_at DESC, id DESC OFFSET (SELECT floor(count(*) * $2::float8)::int FROM referrals WHERE to_organisation_id = $1) LIMIT 1`,
    [toOrganisationId, depth],
  );
  const [row] = rows;
  return Buffer.from(JSON.stringify([row.sent_at.toISOString(), row.id]), 'utf8').toString('base64url');
}

async function latencyOf(api, token, path, requests) {
  const { size, ...latency } = await sequentialLatency(api, token, path, { requests, warmUp, size: (answer) => answer.items?.length });
  return { ...latency, items: size };
}

/** What one size of inbox answers: each read's p50 and p95 over `requests` requests. */
async function measureSize(api, client, receiver, fixture, requests) {
  const deep = await cursorAt(client, fixture.toOrganisationId, 0.9);
  const unitId = fixture.toUnitIds[0];
  const reads = {
    firstPage: `/referrals?direction=incoming&limit=${pageSize}`,
    deepPage: `/referrals?direction=incoming&limit=${pageSize}&after=${deep}`,
    statusSent: `/referrals?direction=incoming&limit=${pageSize}&status=sent`,
    overdue: `/referrals?direction=incoming&limit=${pageSize}&overdue=true`,
    unit: `/referrals?direction=incoming&limit=${pageSize}&unitId=${unitId}`,
    municipality: `/referrals?direction=incoming&limit=${pageSize}&municipalityCode=${fixture.municipalityCodes[0]}`,
    targetGroupAndStatus: `/referrals?direction=incoming&limit=${pageSize}&targetGroup=${fixture.targetGroups[0]}&status=started`,
    counts: '/referrals/counts?direction=incoming',
  };
  const result = {};
  for (const [name, path] of Object.entries(reads))
    result[name] = await latencyOf(api, receiver.token, path, name === 'counts' ? Math.min(requests, 20) : requests);
  return result;
}

/**
 * Fills the receiver's inbox to each size in turn and measures it. `sizes` ascending; the rows
 * of a smaller size stay in the larger one.
 */
export async function inboxPhase({ api, connect, receiver, actorsUrl, sizes = [10_000, 1_000_000], requests = 100, log = () => {} }) {
  const actors = await connect(actorsUrl);
  let fixture;
  try {
    const { rows: units } = await actors.query('SELECT id FROM units WHERE organisation_id = $1 ORDER BY id', [receiver.member.organisationId]);
    const { rows: senders } = await actors.query(
      `SELECT DISTINCT ON (organisation_id) organisation_id AS "organisationId", id AS "unitId" FROM units WHERE organisation_id <> $1 ORDER BY organisation_id, id`,
      [receiver.member.organisationId],
    );
    fixture = {
      toOrganisationId: receiver.member.organisationId,
      toUnitIds: units.map((unit) => unit.id),
      senders,
      municipalityCodes: ['1880', '1881', '1814', '1885', '1883'],
      targetGroups: ['uvas', 'disability', 'foreign_background'],
    };
  } finally {
    await actors.end();
  }
  const client = await connect(receiver.referralsUrl);
  const measured = [];
  try {
    const { rows } = await client.query('SELECT count(*)::int AS count FROM referrals WHERE to_organisation_id = $1', [fixture.toOrganisationId]);
    let filled = rows[0].count;
    for (const size of sizes) {
      log(`  filling the inbox to ${size} referrals …`);
      await fillInbox(client, { ...fixture, from: filled, total: size });
      filled = size;
      log(`  reading it through the gateway …`);
      measured.push({ size, reads: await measureSize(api, client, receiver, fixture, requests) });
    }
  } finally {
    await client.end();
  }
  return measured;
}
