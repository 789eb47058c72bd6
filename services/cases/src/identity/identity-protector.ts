import { Inject, Injectable } from '@nestjs/common';
import { Gender } from '@samverkan/contracts';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import Personnummer from 'personnummer';
import type { CasesConfig } from '../config';
import { CASES_CONFIG } from '../config.token';

export interface IdentityHash {
  keyId: string;
  /** Keyed hash of the canonical number: equal numbers give equal hashes under one key, and nothing else can. */
  hash: Buffer;
}

export interface ProtectedIdentity {
  /** The hash under the current key, stored with a new person. */
  hash: IdentityHash;
  /** The hashes under every configured key, current first, to find a person stored under an older one. */
  lookupHashes: IdentityHash[];
  encryption: { keyId: string; ciphertext: Buffer };
  gender: Gender;
  /** Five birth years, e.g. `1990-1994`: coarse enough to travel in events and statistics. */
  birthYearBand: string;
}

const ivLength = 12;
const tagLength = 16;

/**
 * Field-level protection of identity numbers: AES-256-GCM for storage, HMAC-SHA256 for look-up.
 * Both work on the canonical 12-digit form, so `YYMMDD-NNNN` and `YYYYMMDDNNNN` are one person.
 * Keys carry ids stored beside the data they protect, so a new key can be put first while data
 * under older keys stays readable and findable.
 */
@Injectable()
export class IdentityProtector {
  constructor(@Inject(CASES_CONFIG) private readonly config: Pick<CasesConfig, 'identityEncryptionKeys' | 'identityHashKeys'>) {}

  protect(identityNumber: string): ProtectedIdentity {
    const parsed = Personnummer.parse(identityNumber, { allowCoordinationNumber: true, allowInterimNumber: false });
    const canonical = parsed.format(true);
    const lookupHashes = [...this.config.identityHashKeys.byId].map(([keyId, key]) => ({ keyId, hash: createHmac('sha256', key).update(canonical).digest() }));
    const current = this.config.identityEncryptionKeys.current;
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv);
    const encrypted = Buffer.concat([cipher.update(canonical, 'utf8'), cipher.final()]);
    return {
      hash: lookupHashes.find((candidate) => candidate.keyId === this.config.identityHashKeys.current.id) as IdentityHash,
      lookupHashes,
      encryption: { keyId: current.id, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), encrypted]) },
      gender: parsed.isFemale() ? Gender.Female : Gender.Male,
      birthYearBand: birthYearBand(Number(parsed.fullYear)),
    };
  }

  reveal(encryption: { keyId: string; ciphertext: Buffer }): string {
    const key = this.config.identityEncryptionKeys.byId.get(encryption.keyId);
    if (!key) throw new Error(`identity encryption key ${encryption.keyId} is not configured; it must stay in IDENTITY_ENCRYPTION_KEYS while data uses it`);
    const { ciphertext } = encryption;
    const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, ivLength));
    decipher.setAuthTag(ciphertext.subarray(ivLength, ivLength + tagLength));
    return Buffer.concat([decipher.update(ciphertext.subarray(ivLength + tagLength)), decipher.final()]).toString('utf8');
  }
}

/** The five-year band a birth year falls in, e.g. 1992 → `1990-1994`. */
export function birthYearBand(year: number): string {
  const first = Math.floor(year / 5) * 5;
  return `${first}-${first + 4}`;
}
