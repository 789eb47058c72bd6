import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, type ClientConfig } from 'pg';
import { describeError, InfrastructureUnavailableError, redactUrl } from './errors';

const postgresStartHint = 'start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` or `docker compose up -d postgres`';

/** Prisma's own lock key, so this runner and `prisma migrate deploy` never run at once. */
const prismaMigrateAdvisoryLock = 72707369;

function clientConfig(url: string): ClientConfig {
  return { connectionString: url, connectionTimeoutMillis: 5000 };
}

/** Connects, or fails with one line naming `shownUrl` (the URL the operator configured). */
async function connect(url: string, service: string, shownUrl = url): Promise<Client> {
  const client = new Client(clientConfig(url));
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new InfrastructureUnavailableError(
      `samverkan-${service}: cannot reach PostgreSQL at ${redactUrl(shownUrl)} (${describeError(error)}); ${postgresStartHint}`,
    );
  }
}

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name in ${redactUrl(url)}`);
  return name;
}

/** Creates the service's database when it does not exist yet (safe when replicas race). */
export async function ensureDatabase(url: string, service: string): Promise<void> {
  const database = databaseNameOf(url);
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  const client = await connect(maintenanceUrl.toString(), service, url);
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // another replica created it first
      });
    }
  } finally {
    await client.end();
  }
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

async function readMigrationsIn(directory: string): Promise<MigrationFile[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async ({ name }) => {
        const sql = await readFile(join(directory, name, 'migration.sql'), 'utf8');
        return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
      }),
  );
}

/**
 * The migrations of several Prisma migrations folders (a service's own and the shared messaging
 * tables), in the order of their names. A built service carries the shared ones in its own folder
 * too, so that `prisma migrate deploy` finds everything there; identical copies count once.
 */
async function readMigrations(directories: string[]): Promise<MigrationFile[]> {
  const byName = new Map<string, MigrationFile>();
  for (const directory of directories) {
    for (const migration of await readMigrationsIn(directory)) {
      const seen = byName.get(migration.name);
      if (seen && seen.checksum !== migration.checksum) throw new Error(`two different migrations are named ${migration.name}`);
      byName.set(migration.name, migration);
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Applies pending SQL migrations from Prisma migrations folders and records them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does, so either can run on the same
 * database. Each migration runs in its own transaction.
 */
export async function runMigrations(url: string, directories: string | string[], service: string): Promise<AppliedMigration[]> {
  const migrations = await readMigrations(typeof directories === 'string' ? [directories] : directories);
  const client = await connect(url, service);
  const applied: AppliedMigration[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [prismaMigrateAdvisoryLock]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const recorded = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const done = new Map<string, string>();
    for (const row of recorded.rows) {
      if (row.rolled_back_at) continue;
      if (!row.finished_at) throw new Error(`migration ${row.migration_name} failed earlier; resolve it before starting ${service}`);
      done.set(row.migration_name, row.checksum);
    }
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.name} was edited after it was applied; a development database can be dropped and created again (dropdb ${databaseNameOf(url)})`,
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${describeError(error)}`, { cause: error });
      }
      applied.push({ name: migration.name, checksum: migration.checksum });
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [prismaMigrateAdvisoryLock]).catch(() => undefined);
    await client.end();
  }
}

/** Creates the database if missing and migrates it: what every service does before it starts. */
export async function prepareDatabase(url: string, migrationsDirectories: string[], service: string): Promise<AppliedMigration[]> {
  await ensureDatabase(url, service);
  return runMigrations(url, migrationsDirectories, service);
}
