#!/usr/bin/env node
// `npm start`: builds the services, starts all five with demo data against the local
// PostgreSQL and NATS, waits until each is ready, and prints where to go. Ctrl-C stops them.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const postgresUrl = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const logDirectory = join('dist', 'logs');
/** The V8 heap bounds the image sets in NODE_OPTIONS, so that npm start runs the services alike. */
const nodeFlags = JSON.parse(readFileSync(join('infra', 'node-options.json'), 'utf8'));

const services = [
  { name: 'actors', port: 3001, env: { SEED_DEMO_DATA: 'true' } },
  { name: 'cases', port: 3002, env: {} },
  { name: 'referrals', port: 3003, env: {} },
  { name: 'learning', port: 3004, env: {} },
  { name: 'gateway', port: Number(process.env.GATEWAY_PORT ?? 3000), env: { DEV_TOKENS_ENABLED: 'true' } },
];

function databaseUrl(service) {
  const url = new URL(postgresUrl);
  url.pathname = `/samverkan_${service}`;
  return url.toString();
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: 2000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket
      .once('connect', () => done(true))
      .once('error', () => done(false))
      .once('timeout', () => done(false));
  });
}

async function checkInfrastructure() {
  const problems = [];
  if (!(await reachable(postgresUrl))) {
    problems.push(
      `PostgreSQL is not reachable at ${postgresUrl}: start it with \`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\` or \`docker compose up -d postgres\``,
    );
  }
  if (!(await reachable(natsUrl))) {
    problems.push(`NATS is not reachable at ${natsUrl}: start it with \`nats-server -js\` or \`docker compose --profile dev up -d nats-dev\``);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`samverkan: ${problem}`);
    process.exit(1);
  }
}

function build() {
  console.log('samverkan: building the services …');
  const result = spawnSync('npx', ['--no-install', 'nx', 'run-many', '-t', 'build', '--outputStyle=static'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout);
    console.error('samverkan: the build failed');
    process.exit(result.status ?? 1);
  }
}

async function waitUntilReady(service, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/health/ready`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function main() {
  await checkInfrastructure();
  build();
  mkdirSync(logDirectory, { recursive: true });
  const children = [];
  let stopping = false;

  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\nsamverkan: stopping …');
    for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
    const force = setTimeout(() => children.forEach(({ child }) => child.exitCode === null && child.kill('SIGKILL')), 10_000);
    Promise.all(children.map(({ child }) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve))))).then(() => {
      clearTimeout(force);
      console.log('samverkan: stopped');
      process.exit(code);
    });
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  for (const service of services) {
    const log = createWriteStream(join(logDirectory, `${service.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [...nodeFlags, '--enable-source-maps', join('dist', 'services', service.name, 'src', 'main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        HTTP_PORT: String(service.port),
        NATS_URL: natsUrl,
        ...(service.name === 'gateway' ? {} : { DATABASE_URL: databaseUrl(service.name) }),
        ...service.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    // Start-up failures are one clear line on stderr: show them as they come.
    child.stderr.on('data', (chunk) => process.stderr.write(`[${service.name}] ${chunk}`));
    child.stderr.pipe(log);
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`samverkan: ${service.name} exited (${signal ?? code}); see ${join(logDirectory, `${service.name}.log`)}`);
        stop(1);
      }
    });
    children.push({ service, child });
  }

  const ready = await Promise.all(children.map(({ service, child }) => waitUntilReady(service, child)));
  if (stopping) return;
  const notReady = children.filter((_, index) => !ready[index]).map(({ service }) => service.name);
  if (notReady.length > 0) {
    console.error(`samverkan: not ready after 60 s: ${notReady.join(', ')}; logs are in ${logDirectory}/`);
    stop(1);
    return;
  }

  const gateway = `http://localhost:${services.at(-1).port}`;
  console.log(`
samverkan is running with demo data for Örebro län.

  Gateway        ${gateway}/api/v1
  API docs       ${gateway}/api/docs  (OpenAPI: ${gateway}/api/v1/openapi.json)
  Health         ${gateway}/health/ready   Metrics: ${gateway}/metrics
  Logs           ${logDirectory}/<service>.log

Get a development token for a seeded staff member:
  curl -s ${gateway}/api/v1/auth/dev-staff | jq '.items[] | {id, displayName, roles}'
  curl -s -X POST ${gateway}/api/v1/auth/dev-tokens -H 'content-type: application/json' -d '{"staffId":"<id>"}'

Press Ctrl-C to stop.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
