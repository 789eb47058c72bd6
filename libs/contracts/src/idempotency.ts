import { validationFailed } from './validation';

/** The header (HTTP and NATS alike) that makes a command safe to retry. */
export const idempotencyKeyHeader = 'idempotency-key';

/** How long a key protects against a repeated command. */
export const idempotencyKeyHours = 24;

const acceptable = /^[\x21-\x7e]{1,255}$/;

/**
 * Checks an Idempotency-Key as a client sent it: 1 to 255 visible ASCII characters (a UUID is a
 * good choice). Returns undefined for none, the key otherwise, and names the header when bad.
 */
export function acceptIdempotencyKey(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && acceptable.test(value)) return value;
  throw validationFailed([{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters, e.g. a UUID' }]);
}
