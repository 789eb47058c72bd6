import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that signs a webhook request. */
export const signatureHeader = 'samverkan-signature';

/** How far a receiver should let a request's time stray from its own clock: five minutes, as Stripe does. */
export const defaultToleranceSeconds = 300;

/**
 * The `samverkan-signature` value for a body sent at `timestampSeconds` (Unix seconds):
 * `t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>`. Signing the time with
 * the body lets a receiver refuse a captured request replayed later; `v1` names the scheme, so a
 * second one can be sent beside it when it changes.
 */
export function signWebhookBody(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;
}

/**
 * What a receiver does with the header (here for the documentation and the tests): true when one
 * of its `v1` signatures matches the body and its time is within the tolerance of `nowSeconds`.
 */
export function verifyWebhookSignature(
  header: string,
  secret: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds: number = defaultToleranceSeconds,
): boolean {
  const parts = header.split(',').map((part) => part.split('=', 2) as [string, string | undefined]);
  const timestamp = Number(parts.find(([name]) => name === 't')?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  return parts.some(([name, value]) => {
    if (name !== 'v1' || !value || !/^[0-9a-f]{64}$/.test(value)) return false;
    return timingSafeEqual(Buffer.from(value, 'hex'), expected);
  });
}

function hmacHex(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
}
