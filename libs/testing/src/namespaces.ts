import { randomBytes } from 'node:crypto';

/** A NATS namespace of its own for one test suite: its subjects and streams are invisible to others. */
export function testNamespace(purpose: string): string {
  return `t${purpose.replace(/[^a-z0-9]/g, '').slice(0, 12)}${randomBytes(3).toString('hex')}`;
}
