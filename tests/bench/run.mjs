#!/usr/bin/env node
// `npm run bench`: the raw limits of this machine with the drivers the services use, then the
// whole system under a fixed concurrency, in a NATS namespace and databases of its own.
// A benchmark, not a test: it asserts nothing and prints a table, and writes JSON.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client, Pool } = require('pg');
const { connect } = require('@nats-io/transport-node');
const { jetstream, jetstreamManager } = require('@nats-io/jetstream');

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const durationMs = Number(process.env.BENCH_DURATION_S ?? 20) * 1000;
const postgresUrl = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const namespace = `bench${randomBytes(3).toString('hex')}`;
const resultsDirectory = join('tests', 'bench', 'results');

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function databaseUrl(name) {
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function recreateDatabase(name) {
  const admin = new Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return databaseUrl(name);
}

/** Runs `operation` from `workers` loops for `ms`; returns latencies (ms) and the rate per second. */
async function closedLoop(workers, ms, operation) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      let index = 0;
      while (performance.now() < deadline) {
        const begin = performance.now();
        try {
          await operation(worker, index++);
          latencies.push(performance.now() - begin);
        } catch (error) {
          errors += 1;
          if (errors <= 3) console.error(`  operation failed: ${error.message ?? error}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    operations: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

async function rawPostgres() {
  const url = await recreateDatabase('samverkan_bench_raw');
  const pool = new Pool({ connectionString: url, max: concurrency });
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

const services = [
  { name: 'actors', port: 3101, env: { SEED_DEMO_DATA: 'true' } },
  { name: 'cases', port: 3102, env: {} },
  { name: 'referrals', port: 3103, env: {} },
  { name: 'learning', port: 3104, env: {} },
  { name: 'gateway', port: 3100, env: { DEV_TOKENS_ENABLED: 'true', RATE_LIMIT_PER_MINUTE: '100000000' } },
];

async function startSystem() {
  const children = [];
  for (const service of services) {
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      HTTP_PORT: String(service.port),
      NATS_URL: natsUrl,
      NATS_NAMESPACE: namespace,
      OUTBOX_POLL_INTERVAL_MS: '1000',
      ...(service.name === 'gateway' ? {} : { DATABASE_URL: await recreateDatabase(`samverkan_bench_${service.name}`) }),
      ...service.env,
    };
    const child = spawn(process.execPath, [join('dist', 'services', service.name, 'src', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push({ service, child });
  }
  for (const { service, child } of children) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${service.name} exited during start`);
      if (Date.now() > deadline) throw new Error(`${service.name} not ready within 60 s`);
      const ready = await fetch(`http://127.0.0.1:${service.port}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      await sleep(200);
    }
  }
  return children;
}

/** Peak resident set (VmHWM) of a process, in MiB. */
function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? round(Number(match[1]) / 1024) : NaN;
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

async function api(method, path, token, body) {
  const response = await fetch(`http://127.0.0.1:3100/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.code ?? ''} ${json.detail ?? ''}`);
  return json;
}

async function signIn(displayName) {
  const staff = await api('GET', '/auth/dev-staff?limit=100');
  const member = staff.items.find((candidate) => candidate.displayName === displayName);
  const issued = await api('POST', '/auth/dev-tokens', undefined, { staffId: member.id });
  return { token: issued.accessToken, member };
}

async function propagationLatencies(learningUrl, referralIds) {
  const client = new Client({ connectionString: learningUrl });
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

async function cleanUpNamespace() {
  const connection = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(connection);
  for await (const stream of jsm.streams.list()) {
    if (stream.config.name.startsWith(`${namespace.toUpperCase()}_`)) await jsm.streams.delete(stream.config.name);
  }
  await connection.close();
}

async function main() {
  console.log(
    `samverkan benchmark: ${cpus().length} cores, ${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, concurrency ${concurrency}, ${durationMs / 1000} s per system phase\n`,
  );
  const build = spawnSync('npx', ['--no-install', 'nx', 'run-many', '-t', 'build', '--outputStyle=static'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (build.status !== 0) throw new Error('build failed');

  console.log('raw limits …');
  const postgres = await rawPostgres();
  const jetStreamRaw = await rawJetStream();

  console.log('starting the system …');
  const children = await startSystem();
  const peaks = {};
  const sample = () => {
    for (const { service, child } of children) peaks[service.name] = Math.max(peaks[service.name] ?? 0, peakRssMiB(child.pid));
  };
  try {
    const sender = await signIn('Arbetsförmedlare Örebro');
    const receiver = await signIn('Handläggare försörjningsstöd Örebro');

    // One case with consent per worker and round, prepared outside the measured phase.
    const caseCount = concurrency * 8;
    const cases = [];
    for (let index = 0; index < caseCount; index++) {
      const opened = await api('POST', '/cases', sender.token, { personnummer: personnummer(index), municipalityCode: '1880', targetGroup: 'uvas' });
      await api('POST', `/cases/${opened.id}/consents`, sender.token, { organisationId: receiver.member.organisationId, purpose: 'referral' });
      cases.push(opened.id);
    }

    console.log('referral send + accept through the gateway …');
    const accepted = [];
    const sendAndAccept = await closedLoop(concurrency, durationMs, async (worker, index) => {
      const caseId = cases[(worker + index * concurrency) % cases.length];
      const referral = await api('POST', '/referrals', sender.token, { caseId, toOrganisationId: receiver.member.organisationId });
      await api('POST', `/referrals/${referral.id}/accept`, receiver.token);
      accepted.push(referral.id);
    });
    sample();
    const underLoad = await propagationLatencies(databaseUrl('samverkan_bench_learning'), accepted);

    console.log('event propagation on an idle system …');
    const idleIds = [];
    for (let index = 0; index < 50; index++) {
      const referral = await api('POST', '/referrals', sender.token, { caseId: cases[index % cases.length], toOrganisationId: receiver.member.organisationId });
      await api('POST', `/referrals/${referral.id}/accept`, receiver.token);
      idleIds.push(referral.id);
      await sleep(100);
    }
    const idle = await propagationLatencies(databaseUrl('samverkan_bench_learning'), idleIds);
    sample();

    const eventsPerSecond = sendAndAccept.perSecond * 2;
    const result = {
      at: new Date().toISOString(),
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
      propagationCommitToLearningMs: {
        underLoad: {
          events: underLoad.length,
          p50: round(percentile(underLoad, 50)),
          p95: round(percentile(underLoad, 95)),
          p99: round(percentile(underLoad, 99)),
        },
        idle: { events: idle.length, p50: round(percentile(idle, 50)), p95: round(percentile(idle, 95)), p99: round(percentile(idle, 99)) },
      },
      peakRssMiB: peaks,
      ratios: {
        // Each send+accept commits four business transactions (referral, outbox row each, and
        // learning's two projections) and publishes two events.
        referralOperationsToPostgresTransactions: round(sendAndAccept.perSecond / postgres.perSecond, 3),
        eventsToJetStreamPublishes: round(eventsPerSecond / jetStreamRaw.perSecond, 3),
      },
    };

    const rows = [
      ['raw PostgreSQL two-insert transactions', `${result.raw.postgresTwoInsertTransactionsPerSecond}/s`, `p50 ${result.raw.postgresTransactionP50Ms} ms`],
      ['raw JetStream publish with ack', `${result.raw.jetStreamPublishesWithAckPerSecond}/s`, `p50 ${result.raw.jetStreamPublishP50Ms} ms`],
      [
        `referral send + accept via gateway (c=${concurrency})`,
        `${result.referralSendAndAccept.perSecond}/s`,
        `p50 ${result.referralSendAndAccept.p50Ms} / p95 ${result.referralSendAndAccept.p95Ms} / p99 ${result.referralSendAndAccept.p99Ms} ms (${result.referralSendAndAccept.operations} ok, ${result.referralSendAndAccept.errors} errors)`,
      ],
      [
        'propagation commit → learning, under load',
        `${underLoad.length} events`,
        `p50 ${result.propagationCommitToLearningMs.underLoad.p50} / p95 ${result.propagationCommitToLearningMs.underLoad.p95} / p99 ${result.propagationCommitToLearningMs.underLoad.p99} ms`,
      ],
      [
        'propagation commit → learning, idle',
        `${idle.length} events`,
        `p50 ${result.propagationCommitToLearningMs.idle.p50} / p95 ${result.propagationCommitToLearningMs.idle.p95} / p99 ${result.propagationCommitToLearningMs.idle.p99} ms`,
      ],
      ...Object.entries(peaks).map(([name, mib]) => [`peak RSS ${name}`, `${mib} MiB`, '']),
      ['ratio referral ops / raw PostgreSQL tx', String(result.ratios.referralOperationsToPostgresTransactions), ''],
      ['ratio events / raw JetStream publishes', String(result.ratios.eventsToJetStreamPublishes), ''],
    ];
    const width = [Math.max(...rows.map((row) => row[0].length)), Math.max(...rows.map((row) => row[1].length))];
    console.log('');
    for (const [label, value, detail] of rows) console.log(`${label.padEnd(width[0])}  ${value.padStart(width[1])}  ${detail}`);

    mkdirSync(resultsDirectory, { recursive: true });
    const file = join(resultsDirectory, `${result.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(resultsDirectory, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwritten to ${file}`);
  } finally {
    for (const { child } of children) child.kill('SIGTERM');
    await Promise.all(children.map(({ child }) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
    await cleanUpNamespace();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
