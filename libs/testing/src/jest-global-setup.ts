import { localNatsUrl, localPostgresUrl, reachable } from './infrastructure';

type Stoppable = { stop(): Promise<unknown> };
const started: Stoppable[] = [];

/**
 * Runs once per Jest run. Exports the URLs through the environment, which the test workers
 * inherit, and leaves a teardown that stops any container it started.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  process.env['TZ'] = 'UTC';
  process.env['SAMVERKAN_TEST_POSTGRES_URL'] ??= await resolvePostgres();
  process.env['SAMVERKAN_TEST_NATS_URL'] ??= await resolveNats();
  return async () => {
    await Promise.all(started.map((container) => container.stop()));
  };
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
  started.push(container);
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
  started.push(container);
  return `nats://${container.getHost()}:${container.getMappedPort(4222)}`;
}
