import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ReferralsConfig } from '../config';
import { REFERRALS_CONFIG } from '../config.token';

export interface SealedSecret {
  keyId: string;
  /** 12-byte IV ‖ 16-byte GCM tag ‖ ciphertext. */
  ciphertext: Buffer;
}

const ivLength = 12;
const tagLength = 16;

/**
 * Webhook signing secrets: made here, shown once, and stored only encrypted with AES-256-GCM under
 * the first key of WEBHOOK_SECRET_KEYS, whose id is stored beside it (as cases keeps identity
 * numbers), so a new key can be put first while secrets under older ones stay readable. The
 * webhook's id is the associated data: a ciphertext copied to another webhook does not decrypt.
 */
@Injectable()
export class WebhookSecrets {
  constructor(@Inject(REFERRALS_CONFIG) private readonly config: Pick<ReferralsConfig, 'webhooks'>) {}

  /** 32 random bytes, prefixed so that people and secret scanners can tell what it is. */
  generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }

  seal(webhookId: string, secret: string): SealedSecret {
    const current = this.config.webhooks.secretKeys.current;
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv);
    cipher.setAAD(Buffer.from(webhookId, 'utf8'));
    const encrypted = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return { keyId: current.id, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), encrypted]) };
  }

  reveal(webhookId: string, sealed: SealedSecret): string {
    const key = this.config.webhooks.secretKeys.byId.get(sealed.keyId);
    if (!key) throw new Error(`webhook secret key ${sealed.keyId} is not configured; it must stay in WEBHOOK_SECRET_KEYS while webhooks use it`);
    const { ciphertext } = sealed;
    const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, ivLength));
    decipher.setAAD(Buffer.from(webhookId, 'utf8'));
    decipher.setAuthTag(ciphertext.subarray(ivLength, ivLength + tagLength));
    return Buffer.concat([decipher.update(ciphertext.subarray(ivLength + tagLength)), decipher.final()]).toString('utf8');
  }
}
