#!/usr/bin/env node
// `npm run bench`: the raw limits of this machine with the drivers the services use, then the
// whole system in a NATS namespace and databases of its own: a closed loop at fixed concurrency
// with what every process spent per referral (CPU, SQL statements, NATS messages) and a CPU
// profile of each service; an open loop at fixed arrival rates; and two replicas of referrals
// and learning against one. A benchmark, not a test: it asserts nothing, prints tables and
// writes JSON (and the profiles) to tests/bench/results/.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { inboxPhase } from './inbox.mjs';
import { statisticsPhase } from './statistics.mjs';
import { closedLoop, openLoop, percentile } from './load.mjs';
import { cpuSplitMs, groupCpuSplitMs, peakRssMiB } from './processes.mjs';
import { profileIn, summarizeProfile } from './profiles.mjs';

const require = createRequire(import.meta.url);
const { Client, Pool } = require('pg');
const { connect } = require('@nats-io/transport-node');
const { jetstream, jetstreamManager } = require('@nats-io/jetstream');

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const durationMs = Number(process.env.BENCH_DURATION_S ?? 20) * 1000;
const postgresUrl = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const namespace = `bench${randomBytes(3).toString('hex')}`;
const startedAt = new Date().toISOString();
const resultsDirectory = join('tests', 'bench', 'results');
const runDirectory = join(resultsDirectory, startedAt.replace(/[:.]/g, '-'));
const basePort = Number(process.env.BENCH_PORT ?? 3100);
/** Open-loop rates tried, in pairs per second, until p99 passes the target or the system falls behind. */
const rates = [25, 50, 75, 100, 125, 150, 200, 250, 300, 400];
const latencyTargetMs = 250;
/** The V8 heap bounds the services' image sets in NODE_OPTIONS. */
const nodeFlags = JSON.parse(readFileSync(join('infra', 'node-options.json'), 'utf8'));
/** BENCH_QUICK=1: the closed loop and its costs only, for trying a change; not for reporting. */
const quick = process.env.BENCH_QUICK === '1';
/** BENCH_ONLY=inbox: only the inbox at 10 000 and 1 000 000 referrals; BENCH_ONLY=statistics: only statistics over 1 000 000 events. */
const only = process.env.BENCH_ONLY;
/** Support resources in the directory while matching is measured. */
const matchingResources = Number(process.env.BENCH_MATCHING_RESOURCES ?? 10_000);

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const databaseServices = ['actors', 'cases', 'referrals', 'learning'];
const benchDatabase = (service) => `samverkan_bench_${service}`;

function fail(message) {
  console.error(`samverkan bench: ${message}`);
  process.exit(1);
}

function databaseUrl(name) {
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onPostgres(work) {
  const admin = new Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function recreateDatabase(name) {
  await onPostgres(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  return databaseUrl(name);
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** What the benchmark needs, checked before anything starts: one line for each thing missing. */
async function preflight(ports) {
  const problems = [];
  await onPostgres(() => undefined).catch((error) => problems.push(`PostgreSQL is not reachable at ${postgresUrl} (${error.code ?? error.message})`));
  await connect({ servers: natsUrl, timeout: 3000 }).then(
    (connection) => connection.close(),
    (error) => problems.push(`NATS is not reachable at ${natsUrl} (${error.code ?? error.message})`),
  );
  for (const port of ports) if (!(await portFree(port))) problems.push(`port ${port} is in use (set BENCH_PORT to move the services' ports)`);
  if (problems.length > 0) fail(problems.join('; '));
}

// ---------------------------------------------------------------------------------------------
// Clean-up: children, databases and streams go away however the run ends.

const running = new Set();
let cleaningUp;

async function cleanUp() {
  cleaningUp ??= (async () => {
    await Promise.all([...running].map((system) => system.stop()));
    await onPostgres(async (admin) => {
      for (const name of ['samverkan_bench_raw', ...databaseServices.map(benchDatabase)]) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }).catch(() => undefined);
    const connection = await connect({ servers: natsUrl }).catch(() => undefined);
    if (connection) {
      const jsm = await jetstreamManager(connection);
      for await (const stream of jsm.streams.list()) {
        if (stream.config.name.startsWith(`${namespace.toUpperCase()}_`)) await jsm.streams.delete(stream.config.name);
      }
      await connection.close();
    }
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\nsamverkan bench: ${signal}, cleaning up …`);
    cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Raw limits of this machine with the same drivers.

async function rawPostgres() {
  const url = await recreateDatabase('samverkan_bench_raw');
  const pool = new Pool({ connectionString: url, max: concurrency });
  // Dropping the database below ends any connection still closing; that is expected, not a failure.
  pool.on('error', () => undefined);
  await pool.query('CREATE TABLE a (id uuid PRIMARY KEY, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  await pool.query('CREATE TABLE b (id uuid PRIMARY KEY, subject text NOT NULL, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  const body = JSON.stringify({ status: 'sent', version: 1, municipalityCode: '1880' });
  const result = await closedLoop(concurrency, Math.min(durationMs, 10_000), async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO a (id, body) VALUES ($1, $2)', [randomUUID(), body]);
      await client.query('INSERT INTO b (id, subject, body) VALUES ($1, $2, $3)', [randomUUID(), 'x', body]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });
  await pool.end();
  await onPostgres((admin) => admin.query('DROP DATABASE IF EXISTS "samverkan_bench_raw" WITH (FORCE)'));
  return result;
}

async function rawJetStream() {
  const connection = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(connection);
  const stream = `${namespace.toUpperCase()}_RAW`;
  await jsm.streams.add({ name: stream, subjects: [`${namespace}.raw.>`] });
  const js = jetstream(connection);
  const payload = new TextEncoder().encode(
    JSON.stringify({ specversion: '1.0', id: randomUUID(), type: 'referrals.events.referral.sent', data: { status: 'sent', version: 1 } }),
  );
  const result = await closedLoop(concurrency, Math.min(durationMs, 10_000), async () => {
    await js.publish(`${namespace}.raw.x`, payload, { msgID: randomUUID() });
  });
  await jsm.streams.delete(stream);
  await connection.close();
  return result;
}

// ---------------------------------------------------------------------------------------------
// The system: the built services as processes, in the benchmark's namespace and databases.

/** One process per service; `replicas` adds more of referrals and learning on the next ports. */
function layout(replicas) {
  const processes = [
    { service: 'gateway', name: 'gateway', port: basePort, env: { DEV_TOKENS_ENABLED: 'true', RATE_LIMIT_PER_MINUTE: '100000000' } },
    { service: 'actors', name: 'actors', port: basePort + 1, env: { SEED_DEMO_DATA: 'true' } },
    { service: 'cases', name: 'cases', port: basePort + 2, env: {} },
    { service: 'referrals', name: 'referrals', port: basePort + 3, env: {} },
    { service: 'learning', name: 'learning', port: basePort + 4, env: {} },
  ];
  for (let replica = 2; replica <= replicas; replica++) {
    for (const [index, service] of ['referrals', 'learning'].entries()) {
      processes.push({ service, name: `${service}-${replica}`, port: basePort + 5 + (replica - 2) * 2 + index, env: {} });
    }
  }
  return processes;
}

class System {
  constructor(processes, profileDirectory) {
    this.processes = processes;
    this.profileDirectory = profileDirectory;
    this.children = [];
  }

  async start() {
    running.add(this);
    for (const spec of this.processes) {
      // Sampled every 10 ms: enough samples over a phase, and little of the profiler's own cost.
      const profile = this.profileDirectory ? ['--cpu-prof', '--cpu-prof-interval', '10000', '--cpu-prof-dir', join(this.profileDirectory, spec.name)] : [];
      const env = {
        ...process.env,
        NODE_ENV: 'development',
        // As deployed: one access log line per request (to /dev/null here).
        LOG_LEVEL: 'info',
        HTTP_PORT: String(spec.port),
        NATS_URL: natsUrl,
        NATS_NAMESPACE: namespace,
        SERVICE_INSTANCE: `bench-${spec.name}`,
        ...(spec.service === 'gateway' ? {} : { DATABASE_URL: databaseUrl(benchDatabase(spec.service)) }),
        ...spec.env,
      };
      const child = spawn(process.execPath, [...nodeFlags, ...profile, join('dist', 'services', spec.service, 'src', 'main.js')], {
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      this.children.push({ spec, child });
    }
    for (const { spec, child } of this.children) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`${spec.name} exited during start`);
        if (Date.now() > deadline) throw new Error(`${spec.name} not ready within 60 s`);
        const ready = await fetch(`http://127.0.0.1:${spec.port}/health/ready`).then(
          (response) => response.ok,
          () => false,
        );
        if (ready) break;
        await sleep(200);
      }
    }
  }

  /** SIGTERM, and wait: the services shut down gracefully and write their profiles. */
  async stop() {
    running.delete(this);
    for (const { child } of this.children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(this.children.map(({ child }) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
  }

  peaks() {
    return Object.fromEntries(this.children.map(({ spec, child }) => [spec.name, peakRssMiB(child.pid)]));
  }

  cpu() {
    return Object.fromEntries(this.children.map(({ spec, child }) => [spec.name, cpuSplitMs(child.pid)]));
  }
}

// ---------------------------------------------------------------------------------------------
// The API, as a client uses it.

const gatewayUrl = `http://127.0.0.1:${basePort}`;

/**
 * Keep-alive connections through node:http: fetch costs the load generator about three times the
 * CPU per request, which this machine's cores would otherwise take from the services.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function api(method, path, token, body) {
  const payload = body ? JSON.stringify(body) : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${gatewayUrl}/api/v1${path}`,
      {
        method,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (response.statusCode >= 400) reject(new Error(`${method} ${path}: ${response.statusCode} ${json.code ?? ''} ${json.detail ?? ''}`));
            else resolve(json);
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

async function signIn(displayName) {
  let member;
  for (let after; !member;) {
    const page = await api('GET', `/auth/dev-staff?limit=100${after ? `&after=${after}` : ''}`);
    member = page.items.find((candidate) => candidate.displayName === displayName);
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  if (!member) fail(`no seeded staff member ${displayName}`);
  const issued = await api('POST', '/auth/dev-tokens', undefined, { staffId: member.id });
  return { token: issued.accessToken, member };
}

function luhn(digits) {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid (Luhn-checked) test personnummer for a made-up person, never a real one's on purpose. */
function personnummer(index) {
  const year = 1970 + (index % 35);
  const day = String(1 + (index % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(index / 28) % 12)).padStart(2, '0');
  const serial = String((Math.floor(index / 336) % 999) + 1).padStart(3, '0');
  const short = `${String(year).slice(2)}${month}${day}${serial}`;
  return `${year}${month}${day}-${serial}${luhn(short)}`;
}

/** Counters a service exposes, summed by label value: SQL statements by pool, NATS messages by direction. */
async function scrape(port, token) {
  const text = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then((response) =>
    response.text(),
  );
  const sum = (name) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return { statements: sum('db_statements_total'), natsMessages: sum('nats_messages_total') };
}

async function propagationLatencies(referralIds) {
  const client = new Client({ connectionString: databaseUrl(benchDatabase('learning')) });
  await client.connect();
  const deadline = Date.now() + 60_000;
  let rows = [];
  while (Date.now() < deadline) {
    ({ rows } = await client.query(
      'SELECT extract(epoch FROM projected_at - event_time) * 1000 AS ms FROM referral_facts WHERE referral_id = ANY($1::uuid[]) AND status = $2',
      [referralIds, 'accepted'],
    ));
    if (rows.length === referralIds.length) break;
    await sleep(200);
  }
  await client.end();
  return rows.map((row) => Number(row.ms)).sort((a, b) => a - b);
}

const latencySummary = (sorted) => ({
  events: sorted.length,
  p50: round(percentile(sorted, 50)),
  p95: round(percentile(sorted, 95)),
  p99: round(percentile(sorted, 99)),
});

/**
 * Withdrawing consent, one referral at a time on an otherwise idle system: how long after the
 * withdrawal's answer the receiver's next read of the referral is refused (asked of cases on
 * every read), and how long until referrals' consumer has withdrawn the referral (by event).
 */
async function consentWithdrawalPhase(sender, receiver, repetitions) {
  const client = new Client({ connectionString: databaseUrl(benchDatabase('referrals')) });
  await client.connect();
  const refusedAfterMs = [];
  const withdrawnAfterMs = [];
  let readAllowedAfterAnswer = 0;
  for (let index = 0; index < repetitions; index++) {
    const opened = await api('POST', '/cases', sender.token, { personnummer: personnummer(100_000 + index), municipalityCode: '1880', targetGroup: 'uvas' });
    const consent = await api('POST', `/cases/${opened.id}/consents`, sender.token, {
      receivers: [{ organisationId: receiver.member.organisationId }],
      purpose: 'referral',
      givenAs: 'written',
      expiresOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    });
    const referral = await api('POST', '/referrals', sender.token, { caseId: opened.id, toOrganisationId: receiver.member.organisationId });
    await api('GET', `/referrals/${referral.id}`, receiver.token);
    await api('POST', `/cases/${opened.id}/consents/${consent.id}/withdraw`, sender.token);
    const answered = performance.now();
    for (;;) {
      const refused = await api('GET', `/referrals/${referral.id}`, receiver.token).then(
        () => false,
        (error) => / 403 CONSENT_NOT_ACTIVE/.test(error.message),
      );
      if (refused) break;
      readAllowedAfterAnswer += 1;
    }
    refusedAfterMs.push(performance.now() - answered);
    for (;;) {
      const { rows } = await client.query('SELECT status FROM referrals WHERE id = $1', [referral.id]);
      if (rows[0]?.status === 'withdrawn') break;
      await sleep(2);
    }
    withdrawnAfterMs.push(performance.now() - answered);
    await sleep(50);
  }
  await client.end();
  const sorted = (values) => values.sort((a, b) => a - b);
  return { repetitions, readAllowedAfterAnswer, refusedAfterMs: sorted(refusedAfterMs), withdrawnAfterMs: sorted(withdrawnAfterMs) };
}

/** Cases with consent to refer, opened outside the measured phases. */
async function prepareCases(sender, receiver, count) {
  const cases = [];
  for (let index = 0; index < count; index++) {
    const opened = await api('POST', '/cases', sender.token, { personnummer: personnummer(index), municipalityCode: '1880', targetGroup: 'uvas' });
    await api('POST', `/cases/${opened.id}/consents`, sender.token, {
      receivers: [{ organisationId: receiver.member.organisationId }],
      purpose: 'referral',
      givenAs: 'written',
      expiresOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    });
    cases.push(opened.id);
  }
  return cases;
}

function referralPair(cases, sender, receiver, accepted) {
  let next = 0;
  return async () => {
    const caseId = cases[next++ % cases.length];
    const referral = await api('POST', '/referrals', sender.token, { caseId, toOrganisationId: receiver.member.organisationId });
    await api('POST', `/referrals/${referral.id}/accept`, receiver.token);
    accepted.push(referral.id);
  };
}

/** A small deterministic generator, so that every run matches against the same directory. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = (random, values) => values[Math.floor(random() * values.length)];
const someOf = (random, values, max) => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(random, values)))];

/**
 * Adds `count` support resources to the actors database, spread like a county's directory: most
 * serve one municipality, some several, a few the whole county; a fifth have ended; rules,
 * accessibility, needs and capacity vary. Written with SQL, outside the measured phase, to the
 * units of the seeded organisations.
 */
async function addSupportResources(count, vocabulary) {
  const random = seededRandom(7);
  const client = new Client({ connectionString: databaseUrl(benchDatabase('actors')) });
  await client.connect();
  try {
    const { rows: units } = await client.query('SELECT id, organisation_id FROM units ORDER BY id');
    const { municipalityCodes, TargetGroup, EligibilityRule, AccessibilityFeature, SupportNeed } = vocabulary;
    const ageRanges = [
      [16, 20],
      [16, 24],
      [16, 29],
      [18, 29],
      [18, 64],
      [20, 64],
      [25, 64],
    ];
    for (let offset = 0; offset < count; offset += 1000) {
      const values = [];
      const parameters = [];
      for (let index = offset; index < Math.min(count, offset + 1000); index++) {
        const unit = pick(random, units);
        const spread = random();
        const municipalities = spread < 0.7 ? [pick(random, municipalityCodes)] : spread < 0.9 ? someOf(random, municipalityCodes, 4) : [...municipalityCodes];
        const [ageMin, ageMax] = pick(random, ageRanges);
        const places = 2 + Math.floor(random() * 30);
        const started = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 900) * 86_400_000);
        const ended = random() < 0.2 ? new Date(started.getTime() + 180 * 86_400_000) : null;
        const row = [
          randomUUID(),
          unit.organisation_id,
          unit.id,
          `Insats ${index}`,
          someOf(random, Object.values(TargetGroup), 2).concat(pick(random, Object.values(TargetGroup))),
          ageMin,
          ageMax,
          municipalities.length > 0 ? municipalities : [pick(random, municipalityCodes)],
          someOf(random, Object.values(EligibilityRule), 2),
          someOf(random, Object.values(AccessibilityFeature), 3),
          someOf(random, Object.values(SupportNeed), 3),
          someOf(random, ['en', 'ar', 'so', 'ti', 'fa', 'uk'], 2),
          places,
          Math.floor(random() * places * 1.3),
          Math.floor(random() * 90),
          started.toISOString().slice(0, 10),
          ended?.toISOString().slice(0, 10) ?? null,
        ];
        values.push(`(${row.map((_, column) => `$${parameters.length + column + 1}`).join(', ')})`);
        parameters.push(...row.map((value) => (Array.isArray(value) ? [...new Set(value)] : value)));
      }
      await client.query(
        `INSERT INTO support_resources (id, organisation_id, unit_id, name, target_groups, age_min, age_max, municipality_codes, eligibility,
           accessibility, addresses_needs, languages, places, taken, expected_wait_days, active_from, active_until)
         VALUES ${values.join(', ')}`,
        parameters,
      );
    }
    const { rows } = await client.query('SELECT count(*)::int AS count FROM support_resources');
    return rows[0].count;
  } finally {
    await client.end();
  }
}

/** Profiles of people a caseworker might match, varied over age, municipality, groups and needs. */
function matchingProfiles(count, vocabulary) {
  const random = seededRandom(11);
  const { municipalityCodes, TargetGroup, EligibilityRule, AccessibilityFeature, SupportNeed } = vocabulary;
  return Array.from({ length: count }, () => ({
    profile: {
      age: 16 + Math.floor(random() * 40),
      gender: pick(random, ['female', 'male']),
      municipalityCode: pick(random, municipalityCodes),
      targetGroups: [pick(random, Object.values(TargetGroup))],
      supportNeeds: someOf(random, Object.values(SupportNeed), 3),
      accessibilityNeeds: someOf(random, Object.values(AccessibilityFeature), 2),
      languages: someOf(random, ['ar', 'so', 'ti'], 1),
      meets: someOf(random, Object.values(EligibilityRule), 2),
    },
    includeExcluded: random() < 0.25,
    limit: 20,
  }));
}

/** Matching through the gateway over the resources in the directory: one caseworker at a time, then `concurrency` at once. */
async function matchingPhase(system, operator, caseworker, vocabulary) {
  const resources = await addSupportResources(matchingResources, vocabulary);
  const profiles = matchingProfiles(500, vocabulary);
  let candidates = 0;
  let asked = 0;
  const match = async (_worker, index) => {
    const answer = await api('POST', '/support-resources/matches', caseworker.token, profiles[(asked++ + (index ?? 0)) % profiles.length]);
    candidates += answer.matches.length;
  };
  for (let index = 0; index < 20; index++) await match(0, index); // warm the plans and the JIT
  const single = await closedLoop(1, Math.min(durationMs, 10_000), match);
  asked = 0;
  candidates = 0;
  const loaded = await measured(system, operator.token, () => closedLoop(concurrency, durationMs, match));
  const cost = costPerPair(loaded, loaded.result.operations);
  return { resources, single, loaded: loaded.result, window: loaded.window, matchesPerAnswer: round(candidates / Math.max(loaded.result.operations, 1)), cost };
}

/**
 * Runs `work` and says what each process spent on it: CPU time of every service, of PostgreSQL
 * (all its processes), of nats-server and of this load generator, and each service's SQL
 * statements and NATS messages.
 */
async function measured(system, operatorToken, work) {
  const scrapeAll = async () =>
    Object.fromEntries(
      await Promise.all(system.children.map(async ({ spec }) => [spec.name, await scrape(spec.port, spec.service === 'gateway' ? operatorToken : undefined)])),
    );
  const readCpu = () => ({ ...system.cpu(), postgres: groupCpuSplitMs('postgres'), 'nats-server': groupCpuSplitMs('nats-server') });
  const before = { cpu: readCpu(), self: process.cpuUsage(), counters: await scrapeAll() };
  const from = process.hrtime.bigint() / 1000n;
  const result = await work();
  const to = process.hrtime.bigint() / 1000n;
  const after = { cpu: readCpu(), self: process.cpuUsage(before.self), counters: await scrapeAll() };
  const cpu = Object.fromEntries(
    Object.keys(after.cpu).map((name) => [
      name,
      { user: after.cpu[name].user - before.cpu[name].user, system: after.cpu[name].system - before.cpu[name].system },
    ]),
  );
  cpu['load generator'] = { user: after.self.user / 1000, system: after.self.system / 1000 };
  const counters = Object.fromEntries(
    Object.keys(after.counters).map((name) => [
      name,
      {
        statements: after.counters[name].statements - before.counters[name].statements,
        natsMessages: after.counters[name].natsMessages - before.counters[name].natsMessages,
      },
    ]),
  );
  return { result, cpu, counters, window: { from: Number(from), to: Number(to) } };
}

function costPerPair(measurement, pairs) {
  const per = (value) => round(value / Math.max(pairs, 1), 2);
  const cpuMsPerPair = Object.fromEntries(Object.entries(measurement.cpu).map(([name, ms]) => [name, per(ms.user + ms.system)]));
  cpuMsPerPair.total = round(
    Object.values(cpuMsPerPair).reduce((sum, ms) => sum + ms, 0),
    2,
  );
  // Kernel time: syscalls, and the context switches of handing a message to another process.
  const systemCpuMsPerPair = Object.fromEntries(Object.entries(measurement.cpu).map(([name, ms]) => [name, per(ms.system)]));
  return {
    pairs,
    cpuMsPerPair,
    systemCpuMsPerPair,
    sqlStatementsPerPair: Object.fromEntries(Object.entries(measurement.counters).map(([name, counts]) => [name, per(counts.statements)])),
    natsMessagesPerPair: Object.fromEntries(Object.entries(measurement.counters).map(([name, counts]) => [name, per(counts.natsMessages)])),
  };
}

function printTable(title, rows) {
  const width = [Math.max(...rows.map((row) => row[0].length)), Math.max(...rows.map((row) => String(row[1]).length))];
  console.log(`\n${title}`);
  for (const [label, value, detail = ''] of rows) console.log(`  ${label.padEnd(width[0])}  ${String(value).padStart(width[1])}  ${detail}`);
}

const latencies = (result) => `p50 ${round(result.p50)} / p95 ${round(result.p95)} / p99 ${round(result.p99)} ms`;

// ---------------------------------------------------------------------------------------------

function buildAll() {
  const build = spawnSync('npx', ['--no-install', 'nx', 'run-many', '-t', 'build', '--outputStyle=static'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (build.status !== 0) fail('the build failed');
}

async function connectTo(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The inbox at each size, read through the gateway by a receiver. */
async function measureInbox(receiver) {
  return inboxPhase({
    api,
    connect: connectTo,
    receiver: { ...receiver, referralsUrl: databaseUrl(benchDatabase('referrals')) },
    actorsUrl: databaseUrl(benchDatabase('actors')),
    log: console.log,
  });
}

function printInbox(inbox) {
  const [small, large] = inbox;
  if (!small) return;
  printTable(
    `The inbox through the gateway, one request at a time (p50 / p95 ms): ${inbox.map((entry) => entry.size).join(' and ')} incoming referrals`,
    Object.keys(small.reads).map((name) => [
      name,
      inbox.map((entry) => `${round(entry.reads[name].p50)} / ${round(entry.reads[name].p95)}`).join('  →  '),
      large ? `p95 ratio ${round(large.reads[name].p95 / small.reads[name].p95, 2)}` : '',
    ]),
  );
}

function inboxResult(inbox) {
  return inbox.map((entry) => ({
    incomingReferrals: entry.size,
    reads: Object.fromEntries(Object.entries(entry.reads).map(([name, read]) => [name, { p50Ms: round(read.p50), p95Ms: round(read.p95), items: read.items }])),
  }));
}

async function inboxOnly() {
  for (const service of databaseServices) await recreateDatabase(benchDatabase(service));
  const system = new System(layout(1));
  await system.start();
  try {
    const inbox = await measureInbox(await signIn('Handläggare försörjningsstöd Örebro'));
    printInbox(inbox);
    mkdirSync(resultsDirectory, { recursive: true });
    writeFileSync(join(resultsDirectory, 'inbox-latest.json'), `${JSON.stringify({ at: startedAt, inbox: inboxResult(inbox) }, null, 2)}\n`);
  } finally {
    await system.stop();
  }
}

/** Statistics over learning's history filled to 1 000 000 events, read through the gateway by an analyst. */
async function measureStatistics(analyst) {
  return statisticsPhase({ api, connect: connectTo, analyst, learningUrl: databaseUrl(benchDatabase('learning')), log: console.log });
}

function printStatistics(statistics) {
  if (!statistics) return;
  printTable(
    `Statistics through the gateway, one request at a time, over ${statistics.events} referral events (${statistics.referrals} referrals): p50 / p95 ms`,
    Object.entries(statistics.reads).map(([name, read]) => [name, `${round(read.p50)} / ${round(read.p95)}`, `${read.rows} rows`]),
  );
}

function statisticsResult(statistics) {
  if (!statistics) return null;
  return {
    events: statistics.events,
    referrals: statistics.referrals,
    reads: Object.fromEntries(
      Object.entries(statistics.reads).map(([name, read]) => [name, { p50Ms: round(read.p50), p95Ms: round(read.p95), rows: read.rows }]),
    ),
  };
}

async function statisticsOnly() {
  for (const service of databaseServices) await recreateDatabase(benchDatabase(service));
  const system = new System(layout(1));
  await system.start();
  try {
    const statistics = await measureStatistics(await signIn('Anna Regional'));
    printStatistics(statistics);
    mkdirSync(resultsDirectory, { recursive: true });
    writeFileSync(
      join(resultsDirectory, 'statistics-latest.json'),
      `${JSON.stringify({ at: startedAt, statistics: statisticsResult(statistics) }, null, 2)}\n`,
    );
  } finally {
    await system.stop();
  }
}

async function main() {
  await preflight(layout(2).map((spec) => spec.port));
  buildAll();
  if (only === 'inbox') return inboxOnly();
  if (only === 'statistics') return statisticsOnly();
  console.log(
    `samverkan benchmark: ${cpus().length} cores, ${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, concurrency ${concurrency}, ${durationMs / 1000} s per system phase\n`,
  );
  mkdirSync(runDirectory, { recursive: true });

  console.log('raw limits …');
  const postgres = await rawPostgres();
  const jetStreamRaw = await rawJetStream();

  for (const service of databaseServices) await recreateDatabase(benchDatabase(service));
  console.log('starting the system, one process per service, with CPU profiles …');
  const profileDirectory = join(runDirectory, 'profiles');
  const system = new System(layout(1), profileDirectory);
  await system.start();
  const sender = await signIn('Arbetsförmedlare Örebro');
  const receiver = await signIn('Handläggare försörjningsstöd Örebro');
  const operator = await signIn('Olle Drift');
  const cases = await prepareCases(sender, receiver, concurrency * 8);

  console.log('closed loop: referral send + accept through the gateway …');
  const accepted = [];
  const closed = await measured(system, operator.token, () => closedLoop(concurrency, durationMs, referralPair(cases, sender, receiver, accepted)));
  const sendAndAccept = closed.result;
  const underLoad = await propagationLatencies(accepted);

  console.log(`open loop: ${rates[0]} pairs/s, then higher rates until p99 passes ${latencyTargetMs} ms …`);
  const openPhases = [];
  let steady;
  for (const rate of quick ? rates.slice(0, 1) : rates) {
    const phaseAccepted = [];
    const run = () => openLoop(rate, rate === rates[0] ? durationMs : Math.min(durationMs, 10_000), referralPair(cases, sender, receiver, phaseAccepted));
    // The first rate is light enough that no process waits for a core: its costs, and the CPU
    // profiles over it, say where the time goes without the noise of a saturated machine.
    let phase;
    if (rate === rates[0]) {
      steady = await measured(system, operator.token, run);
      phase = steady.result;
    } else {
      phase = await run();
    }
    const propagation = latencySummary(await propagationLatencies(phaseAccepted));
    openPhases.push({ ...phase, propagation });
    console.log(`  ${rate}/s: achieved ${round(phase.perSecond)}/s, ${latencies(phase)}, propagation p99 ${propagation.p99} ms, ${phase.errors} errors`);
    if (phase.errors > 0 || phase.p99 >= latencyTargetMs || phase.perSecond < rate * 0.95) break;
  }
  const sustained = openPhases.filter((phase) => phase.errors === 0 && phase.p99 < latencyTargetMs && phase.perSecond >= phase.targetPerSecond * 0.95).at(-1);

  console.log('event propagation on an idle system …');
  const idleIds = [];
  const idlePair = referralPair(cases, sender, receiver, idleIds);
  for (let index = 0; index < 50; index++) {
    await idlePair();
    await sleep(100);
  }
  const idle = await propagationLatencies(idleIds);

  console.log('consent withdrawal: refusal and withdrawal of what relied on it …');
  const withdrawal = await consentWithdrawalPhase(sender, receiver, quick ? 10 : 50);

  console.log(`matching over ${matchingResources} support resources through the gateway …`);
  const vocabulary = require(join(process.cwd(), 'dist', 'libs', 'contracts', 'src', 'index.js'));
  const matching = await matchingPhase(system, operator, sender, vocabulary);
  if (!quick) console.log('the inbox at 10 000 and 1 000 000 referrals …');
  const inbox = quick ? [] : await measureInbox(receiver);
  if (!quick) console.log('statistics over 1 000 000 referral events …');
  const statistics = quick ? null : await measureStatistics(await signIn('Anna Regional'));
  const peaks = system.peaks();
  await system.stop();
  const profiles = Object.fromEntries(
    system.processes
      .map((spec) => [spec.name, profileIn(join(profileDirectory, spec.name))])
      .filter(([, file]) => file)
      .map(([name, file]) => [name, { file, ...summarizeProfile(file, steady.window.from, steady.window.to) }]),
  );
  const matchingProfile = profiles.actors ? summarizeProfile(profiles.actors.file, matching.window.from, matching.window.to) : null;

  const replicated = new System(layout(2));
  let twoReplicas = { perSecond: NaN, p50: NaN, p99: NaN, errors: 0 };
  let twoReplicasPropagation = latencySummary([]);
  let replicatedPeaks = {};
  if (!quick) {
    console.log('two replicas of referrals and learning …');
    for (const service of databaseServices) await recreateDatabase(benchDatabase(service));
    await replicated.start();
    const replicatedSender = await signIn('Arbetsförmedlare Örebro');
    const replicatedReceiver = await signIn('Handläggare försörjningsstöd Örebro');
    const replicatedCases = await prepareCases(replicatedSender, replicatedReceiver, concurrency * 8);
    const replicatedAccepted = [];
    twoReplicas = await closedLoop(concurrency, durationMs, referralPair(replicatedCases, replicatedSender, replicatedReceiver, replicatedAccepted));
    twoReplicasPropagation = latencySummary(await propagationLatencies(replicatedAccepted));
    replicatedPeaks = replicated.peaks();
    await replicated.stop();
  }

  const cost = costPerPair(closed, sendAndAccept.operations);
  const steadyCost = costPerPair(steady, steady.result.operations);
  const eventsPerSecond = sendAndAccept.perSecond * 2;
  const result = {
    at: startedAt,
    machine: { cores: cpus().length, memoryGiB: round(totalmem() / 2 ** 30), node: process.version },
    settings: { concurrency, durationSeconds: durationMs / 1000 },
    raw: {
      postgresTwoInsertTransactionsPerSecond: round(postgres.perSecond),
      postgresTransactionP50Ms: round(postgres.p50, 2),
      jetStreamPublishesWithAckPerSecond: round(jetStreamRaw.perSecond),
      jetStreamPublishP50Ms: round(jetStreamRaw.p50, 2),
    },
    referralSendAndAccept: {
      operations: sendAndAccept.operations,
      errors: sendAndAccept.errors,
      perSecond: round(sendAndAccept.perSecond),
      p50Ms: round(sendAndAccept.p50, 1),
      p95Ms: round(sendAndAccept.p95, 1),
      p99Ms: round(sendAndAccept.p99, 1),
    },
    propagationCommitToLearningMs: { underLoad: latencySummary(underLoad), idle: latencySummary(idle) },
    peakRssMiB: peaks,
    inbox: inboxResult(inbox),
    statistics: statisticsResult(statistics),
    ratios: {
      // Each send+accept commits two business transactions and publishes two events.
      referralOperationsToPostgresTransactions: round(sendAndAccept.perSecond / postgres.perSecond, 3),
      eventsToJetStreamPublishes: round(eventsPerSecond / jetStreamRaw.perSecond, 3),
    },
    costPerPair: cost,
    costPerPairAtSteadyRate: { pairsPerSecond: rates[0], ...steadyCost },
    openLoop: {
      latencyTargetMs,
      phases: openPhases.map((phase) => ({
        targetPerSecond: phase.targetPerSecond,
        perSecond: round(phase.perSecond),
        operations: phase.operations,
        errors: phase.errors,
        p50Ms: round(phase.p50),
        p95Ms: round(phase.p95),
        p99Ms: round(phase.p99),
        propagationMs: phase.propagation,
      })),
      highestSustainedPerSecond: sustained?.targetPerSecond ?? null,
    },
    scaleOut: {
      oneReplica: { perSecond: round(sendAndAccept.perSecond), p99Ms: round(sendAndAccept.p99) },
      twoReplicasOfReferralsAndLearning: {
        perSecond: round(twoReplicas.perSecond),
        p50Ms: round(twoReplicas.p50),
        p99Ms: round(twoReplicas.p99),
        errors: twoReplicas.errors,
        propagationMs: twoReplicasPropagation,
        peakRssMiB: replicatedPeaks,
      },
    },
    consentWithdrawal: {
      repetitions: withdrawal.repetitions,
      readsAllowedAfterTheAnswer: withdrawal.readAllowedAfterAnswer,
      firstRefusedReadAfterAnswerMs: { p50: round(percentile(withdrawal.refusedAfterMs, 50)), max: round(withdrawal.refusedAfterMs.at(-1)) },
      referralWithdrawnByEventAfterAnswerMs: {
        p50: round(percentile(withdrawal.withdrawnAfterMs, 50)),
        p99: round(percentile(withdrawal.withdrawnAfterMs, 99)),
        max: round(withdrawal.withdrawnAfterMs.at(-1)),
      },
    },
    matching: {
      supportResources: matching.resources,
      matchesPerAnswer: matching.matchesPerAnswer,
      actorsProfile: matchingProfile,
      oneAtATime: {
        operations: matching.single.operations,
        errors: matching.single.errors,
        perSecond: round(matching.single.perSecond),
        p50Ms: round(matching.single.p50),
        p95Ms: round(matching.single.p95),
        p99Ms: round(matching.single.p99),
      },
      concurrent: {
        concurrency,
        operations: matching.loaded.operations,
        errors: matching.loaded.errors,
        perSecond: round(matching.loaded.perSecond),
        p50Ms: round(matching.loaded.p50),
        p95Ms: round(matching.loaded.p95),
        p99Ms: round(matching.loaded.p99),
        cpuMsPerMatch: matching.cost.cpuMsPerPair,
        sqlStatementsPerMatch: matching.cost.sqlStatementsPerPair,
      },
    },
    profiles: Object.fromEntries(
      Object.entries(profiles).map(([name, { file, busyMs, packages, functions }]) => [name, { file, busyMs, packages, functions }]),
    ),
  };

  printTable('Throughput and latency', [
    ['raw PostgreSQL two-insert transactions', `${result.raw.postgresTwoInsertTransactionsPerSecond}/s`, `p50 ${result.raw.postgresTransactionP50Ms} ms`],
    ['raw JetStream publish with ack', `${result.raw.jetStreamPublishesWithAckPerSecond}/s`, `p50 ${result.raw.jetStreamPublishP50Ms} ms`],
    [
      `referral send + accept, closed loop (c=${concurrency})`,
      `${result.referralSendAndAccept.perSecond}/s`,
      `${latencies(sendAndAccept)} (${sendAndAccept.operations} ok, ${sendAndAccept.errors} errors)`,
    ],
    ['propagation commit → learning, closed loop', `${underLoad.length} events`, latencies(result.propagationCommitToLearningMs.underLoad)],
    ...openPhases.map((phase) => [
      `open loop at ${phase.targetPerSecond} pairs/s`,
      `${round(phase.perSecond)}/s`,
      `${latencies(phase)}; propagation p50 ${phase.propagation.p50} / p99 ${phase.propagation.p99} ms; ${phase.errors} errors`,
    ]),
    ['highest rate with p99 under the target', sustained ? `${sustained.targetPerSecond}/s` : 'none', `target p99 < ${latencyTargetMs} ms`],
    ['propagation commit → learning, idle', `${idle.length} events`, latencies(result.propagationCommitToLearningMs.idle)],
    [
      'consent withdrawal → receiver’s read refused',
      `${withdrawal.readAllowedAfterAnswer} reads allowed after the answer`,
      `p50 ${result.consentWithdrawal.firstRefusedReadAfterAnswerMs.p50} ms / max ${result.consentWithdrawal.firstRefusedReadAfterAnswerMs.max} ms (${withdrawal.repetitions} withdrawals)`,
    ],
    [
      'consent withdrawal → referral withdrawn (event)',
      '',
      `p50 ${result.consentWithdrawal.referralWithdrawnByEventAfterAnswerMs.p50} / p99 ${result.consentWithdrawal.referralWithdrawnByEventAfterAnswerMs.p99} / max ${result.consentWithdrawal.referralWithdrawnByEventAfterAnswerMs.max} ms`,
    ],
    ['ratio referral pairs / raw PostgreSQL tx', String(result.ratios.referralOperationsToPostgresTransactions), 'target ≥ 0.06'],
    ['ratio events / raw JetStream publishes', String(result.ratios.eventsToJetStreamPublishes), ''],
  ]);
  printTable(`Cost per referral pair (closed loop, ${sendAndAccept.operations} pairs)`, [
    ...Object.entries(cost.cpuMsPerPair).map(([name, ms]) => [
      `CPU ${name}`,
      `${ms} ms`,
      [
        name in cost.systemCpuMsPerPair ? `${cost.systemCpuMsPerPair[name]} ms of it in the kernel` : '',
        name in cost.sqlStatementsPerPair ? `${cost.sqlStatementsPerPair[name]} SQL statements, ${cost.natsMessagesPerPair[name]} NATS messages` : '',
      ]
        .filter(Boolean)
        .join('; '),
    ]),
  ]);
  printTable(
    `Cost per referral pair at ${rates[0]} pairs/s (open loop, ${steady.result.operations} pairs: no process waits for a core)`,
    Object.entries(steadyCost.cpuMsPerPair).map(([name, ms]) => [
      `CPU ${name}`,
      `${ms} ms`,
      name in steadyCost.systemCpuMsPerPair ? `${steadyCost.systemCpuMsPerPair[name]} ms in the kernel` : '',
    ]),
  );
  printTable(`Matching over ${matching.resources} support resources through the gateway (${matching.matchesPerAnswer} matches per answer)`, [
    ['one caseworker at a time', `${result.matching.oneAtATime.perSecond}/s`, `${latencies(matching.single)}, ${matching.single.errors} errors`],
    [`${concurrency} at once`, `${result.matching.concurrent.perSecond}/s`, `${latencies(matching.loaded)}, ${matching.loaded.errors} errors`],
    ...['gateway', 'actors', 'postgres'].map((name) => [`CPU ${name} per match`, `${matching.cost.cpuMsPerPair[name]} ms`, '']),
    [
      'actors while matching (profile)',
      `${matchingProfile?.busyMs ?? '-'} ms`,
      (matchingProfile?.functions ?? [])
        .slice(0, 6)
        .map((entry) => `${entry.name} ${entry.share}%`)
        .join(', '),
    ],
  ]);
  printInbox(inbox);
  printStatistics(statistics);
  printTable('Memory', [
    ...Object.entries(peaks).map(([name, mib]) => [`peak RSS ${name}`, `${mib} MiB`]),
    ...Object.entries(replicatedPeaks).map(([name, mib]) => [`peak RSS ${name} (two replicas)`, `${mib} MiB`]),
  ]);
  printTable('Scale-out (closed loop)', [
    ['one process per service', `${result.scaleOut.oneReplica.perSecond}/s`, `p99 ${result.scaleOut.oneReplica.p99Ms} ms`],
    [
      'two replicas of referrals and learning',
      quick ? '-' : `${result.scaleOut.twoReplicasOfReferralsAndLearning.perSecond}/s`,
      quick ? 'not run with BENCH_QUICK' : `p99 ${result.scaleOut.twoReplicasOfReferralsAndLearning.p99Ms} ms, ${twoReplicas.errors} errors`,
    ],
  ]);
  printTable(
    `Where each service spent its CPU at ${rates[0]} pairs/s (profiles)`,
    Object.entries(profiles).map(([name, summary]) => [
      name,
      `${summary.busyMs} ms`,
      summary.packages
        .slice(0, 5)
        .map((entry) => `${entry.name} ${entry.share}%`)
        .join(', '),
    ]),
  );

  writeFileSync(join(runDirectory, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(resultsDirectory, `${startedAt.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(resultsDirectory, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten to ${join(runDirectory, 'result.json')}, with the CPU profiles in ${profileDirectory}`);
}

main()
  .catch((error) => {
    console.error(`samverkan bench: ${error.message ?? error}`);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
