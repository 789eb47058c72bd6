import { randomBytes, randomUUID } from 'node:crypto';
import { WebhookSecrets } from './webhook-secrets';

function keyRing(...ids: string[]) {
  const keys = ids.map((id) => [id, randomBytes(32)] as [string, Buffer]);
  return { current: { id: keys[0]?.[0] as string, key: keys[0]?.[1] as Buffer }, byId: new Map(keys) };
}

const secretsWith = (secretKeys: ReturnType<typeof keyRing>) => new WebhookSecrets({ webhooks: { secretKeys } as never });

describe('webhook secrets', () => {
  it('are 32 random bytes, recognisable by their prefix', () => {
    const secrets = secretsWith(keyRing('k1'));
    const secret = secrets.generate();

    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(secrets.generate()).not.toBe(secret);
  });

  it('are stored only encrypted, under the current key, and read back for their own webhook', () => {
    const secrets = secretsWith(keyRing('k1'));
    const webhookId = randomUUID();
    const secret = secrets.generate();

    const sealed = secrets.seal(webhookId, secret);

    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.includes(Buffer.from(secret))).toBe(false);
    expect(sealed.ciphertext.includes(Buffer.from(secret.slice(6), 'base64url'))).toBe(false);
    expect(secrets.reveal(webhookId, sealed)).toBe(secret);
  });

  it('do not decrypt for another webhook, nor when the ciphertext was changed', () => {
    const secrets = secretsWith(keyRing('k1'));
    const webhookId = randomUUID();
    const sealed = secrets.seal(webhookId, secrets.generate());
    const tampered = Buffer.from(sealed.ciphertext);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 1;

    expect(() => secrets.reveal(randomUUID(), sealed)).toThrow();
    expect(() => secrets.reveal(webhookId, { keyId: 'k1', ciphertext: tampered })).toThrow();
  });

  it('stay readable under an older key once a new one is put first, and name a key that was removed', () => {
    const old = keyRing('k1');
    const webhookId = randomUUID();
    const secret = 'whsec_made-under-k1';
    const sealed = secretsWith(old).seal(webhookId, secret);
    const rotated = { current: { id: 'k2', key: randomBytes(32) }, byId: new Map([['k2', randomBytes(32)], ...old.byId]) };

    expect(secretsWith(rotated).reveal(webhookId, sealed)).toBe(secret);
    expect(secretsWith(rotated).seal(webhookId, secret).keyId).toBe('k2');
    expect(() => secretsWith(keyRing('k3')).reveal(webhookId, sealed)).toThrow(/k1 is not configured/);
  });
});
