import { Client } from 'pg';
import { testPostgresUrl } from './infrastructure';

/**
 * A fresh, empty database for one test suite. Names carry the Jest worker id so suites running
 * in parallel never share one.
 */
export async function createTestDatabase(purpose: string): Promise<string> {
  const worker = process.env['JEST_WORKER_ID'] ?? '0';
  const name = `samverkan_test_${purpose}_${worker}`.replace(/[^a-z0-9_]/g, '_');
  const admin = new Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return url.toString();
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
