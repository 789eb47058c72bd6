import { DomainError, ErrorCode } from '@samverkan/contracts';
import { generateSigningKey, publicJwkOf } from '@samverkan/platform';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { loadGatewayConfig } from '../config';
import { TokenVerifier } from './token-verifier';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';
const claims = { org: '1c7d2e3f-5a62-4d5c-8e7f-4a2b3c8d9e01', unit: '2d8e3f4a-6b73-4e6d-9f8a-5b3c4d9e0f12', roles: ['caseworker'] };
const staffId = '0b6c1f1e-4a51-4c4b-9d6e-3f1b2a7c8d90';

/** What every service needs outside development, so that only the gateway's keys vary below. */
const serviceSecrets = {
  NODE_ENV: 'test',
  NATS_USER: 'gateway',
  NATS_PASSWORD: 'nats-password',
  SERVICE_SIGNING_KEY: JSON.stringify(generateSigningKey('gateway', 'test')),
  SERVICE_TRUSTED_KEYS: JSON.stringify({ keys: [publicJwkOf(generateSigningKey('cases', 'test'))] }),
};

interface SignOptions {
  key?: string;
  issuer?: string;
  audience?: string;
  expiresIn?: string | null;
  issuedAt?: number | null;
}

function sign(payload: JWTPayload, options: SignOptions = {}): Promise<string> {
  const jwt = new SignJWT({ ...payload })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(staffId)
    .setIssuer(options.issuer ?? 'samverkan')
    .setAudience(options.audience ?? 'samverkan');
  if (options.issuedAt !== null) jwt.setIssuedAt(options.issuedAt);
  if (options.expiresIn !== null) jwt.setExpirationTime(options.expiresIn ?? '1h');
  return jwt.sign(new TextEncoder().encode(options.key ?? secret));
}

async function unauthenticated(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(ErrorCode.Unauthenticated);
  return (error as DomainError).message;
}

describe('TokenVerifier with a shared secret', () => {
  const verifier = new TokenVerifier(loadGatewayConfig({ ...serviceSecrets, JWT_SECRET: secret, JWT_MAX_LIFETIME_SECONDS: '7200' }));

  it('turns a valid token into the acting staff member', async () => {
    await expect(verifier.verify(await sign(claims))).resolves.toEqual({ staffId, organisationId: claims.org, unitId: claims.unit, roles: ['caseworker'] });
  });

  it('keeps believing a verified token only until it expires', async () => {
    jest.useFakeTimers({ now: Date.now() });
    try {
      const token = await sign(claims, { expiresIn: '2m' });
      await expect(verifier.verify(token)).resolves.toMatchObject({ staffId });

      // Past its expiry and the clock tolerance: neither the cache nor verification believes it.
      jest.setSystemTime(Date.now() + 3 * 60_000);
      await unauthenticated(verifier.verify(token));
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses tokens signed with another key, for another audience or issuer, or expired', async () => {
    await unauthenticated(verifier.verify(await sign(claims, { key: 'another-secret-that-is-long-enough-too' })));
    await unauthenticated(verifier.verify(await sign(claims, { audience: 'someone-else' })));
    await unauthenticated(verifier.verify(await sign(claims, { issuer: 'https://evil.example' })));
    await unauthenticated(verifier.verify(await sign(claims, { expiresIn: '-1m' })));
  });

  it('refuses a token whose signature is spelled differently, though it decodes to the same bytes', async () => {
    const token = await sign(claims);
    // An HS256 signature is 32 bytes in 43 characters: the last one has two spare bits. Flip one.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = `${token.slice(0, -1)}${alphabet[alphabet.indexOf(token.at(-1) as string) ^ 1]}`;
    const signature = (jwt: string) => Buffer.from(jwt.split('.')[2] as string, 'base64url');

    expect(signature(twin)).toEqual(signature(token));
    await unauthenticated(verifier.verify(twin));
  });

  it('refuses a token that does not say when it expires or when it was issued', async () => {
    await unauthenticated(verifier.verify(await sign(claims, { expiresIn: null })));
    await unauthenticated(verifier.verify(await sign(claims, { issuedAt: null })));
  });

  it('refuses a token that lives longer than the configured maximum, or was issued in the future', async () => {
    expect(await unauthenticated(verifier.verify(await sign(claims, { expiresIn: '3h' })))).toContain('longer than the 7200 s');
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    await unauthenticated(verifier.verify(await sign(claims, { issuedAt: inAnHour, expiresIn: '90m' })));
  });

  it('refuses a token whose header asks for another algorithm than HS256', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({
        ...claims,
        sub: staffId,
        iss: 'samverkan',
        aud: 'samverkan',
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 60,
      }),
    ).toString('base64url')}.`;

    await unauthenticated(verifier.verify(unsigned));
  });

  it('refuses a valid signature that lacks the staff claims', async () => {
    expect(await unauthenticated(verifier.verify(await sign({ org: claims.org })))).toContain('lacks the staff claims');
    expect(await unauthenticated(verifier.verify(await sign({ ...claims, roles: ['superuser'] })))).toContain('lacks the staff claims');
  });
});

describe('TokenVerifier with an issuer key set', () => {
  let verifier: TokenVerifier;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let ecPrivateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  const issuer = 'https://login.example.se';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    // A key the issuer publishes for another algorithm, which this gateway does not accept.
    const ec = await generateKeyPair('ES256');
    ecPrivateKey = ec.privateKey;
    const ecJwk = { ...(await exportJWK(ec.publicKey)), kid: 'k2', use: 'sig' };
    const config = loadGatewayConfig({ ...serviceSecrets, JWT_JWKS_URL: 'https://login.example.se/jwks.json', JWT_ISSUER: issuer, JWT_ALGORITHMS: 'RS256' });
    verifier = new TokenVerifier(config, createLocalJWKSet({ keys: [jwk, ecJwk] }));
  });

  const signed = (alg = 'RS256', kid = 'k1') =>
    new SignJWT(claims).setProtectedHeader({ alg, kid }).setSubject(staffId).setIssuer(issuer).setAudience('samverkan').setIssuedAt().setExpirationTime('5m');

  it('verifies tokens signed by the issuer', async () => {
    await expect(verifier.verify(await signed().sign(privateKey))).resolves.toMatchObject({ staffId, roles: ['caseworker'] });
  });

  it('refuses algorithms other than the pinned ones, HS256 whatever the secret included', async () => {
    await unauthenticated(verifier.verify(await signed('ES256', 'k2').sign(ecPrivateKey)));
    await unauthenticated(verifier.verify(await sign(claims, { issuer })));
  });
});

describe('gateway configuration', () => {
  it('refuses development tokens in production', () => {
    expect(() => loadGatewayConfig({ ...serviceSecrets, NODE_ENV: 'production', DEV_TOKENS_ENABLED: 'true', JWT_SECRET: secret })).toThrow(
      /DEV_TOKENS_ENABLED/,
    );
  });

  it('refuses to start outside development without real secrets, naming each missing key', () => {
    for (const environment of [{}, { NODE_ENV: 'production' }, { NODE_ENV: 'test' }]) {
      const load = () => loadGatewayConfig(environment);

      expect(load).toThrow(/JWT_SECRET: JWT_SECRET or JWT_JWKS_URL is required outside development/);
      expect(load).toThrow(/SERVICE_SIGNING_KEY: is required outside development/);
      expect(load).toThrow(/SERVICE_TRUSTED_KEYS: is required outside development/);
      expect(load).toThrow(/NATS_USER: NATS credentials are required outside development/);
    }
  });

  it('starts in development with built-in keys and no NATS credentials', () => {
    const config = loadGatewayConfig({ NODE_ENV: 'development' });

    expect(config.jwt.secret).not.toBeNull();
    expect(config.trust.signingKey.kid).toBe('gateway:development');
    expect(config.natsAuth).toEqual({});
  });

  it('accepts only an https key set URL, and never echoes a private key it could not read', () => {
    expect(() => loadGatewayConfig({ ...serviceSecrets, JWT_JWKS_URL: 'http://login.example.se/jwks.json' })).toThrow(
      /JWT_JWKS_URL: must be an https:\/\/ URL/,
    );
    const leaky = () => loadGatewayConfig({ ...serviceSecrets, JWT_SECRET: secret, SERVICE_SIGNING_KEY: '{"kty":"OKP","d":"c2VjcmV0"}' });
    expect(leaky).toThrow(/SERVICE_SIGNING_KEY/);
    expect(leaky).not.toThrow(/c2VjcmV0/);
  });

  it('refuses a signing key that names another service', () => {
    expect(() => loadGatewayConfig({ ...serviceSecrets, JWT_SECRET: secret, SERVICE_SIGNING_KEY: JSON.stringify(generateSigningKey('cases', 'x')) })).toThrow(
      /SERVICE_SIGNING_KEY: .*must start with gateway:/,
    );
  });
});
