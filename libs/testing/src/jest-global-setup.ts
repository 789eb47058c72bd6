import { randomBytes } from 'node:crypto';
import { localNatsUrl, localPostgresUrl, reachable } from './infrastructure';

type Stoppable = { stop(): Promise<unknown> };

/** Containers this run started, for the global teardown (same process, so a global works). */
export const startedContainers: Stoppable[] = ((globalThis as { samverkanTestContainers?: Stoppable[] }).samverkanTestContainers ??= []);

/**
 * Runs once per Jest run. Exports the URLs and the run's id through the environment, which the
 * test workers inherit; the global teardown removes what the run created.
 */
export default async function globalSetup(): Promise<void> {
  process.env['TZ'] = 'UTC';
  process.env['SAMVERKAN_TEST_RUN'] ??= randomBytes(2).toString('hex');
  process.env['SAMVERKAN_TEST_POSTGRES_URL'] ??= await resolvePostgres();
  process.env['SAMVERKAN_TEST_NATS_URL'] ??= await resolveNats();
}

async function resolvePostgres(): Promise<string> {
  const configured = process.env['DATABASE_URL'];
  if (configured) {
    const url = new URL(configured);
    url.pathname = '/postgres';
    return url.toString();
  }
  if (await reachable(localPostgresUrl)) return localPostgresUrl;
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:16-alpine').withUsername('postgres').withPassword('postgres').start();
  startedContainers.push(container);
  return `postgresql://postgres:postgres@${container.getHost()}:${container.getPort()}/postgres`;
}

async function resolveNats(): Promise<string> {
  const configured = process.env['NATS_URL'];
  if (configured) return configured;
  if (await reachable(localNatsUrl)) return localNatsUrl;
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('nats:2.10-alpine')
    .withCommand(['-js'])
    .withExposedPorts(4222)
    .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
    .start();
  startedContainers.push(container);
  return `nats://${container.getHost()}:${container.getMappedPort(4222)}`;
}
