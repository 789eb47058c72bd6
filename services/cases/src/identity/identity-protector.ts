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

export interface Encrypted {
  keyId: string;
  ciphertext: Buffer;
}

/** What the number itself says, beyond the number. */
export interface IdentityFacts {
  /** YYYYMMDD-NNNN. */
  canonical: string;
  /** YYYY-MM-DD; for a samordningsnummer, the day without its 60. */
  birthDate: string;
  coordinationNumber: boolean;
  legalGender: Gender;
  birthYearBand: string;
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
    const facts = identityFacts(identityNumber);
    const lookupHashes = this.hashes(facts.canonical);
    return {
      hash: this.current(lookupHashes),
      lookupHashes,
      encryption: this.encrypt(facts.canonical),
      gender: facts.legalGender,
      birthYearBand: facts.birthYearBand,
    };
  }

  /**
   * The key that proposes possible duplicates: birth date and name, normalised so that case,
   * spacing and composed or decomposed letters do not matter. A keyed hash, like the number's,
   * under every configured key (current first), so nothing readable is stored.
   */
  duplicateKeys(identityNumber: string, name: string): { hash: IdentityHash; lookupHashes: IdentityHash[] } {
    const normalised = name.normalize('NFC').toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ').trim();
    const lookupHashes = this.hashes(`duplicate:${identityFacts(identityNumber).birthDate}:${normalised}`);
    return { hash: this.current(lookupHashes), lookupHashes };
  }

  encrypt(text: string): Encrypted {
    const current = this.config.identityEncryptionKeys.current;
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv);
    const encrypted = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return { keyId: current.id, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), encrypted]) };
  }

  private hashes(text: string): IdentityHash[] {
    return [...this.config.identityHashKeys.byId].map(([keyId, key]) => ({ keyId, hash: createHmac('sha256', key).update(text).digest() }));
  }

  private current(hashes: IdentityHash[]): IdentityHash {
    return hashes.find((candidate) => candidate.keyId === this.config.identityHashKeys.current.id) as IdentityHash;
  }

  reveal(encryption: Encrypted): string {
    const key = this.config.identityEncryptionKeys.byId.get(encryption.keyId);
    if (!key) throw new Error(`identity encryption key ${encryption.keyId} is not configured; it must stay in IDENTITY_ENCRYPTION_KEYS while data uses it`);
    const { ciphertext } = encryption;
    const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, ivLength));
    decipher.setAuthTag(ciphertext.subarray(ivLength, ivLength + tagLength));
    return Buffer.concat([decipher.update(ciphertext.subarray(ivLength + tagLength)), decipher.final()]).toString('utf8');
  }
}

/** Reads a personnummer or samordningsnummer (validated before it gets here). */
export function identityFacts(identityNumber: string): IdentityFacts {
  const parsed = Personnummer.parse(identityNumber, { allowCoordinationNumber: true, allowInterimNumber: false });
  const coordinationNumber = parsed.isCoordinationNumber();
  const day = Number(parsed.day) - (coordinationNumber ? 60 : 0);
  return {
    canonical: parsed.format(true),
    birthDate: `${parsed.fullYear}-${parsed.month}-${String(day).padStart(2, '0')}`,
    coordinationNumber,
    legalGender: parsed.isFemale() ? Gender.Female : Gender.Male,
    birthYearBand: birthYearBand(Number(parsed.fullYear)),
  };
}

/** The five-year band a birth year falls in, e.g. 1992 → `1990-1994`. */
export function birthYearBand(year: number): string {
  const first = Math.floor(year / 5) * 5;
  return `${first}-${first + 4}`;
}
