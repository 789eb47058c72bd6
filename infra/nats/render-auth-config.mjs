#!/usr/bin/env node
// `npm run nats:config`: writes the NATS users and their permissions, from the compiled
// messaging library (the npm script builds it first), to infra/nats/auth.conf (included by the
// nats.conf files) and infra/kubernetes/nats-auth.conf (kustomize reads only below its folder).
// Run it after changing who calls what (requestCallers) or the JetStream topology; a test fails
// until it has been run.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { renderNatsAuthorization } = createRequire(import.meta.url)(join(root, 'dist', 'libs', 'messaging', 'src', 'nats-permissions.js'));
for (const target of [join(root, 'infra', 'nats', 'auth.conf'), join(root, 'infra', 'kubernetes', 'nats-auth.conf')]) {
  writeFileSync(target, renderNatsAuthorization());
  console.log(`wrote ${target}`);
}
