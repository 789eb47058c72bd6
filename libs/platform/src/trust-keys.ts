import { createHash, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { ServiceName } from '@samverkan/contracts';
import { z } from 'zod';

/**
 * The Ed25519 keys services sign caller assertions with (see libs/messaging `trust/`), as JSON
 * Web Keys. A key id is `<service>:<id>`: a verifier accepts a key only for assertions issued by
 * the service the id names, so one service's key cannot speak for another.
 */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg?: 'EdDSA';
  use?: 'sig';
}

export interface SigningJwk extends PublicJwk {
  d: string;
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes in base64url');
const keyId = z.string().regex(/^[a-z]+:[A-Za-z0-9._-]{1,64}$/, 'must be <service>:<id>');

const publicJwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: base64url,
  kid: keyId,
  alg: z.literal('EdDSA').optional(),
  use: z.literal('sig').optional(),
});

function fromJson<T extends z.ZodType>(schema: T, what: string) {
  return z.string().transform((value, context): z.infer<T> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      context.addIssue({ code: 'custom', message: `must be ${what} as JSON` });
      return z.NEVER;
    }
    const result = schema.safeParse(parsed);
    if (result.success) return result.data;
    // Never echo the value: it may hold a private key.
    context.addIssue({
      code: 'custom',
      message: `must be ${what}: ${result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join(', ')}`,
    });
    return z.NEVER;
  });
}

/** SERVICE_SIGNING_KEY: the service's private Ed25519 JWK, with a key id naming the service. */
export function signingKeyFromEnv(service: string) {
  return fromJson(
    publicJwk.extend({ d: base64url, kid: keyId.refine((kid) => kid.startsWith(`${service}:`), `must start with ${service}:`) }),
    `an Ed25519 private JWK whose kid is ${service}:<id>`,
  ) as unknown as z.ZodType<SigningJwk, string>;
}

/** SERVICE_TRUSTED_KEYS: a JWKS of the public keys of every service (several per service while rotating). */
export const trustedKeysFromEnv = fromJson(
  z.object({ keys: z.array(publicJwk.strict()).min(1) }).transform((jwks) => jwks.keys),
  'a JWKS of Ed25519 public keys ({"keys": [...]}), without private parts',
) as unknown as z.ZodType<PublicJwk[], string>;

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410), so node:crypto can import it.
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

function signingJwkFromSeed(seed: Buffer, kid: string): SigningJwk {
  const jwk = createPrivateKey({ key: Buffer.concat([ed25519Pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string, d: jwk.d as string, kid, alg: 'EdDSA', use: 'sig' };
}

/**
 * Development only: a key derived from the service's name, so that services started by
 * `npm start` trust each other with nothing configured. Anyone can derive it, which is why
 * configuration refuses to fall back to it outside development.
 */
export function developmentSigningKey(service: string): SigningJwk {
  return signingJwkFromSeed(createHash('sha256').update(`samverkan development signing key of ${service}`).digest(), `${service}:development`);
}

export function developmentTrustedKeys(): PublicJwk[] {
  return Object.values(ServiceName).map((service) => publicJwkOf(developmentSigningKey(service)));
}

/** A new random signing key, for key generation and tests. */
export function generateSigningKey(service: string, id: string): SigningJwk {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string, d: jwk.d as string, kid: `${service}:${id}`, alg: 'EdDSA', use: 'sig' };
}

export function publicJwkOf(key: SigningJwk): PublicJwk {
  const { d: _private, ...rest } = key;
  return rest;
}
