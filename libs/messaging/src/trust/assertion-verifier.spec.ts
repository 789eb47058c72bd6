import { StaffRole } from '@samverkan/contracts';
import { generateSigningKey, publicJwkOf, type SigningJwk } from '@samverkan/platform';
import { anActor } from '@samverkan/testing';
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { AssertionRefused, assertionType, payloadDigest } from './assertion';
import { AssertionSigner } from './assertion-signer';
import { AssertionVerifier } from './assertion-verifier';

const keys = {
  gateway: generateSigningKey('gateway', 'test'),
  referrals: generateSigningKey('referrals', 'test'),
};
const untrusted = generateSigningKey('gateway', 'test');
const verifier = () => new AssertionVerifier('cases', [publicJwkOf(keys.gateway), publicJwkOf(keys.referrals)]);

const subject = 'cases.get-case';
const payload = { caseId: '0193a5b0-2222-7000-8000-000000000002' };
const actor = anActor({ roles: [StaffRole.Caseworker] });

function gatewayAssertion(overrides: { subject?: string; payload?: unknown; audience?: 'cases' | 'actors' } = {}): Promise<string> {
  return new AssertionSigner('gateway', keys.gateway).sign({
    audience: overrides.audience ?? 'cases',
    subject: overrides.subject ?? subject,
    payload: overrides.payload ?? payload,
    actor,
    correlationId: 'c-1',
  });
}

/** An assertion with exactly these claims, for the refusals no honest signer would produce. */
async function crafted(key: SigningJwk, claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: 'gateway',
    aud: 'cases',
    sub: actor.staffId,
    iat: now,
    exp: now + 30,
    jti: crypto.randomUUID(),
    cid: 'c-1',
    msg: { sub: subject, sha: payloadDigest(payload) },
    stf: { org: actor.organisationId, unit: actor.unitId, roles: actor.roles },
    ...claims,
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: assertionType, ...header })
    .sign(await importJWK(key, 'EdDSA'));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((thrown: unknown) => thrown);
  if (!(error instanceof AssertionRefused)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.reason;
}

describe('AssertionVerifier', () => {
  it('believes an assertion the gateway signed for this service and this message, once', async () => {
    const caller = await verifier().verify(await gatewayAssertion(), { subject, payload: { ...payload } });

    expect(caller).toMatchObject({ service: 'gateway', actor, onBehalfOf: false });
  });

  it('tells a service acting on behalf of a staff member from the gateway', async () => {
    const token = await new AssertionSigner('referrals', keys.referrals).sign({ audience: 'cases', subject, payload, actor, correlationId: 'c-2' });

    await expect(verifier().verify(token, { subject, payload })).resolves.toMatchObject({ service: 'referrals', actor, onBehalfOf: true });
  });

  it('believes a service asking for itself, with no staff member', async () => {
    const token = await new AssertionSigner('referrals', keys.referrals).sign({ audience: 'cases', subject, payload, actor: undefined, correlationId: 'c-3' });

    await expect(verifier().verify(token, { subject, payload })).resolves.toMatchObject({ service: 'referrals', actor: null, onBehalfOf: false });
  });

  it('refuses a request without an assertion, or with something else in its place', async () => {
    expect(await refusal(verifier().verify(undefined, { subject, payload }))).toBe('missing');
    expect(await refusal(verifier().verify('not.a.token', { subject, payload }))).toBe('malformed');
  });

  it('refuses an assertion signed with a key it does not trust, or by another service than it claims', async () => {
    expect(await refusal(verifier().verify(await crafted(untrusted, {}), { subject, payload }))).toBe('signature');
    expect(await refusal(verifier().verify(await crafted(keys.referrals, { iss: 'gateway' }), { subject, payload }))).toBe('issuer');
  });

  it('refuses an assertion for another service, an expired one, and one that would live too long', async () => {
    const now = Math.floor(Date.now() / 1000);

    expect(await refusal(verifier().verify(await gatewayAssertion({ audience: 'actors' }), { subject, payload }))).toBe('audience');
    expect(await refusal(verifier().verify(await crafted(keys.gateway, { iat: now - 120, exp: now - 60 }), { subject, payload }))).toBe('expired');
    expect(await refusal(verifier().verify(await crafted(keys.gateway, { exp: now + 3600 }), { subject, payload }))).toBe('lifetime');
  });

  it('refuses a captured assertion carrying another message', async () => {
    const token = await gatewayAssertion();

    expect(await refusal(verifier().verify(token, { subject, payload: { caseId: '0193a5b0-2222-7000-8000-000000000009' } }))).toBe('binding');
    expect(await refusal(verifier().verify(token, { subject: 'cases.open-case', payload }))).toBe('binding');
  });

  it('refuses an Idempotency-Key swapped for another, or added to a message signed without one', async () => {
    const signer = new AssertionSigner('gateway', keys.gateway);
    const withKey = await signer.sign({ audience: 'cases', subject, payload, actor, correlationId: 'c-4', idempotencyKey: 'key-1' });

    expect(await refusal(verifier().verify(withKey, { subject, payload, idempotencyKey: 'key-2' }))).toBe('binding');
    expect(await refusal(verifier().verify(await gatewayAssertion(), { subject, payload, idempotencyKey: 'key-1' }))).toBe('binding');
    await expect(verifier().verify(withKey, { subject, payload, idempotencyKey: 'key-1' })).resolves.toMatchObject({ service: 'gateway' });
  });

  it('refuses an assertion it has seen before', async () => {
    const once = verifier();
    const token = await gatewayAssertion();

    await once.verify(token, { subject, payload });
    expect(await refusal(once.verify(token, { subject, payload }))).toBe('replayed');
  });

  it('refuses a service other than the gateway asserting a staff member without saying it acts for them', async () => {
    expect(await refusal(verifier().verify(await crafted(keys.referrals, { iss: 'referrals' }), { subject, payload }))).toBe('malformed');
  });

  it('refuses invalid staff claims, and a user token passed off as an assertion', async () => {
    expect(await refusal(verifier().verify(await crafted(keys.gateway, { stf: { org: 'x', unit: 'y', roles: ['root'] } }), { subject, payload }))).toBe(
      'malformed',
    );
    expect(await refusal(verifier().verify(await crafted(keys.gateway, {}, { typ: 'JWT' }), { subject, payload }))).toBe('malformed');
  });
});
