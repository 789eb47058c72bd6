import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import Personnummer from 'personnummer';
import { Gender } from '@samverkan/contracts';
import type { CasesConfig } from '../config';
import { CASES_CONFIG } from '../config.token';

export interface ProtectedIdentity {
  /** Keyed hash of the canonical number: equal numbers give equal hashes, and nothing else can. */
  hash: Buffer;
  ciphertext: Buffer;
  gender: Gender;
}

const ivLength = 12;
const tagLength = 16;

/**
 * Field-level protection of identity numbers: AES-256-GCM for storage, HMAC-SHA256 for look-up.
 * Both work on the canonical 12-digit form, so `YYMMDD-NNNN` and `YYYYMMDDNNNN` are one person.
 */
@Injectable()
export class IdentityProtector {
  constructor(@Inject(CASES_CONFIG) private readonly config: Pick<CasesConfig, 'identityEncryptionKey' | 'identityHashKey'>) {}

  protect(identityNumber: string): ProtectedIdentity {
    const parsed = Personnummer.parse(identityNumber, { allowCoordinationNumber: true, allowInterimNumber: false });
    const canonical = parsed.format(true);
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', this.config.identityEncryptionKey, iv);
    const encrypted = Buffer.concat([cipher.update(canonical, 'utf8'), cipher.final()]);
    return {
      hash: createHmac('sha256', this.config.identityHashKey).update(canonical).digest(),
      ciphertext: Buffer.concat([iv, cipher.getAuthTag(), encrypted]),
      gender: parsed.isFemale() ? Gender.Female : Gender.Male,
    };
  }

  reveal(ciphertext: Buffer): string {
    const iv = ciphertext.subarray(0, ivLength);
    const tag = ciphertext.subarray(ivLength, ivLength + tagLength);
    const decipher = createDecipheriv('aes-256-gcm', this.config.identityEncryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext.subarray(ivLength + tagLength)), decipher.final()]).toString('utf8');
  }
}
