import { ServiceName } from '@samverkan/contracts';
import { natsPasswordVariable } from '@samverkan/messaging';
import { reachable } from '@samverkan/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The NATS users and permissions every deployment uses (generated, see `npm run nats:config`). */
export const natsAuthConfig = join(__dirname, '..', '..', 'infra', 'nats', 'auth.conf');

export function natsServerBinary(): string {
  const candidates = [process.env['NATS_SERVER_BIN'], '/usr/sbin/nats-server', '/usr/local/bin/nats-server', '/usr/bin/nats-server'];
  const found = candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
  if (!found) throw new Error('nats-server was not found; install it (Debian: apt-get install nats-server) or set NATS_SERVER_BIN');
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface AuthenticatedNats {
  url: string;
  passwords: Record<ServiceName, string>;
  stop(): Promise<void>;
}

/**
 * A nats-server of the test's own, on a free port, with JetStream and the repository's NATS
 * users and permissions (infra/nats/auth.conf) exactly as deployments include them.
 */
export async function startAuthenticatedNats(): Promise<AuthenticatedNats> {
  const directory = await mkdtemp(join(tmpdir(), 'samverkan-nats-'));
  const port = await freePort();
  await copyFile(natsAuthConfig, join(directory, 'auth.conf'));
  await writeFile(
    join(directory, 'nats.conf'),
    [`listen: 127.0.0.1:${port}`, `jetstream { store_dir: "${join(directory, 'store')}" }`, 'include ./auth.conf', ''].join('\n'),
  );
  // nats-server reads a variable's value as configuration: one that begins like a number ("7e…") does not parse.
  const passwords = Object.fromEntries(Object.values(ServiceName).map((service) => [service, `nats-${randomBytes(18).toString('base64url')}`])) as Record<
    ServiceName,
    string
  >;
  const environment = Object.fromEntries(Object.values(ServiceName).map((service) => [natsPasswordVariable(service), passwords[service]]));
  let output = '';
  const server: ChildProcess = spawn(natsServerBinary(), ['-c', join(directory, 'nats.conf')], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `nats://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await reachable(url, 200))) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`nats-server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    passwords,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
