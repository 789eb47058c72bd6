import { Client } from 'pg';
import { testPostgresUrl, testRunId } from './infrastructure';

/** Every test database of a run starts with this, so the run's teardown finds what was left. */
export function testDatabasePrefix(run = testRunId()): string {
  return `samverkan_test_${run}_`;
}

async function onServer<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, empty database for one test suite. Names carry the run and the Jest worker id, so
 * suites running in parallel, or two runs on one server, never share one.
 */
export async function createTestDatabase(purpose: string): Promise<string> {
  const worker = process.env['JEST_WORKER_ID'] ?? '0';
  const name = `${testDatabasePrefix()}${purpose}_${worker}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (name.length > 63) throw new Error(`test database name ${name} is longer than PostgreSQL allows`);
  await onServer(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database a test created, closing whatever connections are still open to it. */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!name.startsWith('samverkan_test_')) throw new Error(`refusing to drop ${name}: not a test database`);
  await onServer((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops every database whose name starts with the prefix: a run's teardown, after crashed suites. */
export async function dropTestDatabasesStartingWith(prefix: string): Promise<string[]> {
  return onServer(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.map((row) => row.datname);
  });
}

/** Runs one query on a database outside any app, to arrange or inspect state in a test. */
export async function query<T extends object = Record<string, unknown>>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
