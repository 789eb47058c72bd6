#!/usr/bin/env node
// Generates a service's Prisma client. `prisma generate` needs no schema engine, but the CLI
// insists on finding one; where it could not be downloaded, a no-op program stands in for it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const config = process.argv[2];
if (!config) {
  console.error('usage: prisma-generate.mjs <path to prisma.config.ts>');
  process.exit(2);
}
const env = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync('/bin/true')) env.PRISMA_SCHEMA_ENGINE_BINARY = '/bin/true';
const result = spawnSync('npx', ['--no-install', 'prisma', 'generate', '--config', config], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
