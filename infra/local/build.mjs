#!/usr/bin/env node
// Compiles one project with SWC into dist/, mirroring the source tree, and copies a project's
// SQL migrations beside its code, where it looks for them at start. A service's folder also gets
// the shared messaging migrations, so that `prisma migrate deploy` finds every migration of the
// service's database in one folder (the runner counts identical copies once).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const project = process.argv[2];
if (!project) {
  console.error('usage: build.mjs <project root, e.g. services/actors>');
  process.exit(2);
}
rmSync(join('dist', project), { recursive: true, force: true });
const swc = spawnSync(
  'npx',
  ['--no-install', 'swc', join(project, 'src'), '-d', 'dist', '--config-file', '.swcrc', '--ignore', '**/*.spec.ts,**/*.int-spec.ts', '--quiet'],
  { stdio: 'inherit' },
);
if (swc.status !== 0) process.exit(swc.status ?? 1);
const migrations = join(project, 'prisma', 'migrations');
if (existsSync(migrations)) cpSync(migrations, join('dist', migrations), { recursive: true });
if (project.startsWith('services/') && existsSync(migrations)) {
  cpSync(join('libs', 'messaging', 'prisma', 'migrations'), join('dist', migrations), { recursive: true });
}
