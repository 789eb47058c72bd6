import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { dropTestDatabasesStartingWith, testDatabasePrefix } from './databases';
import { startedContainers } from './jest-global-setup';
import { testNamespacePrefix } from './namespaces';

/**
 * Removes what this run created and its suites did not (a suite that failed half-way): its
 * test databases, and the NATS streams of its namespaces. Then stops any container it started.
 */
export default async function globalTeardown(): Promise<void> {
  const run = process.env['SAMVERKAN_TEST_RUN'];
  if (run) {
    await dropTestDatabasesStartingWith(testDatabasePrefix(run));
    await deleteStreamsStartingWith(testNamespacePrefix(run).toUpperCase());
  }
  await Promise.all(startedContainers.splice(0).map((container) => container.stop()));
}

async function deleteStreamsStartingWith(prefix: string): Promise<void> {
  const url = process.env['SAMVERKAN_TEST_NATS_URL'];
  if (!url) return;
  const connection = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(connection);
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(prefix)) await jsm.streams.delete(stream.config.name);
    }
  } finally {
    await connection.close();
  }
}
