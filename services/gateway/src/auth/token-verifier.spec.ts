import { DomainError, ErrorCode } from '@samverkan/contracts';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadGatewayConfig } from '../config';
import { TokenVerifier } from './token-verifier';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';
const claims = { org: '1c7d2e3f-5a62-4d5c-8e7f-4a2b3c8d9e01', unit: '2d8e3f4a-6b73-4e6d-9f8a-5b3c4d9e0f12', roles: ['caseworker'] };
const staffId = '0b6c1f1e-4a51-4c4b-9d6e-3f1b2a7c8d90';

function sign(payload: object, options: { key?: string; issuer?: string; audience?: string; expiresIn?: string } = {}): Promise<string> {
  return new SignJWT({ ...payload })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(staffId)
    .setIssuer(options.issuer ?? 'samverkan')
    .setAudience(options.audience ?? 'samverkan')
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.key ?? secret));
}

async function unauthenticated(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(ErrorCode.Unauthenticated);
  return (error as DomainError).message;
}

describe('TokenVerifier with a shared secret', () => {
  const verifier = new TokenVerifier(loadGatewayConfig({ JWT_SECRET: secret }));

  it('turns a valid token into the acting staff member', async () => {
    await expect(verifier.verify(await sign(claims))).resolves.toEqual({ staffId, organisationId: claims.org, unitId: claims.unit, roles: ['caseworker'] });
  });

  it('refuses tokens signed with another key, for another audience or issuer, or expired', async () => {
    await unauthenticated(verifier.verify(await sign(claims, { key: 'another-secret-that-is-long-enough-too' })));
    await unauthenticated(verifier.verify(await sign(claims, { audience: 'someone-else' })));
    await unauthenticated(verifier.verify(await sign(claims, { issuer: 'https://evil.example' })));
    await unauthenticated(verifier.verify(await sign(claims, { expiresIn: '-1m' })));
  });

  it('refuses a valid signature that lacks the staff claims', async () => {
    expect(await unauthenticated(verifier.verify(await sign({ org: claims.org })))).toContain('lacks the staff claims');
    expect(await unauthenticated(verifier.verify(await sign({ ...claims, roles: ['superuser'] })))).toContain('lacks the staff claims');
  });
});

describe('TokenVerifier with an issuer key set', () => {
  let server: Server;
  let verifier: TokenVerifier;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new TokenVerifier(
      loadGatewayConfig({ JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, JWT_ISSUER: 'https://login.example.se', JWT_AUDIENCE: 'samverkan' }),
    );
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('verifies tokens signed by the issuer', async () => {
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject(staffId)
      .setIssuer('https://login.example.se')
      .setAudience('samverkan')
      .setExpirationTime('5m')
      .sign(privateKey);

    await expect(verifier.verify(token)).resolves.toMatchObject({ staffId, roles: ['caseworker'] });
  });

  it('refuses HS256 tokens, whatever the secret', async () => {
    await unauthenticated(verifier.verify(await sign(claims, { issuer: 'https://login.example.se' })));
  });
});

describe('gateway configuration', () => {
  it('refuses development tokens and a missing key in production', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', DEV_TOKENS_ENABLED: 'true', JWT_SECRET: secret })).toThrow(/DEV_TOKENS_ENABLED/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET or JWT_JWKS_URL is required in production/);
  });
});
