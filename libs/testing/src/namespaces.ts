import { randomBytes } from 'node:crypto';
import { testRunId } from './infrastructure';

/** Every test namespace of a run starts with this, so the run's teardown finds its streams. */
export function testNamespacePrefix(run = testRunId()): string {
  return `t${run}`;
}

/** A NATS namespace of its own for one test suite: its subjects and streams are invisible to others. */
export function testNamespace(purpose: string): string {
  return `${testNamespacePrefix()}${purpose.replace(/[^a-z0-9]/g, '').slice(0, 12)}${randomBytes(3).toString('hex')}`;
}
