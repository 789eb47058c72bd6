import { randomBytes } from 'node:crypto';
import { IdentityProtector } from './identity-protector';

describe('IdentityProtector', () => {
  const keys = { identityEncryptionKey: randomBytes(32), identityHashKey: randomBytes(32) };
  const protector = new IdentityProtector(keys);

  it('encrypts so that only the key reveals the canonical number', () => {
    const identity = protector.protect('900101-0017');

    expect(identity.ciphertext.toString('latin1')).not.toContain('900101');
    expect(protector.reveal(identity.ciphertext)).toBe('199001010017');
    expect(() => new IdentityProtector({ ...keys, identityEncryptionKey: randomBytes(32) }).reveal(identity.ciphertext)).toThrow();
  });

  it('hashes every written form of one number alike, and different numbers apart', () => {
    const forms = ['19900101-0017', '199001010017', '900101-0017'].map((form) => protector.protect(form).hash.toString('hex'));

    expect(new Set(forms).size).toBe(1);
    expect(protector.protect('20050315-2381').hash.toString('hex')).not.toBe(forms[0]);
  });

  it('uses a fresh IV each time, so equal numbers do not give equal ciphertexts', () => {
    expect(protector.protect('19900101-0017').ciphertext.equals(protector.protect('19900101-0017').ciphertext)).toBe(false);
  });

  it('reads the legal gender from the second last digit, samordningsnummer included', () => {
    expect(protector.protect('19900101-0017').gender).toBe('male');
    expect(protector.protect('20050315-2381').gender).toBe('female');
    expect(protector.protect('19900161-0014').gender).toBe('male');
  });
});
