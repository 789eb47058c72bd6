import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createTestDatabase, query } from './databases';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationName?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

interface DmmfIndex {
  model: string;
  type: 'id' | 'normal' | 'unique' | 'fulltext';
  fields: Array<{ name: string }>;
}

export interface TableShape {
  columns: Record<string, { type: string; nullable: boolean }>;
  /** Column lists of primary keys, unique and plain indexes, e.g. `unique(case_id,purpose)`. */
  indexes: string[];
  foreignKeys: string[];
}

const scalarTypes: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  Bytes: 'bytea',
  Json: 'jsonb',
  Float: 'double precision',
  DateTime: 'timestamp(3) without time zone',
};

const nativeTypes: Record<string, (args: string[]) => string> = {
  Uuid: () => 'uuid',
  Timestamptz: (args) => `timestamp(${args[0] ?? '6'}) with time zone`,
  Text: () => 'text',
  Date: () => 'date',
  Real: () => 'real',
};

function columnType(field: DmmfField): string {
  const native = field.nativeType ? nativeTypes[field.nativeType[0]]?.(field.nativeType[1]) : undefined;
  const base = native ?? scalarTypes[field.type] ?? field.type;
  return field.isList ? `${base}[]` : base;
}

/** The tables Prisma schema files describe together, in the terms PostgreSQL reports them. */
export function tablesFromPrismaSchema(schemaPaths: string[]): Record<string, TableShape> {
  const files = schemaPaths.map((path) => [basename(path), readFileSync(path, 'utf8')]);
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: files }))) as {
    datamodel: { models: DmmfModel[]; indexes: DmmfIndex[] };
  };
  const tableOf = new Map(dmmf.datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const tables: Record<string, TableShape> = {};
  for (const model of dmmf.datamodel.models) {
    const columnOf = new Map(model.fields.map((field) => [field.name, field.dbName ?? field.name]));
    const shape: TableShape = { columns: {}, indexes: [], foreignKeys: [] };
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          shape.foreignKeys.push(`(${field.relationFromFields.map((name) => columnOf.get(name)).join(',')})->${tableOf.get(field.type)}`);
        }
        continue;
      }
      // Prisma creates scalar lists without NOT NULL.
      shape.columns[columnOf.get(field.name) as string] = { type: columnType(field), nullable: field.isList || !field.isRequired };
    }
    for (const index of dmmf.datamodel.indexes.filter((candidate) => candidate.model === model.name)) {
      const kind = index.type === 'id' ? 'primary' : index.type === 'unique' ? 'unique' : 'index';
      shape.indexes.push(`${kind}(${index.fields.map((field) => columnOf.get(field.name)).join(',')})`);
    }
    shape.indexes.sort();
    shape.foreignKeys.sort();
    tables[tableOf.get(model.name) as string] = shape;
  }
  return tables;
}

/**
 * The tables a migrated database has. Partial indexes are left out: Prisma cannot describe
 * them, so they live in the SQL only.
 */
export async function tablesInDatabase(databaseUrl: string): Promise<Record<string, TableShape>> {
  const columns = await query<{ table_name: string; column_name: string; type: string; nullable: boolean }>(
    databaseUrl,
    `SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable = 'YES' AS nullable
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass AND a.attname = c.column_name
      WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`,
  );
  const indexes = await query<{ table_name: string; kind: string; columns: string }>(
    databaseUrl,
    `SELECT t.relname AS table_name,
            CASE WHEN i.indisprimary THEN 'primary' WHEN i.indisunique THEN 'unique' ELSE 'index' END AS kind,
            string_agg(a.attname, ',' ORDER BY k.ordinality) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE i.indpred IS NULL AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique`,
  );
  const foreignKeys = await query<{ table_name: string; columns: string; target: string }>(
    databaseUrl,
    `SELECT t.relname AS table_name, string_agg(a.attname, ',' ORDER BY k.ordinality) AS columns, f.relname AS target
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class f ON f.oid = c.confrelid
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE c.contype = 'f'
      GROUP BY t.relname, c.oid, f.relname`,
  );
  const tables: Record<string, TableShape> = {};
  const table = (name: string) => (tables[name] ??= { columns: {}, indexes: [], foreignKeys: [] });
  for (const column of columns) table(column.table_name).columns[column.column_name] = { type: column.type, nullable: column.nullable };
  for (const index of indexes) table(index.table_name).indexes.push(`${index.kind}(${index.columns})`);
  for (const key of foreignKeys) table(key.table_name).foreignKeys.push(`(${key.columns})->${key.target}`);
  for (const shape of Object.values(tables)) {
    shape.indexes.sort();
    shape.foreignKeys.sort();
  }
  return tables;
}

/**
 * Migrates a fresh database with a service's SQL migrations (with the runner the service uses,
 * passed in so this library stays below platform) and returns both views of its tables: what
 * the Prisma schema files describe and what PostgreSQL has. A test expects them equal.
 */
export async function schemaViews(options: {
  purpose: string;
  schemaFiles: string[];
  migrate: (databaseUrl: string) => Promise<unknown>;
}): Promise<{ databaseUrl: string; described: Record<string, TableShape>; migrated: Record<string, TableShape> }> {
  const databaseUrl = await createTestDatabase(options.purpose);
  await options.migrate(databaseUrl);
  return { databaseUrl, described: tablesFromPrismaSchema(options.schemaFiles), migrated: await tablesInDatabase(databaseUrl) };
}
