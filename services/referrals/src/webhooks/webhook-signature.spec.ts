import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = '{"id":"evt"}';
  const sentAt = 1_700_000_000;

  it('sign "<unix seconds>.<raw body>" with HMAC-SHA256 keyed with the secret, as t=…,v1=<hex>', () => {
    // Computed apart from this code: printf '%s' '1700000000.{"id":"evt"}' | openssl dgst -sha256 -hmac 'whsec_test-secret'
    expect(signWebhookBody(secret, sentAt, body)).toBe('t=1700000000,v1=ad8a932e9bda23844307479679c5c53bed843d1680a913432fe3d6dfcf68f76c');
  });

  it('verify for a receiver with the secret, within five minutes of the time signed', () => {
    const header = signWebhookBody(secret, sentAt, body);

    expect(verifyWebhookSignature(header, secret, body, sentAt)).toBe(true);
    expect(verifyWebhookSignature(header, secret, body, sentAt + 300)).toBe(true);
    expect(verifyWebhookSignature(header, secret, body, sentAt - 300)).toBe(true);
  });

  it('refuse a changed body, another secret, another time and a replay after the tolerance', () => {
    const header = signWebhookBody(secret, sentAt, body);

    expect(verifyWebhookSignature(header, secret, '{"id":"evu"}', sentAt)).toBe(false);
    expect(verifyWebhookSignature(header, 'whsec_other', body, sentAt)).toBe(false);
    expect(verifyWebhookSignature(header.replace('t=1700000000', 't=1700000001'), secret, body, sentAt)).toBe(false);
    expect(verifyWebhookSignature(header, secret, body, sentAt + 301)).toBe(false);
  });

  it('refuse malformed headers without throwing', () => {
    for (const header of ['', 'v1=abc', 't=1700000000', 't=soon,v1=00', `t=${sentAt},v1=zz`, `t=${sentAt},v0=${'0'.repeat(64)}`]) {
      expect(verifyWebhookSignature(header, secret, body, sentAt)).toBe(false);
    }
  });

  it('sign each time afresh: a retry carries its own time', () => {
    expect(signWebhookBody(secret, sentAt + 60, body)).not.toBe(signWebhookBody(secret, sentAt, body));
  });
});
