import { createTestDatabase, dropTestDatabase, query, testDatabasePrefix, testPostgresUrl } from '@samverkan/testing';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseNameOf, ensureDatabase, runMigrations } from './database';
import { InfrastructureUnavailableError } from './errors';

async function migrationsFolder(migrations: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'migrations-'));
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(join(folder, name));
    await writeFile(join(folder, name, 'migration.sql'), sql);
  }
  return folder;
}

const created: string[] = [];

async function aDatabase(purpose: string): Promise<string> {
  const url = await createTestDatabase(purpose);
  created.push(url);
  return url;
}

afterAll(async () => {
  for (const url of created) await dropTestDatabase(url);
});

describe('the migration runner', () => {
  const first = 'CREATE TABLE things (id int PRIMARY KEY);';
  const second = 'ALTER TABLE things ADD COLUMN name text;';

  it('applies pending migrations in order and records them as prisma migrate deploy does', async () => {
    const databaseUrl = await aDatabase('migrations_order');
    const folder = await migrationsFolder({ '20260101000000_things': first, '20260102000000_names': second });

    const applied = await runMigrations(databaseUrl, folder, 'test');

    expect(applied.map((migration) => migration.name)).toEqual(['20260101000000_things', '20260102000000_names']);
    const recorded = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished: boolean; rolled_back_at: Date | null }>(
      databaseUrl,
      'SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(recorded).toEqual([
      {
        migration_name: '20260101000000_things',
        checksum: createHash('sha256').update(first).digest('hex'),
        applied_steps_count: 1,
        finished: true,
        rolled_back_at: null,
      },
      {
        migration_name: '20260102000000_names',
        checksum: createHash('sha256').update(second).digest('hex'),
        applied_steps_count: 1,
        finished: true,
        rolled_back_at: null,
      },
    ]);
    expect(await query(databaseUrl, 'SELECT name FROM things')).toEqual([]);
  });

  it('applies the migrations of several folders in the order of their names, an identical copy once', async () => {
    const databaseUrl = await aDatabase('migrations_folders');
    const shared = await migrationsFolder({ '20260101000000_things': first });
    const own = await migrationsFolder({ '20260101000000_things': first, '20260102000000_names': second });

    const applied = await runMigrations(databaseUrl, [own, shared], 'test');

    expect(applied.map((migration) => migration.name)).toEqual(['20260101000000_things', '20260102000000_names']);
  });

  it('refuses two different migrations of the same name', async () => {
    const databaseUrl = await aDatabase('migrations_clash');
    const folders = [await migrationsFolder({ '20260101000000_things': first }), await migrationsFolder({ '20260101000000_things': second })];

    await expect(runMigrations(databaseUrl, folders, 'test')).rejects.toThrow('two different migrations are named 20260101000000_things');
  });

  it('applies nothing twice', async () => {
    const databaseUrl = await aDatabase('migrations_twice');
    const folder = await migrationsFolder({ '20260101000000_things': first });

    await runMigrations(databaseUrl, folder, 'test');
    const again = await runMigrations(databaseUrl, folder, 'test');

    expect(again).toEqual([]);
    expect(await query(databaseUrl, 'SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual([{ n: 1 }]);
  });

  it('refuses to start on a migration edited after it was applied', async () => {
    const databaseUrl = await aDatabase('migrations_edited');
    await runMigrations(databaseUrl, await migrationsFolder({ '20260101000000_things': first }), 'test');

    await expect(runMigrations(databaseUrl, await migrationsFolder({ '20260101000000_things': `${first}\n-- edited` }), 'test')).rejects.toThrow(
      'migration 20260101000000_things was edited after it was applied',
    );
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const databaseUrl = await aDatabase('migrations_failing');
    const folder = await migrationsFolder({ '20260101000000_broken': 'CREATE TABLE half (id int); SELECT no_such_function();' });

    await expect(runMigrations(databaseUrl, folder, 'test')).rejects.toThrow('migration 20260101000000_broken failed');

    expect(await query(databaseUrl, "SELECT to_regclass('half') IS NULL AS absent")).toEqual([{ absent: true }]);
    expect(await query(databaseUrl, 'SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual([{ n: 0 }]);
  });
});

describe('ensureDatabase', () => {
  it('creates a missing database and leaves an existing one alone', async () => {
    const url = new URL(testPostgresUrl());
    url.pathname = `/${testDatabasePrefix()}ensure_${process.env['JEST_WORKER_ID'] ?? '0'}`;
    created.push(url.toString());
    await query(testPostgresUrl(), `DROP DATABASE IF EXISTS "${databaseNameOf(url.toString())}"`);

    await ensureDatabase(url.toString(), 'test');
    await ensureDatabase(url.toString(), 'test');

    expect(await query(url.toString(), 'SELECT current_database() AS name')).toEqual([{ name: databaseNameOf(url.toString()) }]);
  });

  it('fails with one line naming the URL, without its password, and how to start PostgreSQL', async () => {
    const error = await ensureDatabase('postgresql://postgres:secret@127.0.0.1:1/samverkan_nowhere', 'cases').catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(InfrastructureUnavailableError);
    expect((error as Error).message).toMatch(
      /^samverkan-cases: cannot reach PostgreSQL at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/samverkan_nowhere \([^)]*ECONNREFUSED[^)]*\); start it with/,
    );
    expect((error as Error).message).not.toContain('secret');
    expect((error as Error).message).not.toContain('\n');
  });
});
