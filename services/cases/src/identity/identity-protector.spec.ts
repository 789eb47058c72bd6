import type { KeyRing } from '@samverkan/platform';
import { randomBytes } from 'node:crypto';
import { IdentityProtector } from './identity-protector';

function keyRing(...ids: string[]): KeyRing & { keys: Record<string, Buffer> } {
  const keys = Object.fromEntries(ids.map((id) => [id, randomBytes(32)]));
  return { current: { id: ids[0] as string, key: keys[ids[0] as string] as Buffer }, byId: new Map(Object.entries(keys)), keys };
}

function rotated(ring: KeyRing & { keys: Record<string, Buffer> }, newId: string): KeyRing {
  const key = randomBytes(32);
  return { current: { id: newId, key }, byId: new Map([[newId, key], ...Object.entries(ring.keys)]) };
}

describe('IdentityProtector', () => {
  const encryption = keyRing('2026-1');
  const hashing = keyRing('2026-1');
  const protector = new IdentityProtector({ identityEncryptionKeys: encryption, identityHashKeys: hashing });

  it.each([
    ['19900101-0017', '1990-1994'],
    ['19981224-9879', '1995-1999'],
    ['20080101-0018', '2005-2009'],
  ])('gives %s the birth-year band %s, and nothing finer', (number, band) => {
    expect(protector.protect(number).birthYearBand).toBe(band);
  });

  it('encrypts so that only the key reveals the canonical number, and names the key', () => {
    const identity = protector.protect('900101-0017');

    expect(identity.encryption.keyId).toBe('2026-1');
    expect(identity.encryption.ciphertext.toString('latin1')).not.toContain('900101');
    expect(protector.reveal(identity.encryption)).toBe('199001010017');
    expect(() => new IdentityProtector({ identityEncryptionKeys: keyRing('2026-1'), identityHashKeys: hashing }).reveal(identity.encryption)).toThrow();
  });

  it('hashes every written form of one number alike, and different numbers apart', () => {
    const forms = ['19900101-0017', '199001010017', '900101-0017'].map((form) => protector.protect(form).hash.hash.toString('hex'));

    expect(new Set(forms).size).toBe(1);
    expect(protector.protect('20050315-2381').hash.hash.toString('hex')).not.toBe(forms[0]);
  });

  it('uses a fresh IV each time, so equal numbers do not give equal ciphertexts', () => {
    expect(protector.protect('19900101-0017').encryption.ciphertext.equals(protector.protect('19900101-0017').encryption.ciphertext)).toBe(false);
  });

  it('reads the legal gender from the second last digit, samordningsnummer included', () => {
    expect(protector.protect('19900101-0017').gender).toBe('male');
    expect(protector.protect('20050315-2381').gender).toBe('female');
    expect(protector.protect('19900161-0014').gender).toBe('male');
  });

  describe('after a new key was put first', () => {
    const before = protector.protect('19900101-0017');
    const after = new IdentityProtector({ identityEncryptionKeys: rotated(encryption, '2027-1'), identityHashKeys: rotated(hashing, '2027-1') });

    it('still reveals what the old key encrypted, and encrypts new data with the new key', () => {
      expect(after.reveal(before.encryption)).toBe('199001010017');
      const again = after.protect('19900101-0017');
      expect(again.encryption.keyId).toBe('2027-1');
      expect(after.reveal(again.encryption)).toBe('199001010017');
    });

    it('still finds a person stored under the old hash key, and stores new persons under the new one', () => {
      const identity = after.protect('19900101-0017');

      expect(identity.hash.keyId).toBe('2027-1');
      expect(identity.lookupHashes.map((hash) => hash.keyId)).toEqual(['2027-1', '2026-1']);
      expect(identity.lookupHashes.find((hash) => hash.keyId === '2026-1')?.hash.equals(before.hash.hash)).toBe(true);
    });

    it('says which key is missing when data needs one that is no longer configured', () => {
      const forgetful = new IdentityProtector({ identityEncryptionKeys: keyRing('2028-1'), identityHashKeys: hashing });

      expect(() => forgetful.reveal(before.encryption)).toThrow('identity encryption key 2026-1 is not configured');
    });
  });
});
