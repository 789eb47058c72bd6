import { connect as tcpConnect } from 'node:net';

/**
 * Where tests find PostgreSQL and NATS: DATABASE_URL / NATS_URL when set, else the local
 * defaults when they answer, else containers (started once per run by the global setup).
 */
export const localPostgresUrl = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const localNatsUrl = 'nats://127.0.0.1:4222';

export function reachable(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: hostname, port: Number(port), timeout: timeoutMs });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.once('timeout', () => finish(false));
  });
}

/** The server-level PostgreSQL URL tests create their databases on. */
export function testPostgresUrl(): string {
  const url = process.env['SAMVERKAN_TEST_POSTGRES_URL'];
  if (!url) throw new Error('the Jest global setup did not run: SAMVERKAN_TEST_POSTGRES_URL is unset');
  return url;
}

export function testNatsUrl(): string {
  const url = process.env['SAMVERKAN_TEST_NATS_URL'];
  if (!url) throw new Error('the Jest global setup did not run: SAMVERKAN_TEST_NATS_URL is unset');
  return url;
}

/** Short id of this Jest run: test databases and NATS namespaces carry it, and its teardown removes them. */
export function testRunId(): string {
  const run = process.env['SAMVERKAN_TEST_RUN'];
  if (!run) throw new Error('the Jest global setup did not run: SAMVERKAN_TEST_RUN is unset');
  return run;
}
