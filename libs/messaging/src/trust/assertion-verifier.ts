import { ActorContext, DomainError, validatePayload, type ServiceName } from '@samverkan/contracts';
import { isCanonicalCompactJws, type PublicJwk } from '@samverkan/platform';
import { createDecoder, createVerifier, TokenError } from 'fast-jwt';
import { LRUCache } from 'lru-cache';
import { createPublicKey } from 'node:crypto';
import { AssertionRefused, assertionType, maxAssertionLifetimeSeconds, payloadDigest, serviceSubject, type AssertionClaims } from './assertion';

/** Who made a request, as its verified assertion says. */
export interface VerifiedCaller {
  /** The service that signed the assertion. */
  service: ServiceName;
  /** The staff member the request is made for; null when a service asks for itself. */
  actor: ActorContext | null;
  /** True when a service other than the gateway acts for the staff member. */
  onBehalfOf: boolean;
  /** The assertion's id (`jti`), for logs. */
  assertionId: string;
}

const clockToleranceSeconds = 5;

function refusalOf(error: unknown): AssertionRefused {
  if (error instanceof AssertionRefused) return error;
  if (error instanceof TokenError) {
    switch (error.code) {
      case TokenError.codes.expired:
      case TokenError.codes.inactive:
        return new AssertionRefused('expired', 'The caller assertion has expired');
      case TokenError.codes.invalidSignature:
      case TokenError.codes.invalidAlgorithm:
        return new AssertionRefused('signature', 'The caller assertion is not signed by a trusted key');
      case TokenError.codes.invalidClaimValue:
        if (/\baud\b/.test(error.message)) return new AssertionRefused('audience', 'The caller assertion is meant for another service');
        break;
      default:
        break;
    }
  }
  return new AssertionRefused('malformed', 'The caller assertion is not a well-formed signed token');
}

type Verify = (token: string) => { header: { kid?: string }; payload: AssertionClaims };

/**
 * Verifies the caller assertion of each request a service receives: signed with EdDSA by a key
 * it trusts for the issuing service, for this service, alive, bound to this message's subject
 * and payload, and not seen before. Replays are caught by assertion id within the assertions'
 * lifetime, per replica; the binding keeps a replay to the exact same request. Verification
 * runs on every hop: fast-jwt on node:crypto, not WebCrypto.
 */
export class AssertionVerifier {
  /** One verifier per trusted key id, each knowing which service the key speaks for. */
  private readonly verifiers: Map<string, { service: string; verify: Verify }>;
  private readonly decodeHeader = createDecoder({ complete: true }) as (token: string) => { header: { kid?: unknown } };
  private readonly seen = new LRUCache<string, true>({ max: 200_000, ttlAutopurge: false });

  constructor(
    private readonly service: ServiceName,
    trustedKeys: PublicJwk[],
  ) {
    this.verifiers = new Map(
      trustedKeys.map((jwk) => [
        jwk.kid,
        {
          service: jwk.kid.slice(0, jwk.kid.indexOf(':')),
          verify: createVerifier({
            key: createPublicKey({ key: { ...jwk }, format: 'jwk' })
              .export({ format: 'pem', type: 'spki' })
              .toString(),
            algorithms: ['EdDSA'],
            checkTyp: assertionType,
            allowedAud: service,
            requiredClaims: ['iss', 'sub', 'iat', 'exp', 'jti'],
            clockTolerance: clockToleranceSeconds * 1000,
            complete: true,
          }) as unknown as Verify,
        },
      ]),
    );
  }

  verify(token: string | undefined, message: { subject: string; payload: unknown; idempotencyKey?: string }): Promise<VerifiedCaller> {
    try {
      return Promise.resolve(this.verifySync(token, message));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private verifySync(token: string | undefined, message: { subject: string; payload: unknown; idempotencyKey?: string }): VerifiedCaller {
    if (!token) throw new AssertionRefused('missing', 'The request carries no caller assertion');
    if (!isCanonicalCompactJws(token)) throw new AssertionRefused('malformed', 'The caller assertion is not a well-formed signed token');
    let claims: AssertionClaims;
    let keyService: string;
    try {
      const { kid } = this.decodeHeader(token).header;
      const trusted = typeof kid === 'string' ? this.verifiers.get(kid) : undefined;
      if (!trusted) throw new AssertionRefused('signature', 'The caller assertion is signed with a key this service does not trust');
      keyService = trusted.service;
      claims = trusted.verify(token).payload;
    } catch (error) {
      throw refusalOf(error);
    }
    if (claims.iss !== keyService)
      throw new AssertionRefused('issuer', `The caller assertion claims to come from ${claims.iss}, but ${keyService}'s key signed it`);
    if (claims.exp - claims.iat > maxAssertionLifetimeSeconds) {
      throw new AssertionRefused('lifetime', `The caller assertion lives longer than ${maxAssertionLifetimeSeconds} s`);
    }
    if (claims.msg?.sub !== message.subject || claims.msg.sha !== payloadDigest(message.payload) || claims.idk !== message.idempotencyKey) {
      throw new AssertionRefused('binding', 'The caller assertion was made for another message');
    }
    const actor = this.actorOf(claims);
    if (this.seen.has(claims.jti)) throw new AssertionRefused('replayed', 'The caller assertion has been used before');
    this.seen.set(claims.jti, true, { ttl: (claims.exp - Math.floor(Date.now() / 1000) + clockToleranceSeconds + 1) * 1000 });
    return { service: claims.iss, actor, onBehalfOf: actor !== null && claims.iss !== 'gateway', assertionId: claims.jti };
  }

  private actorOf(claims: AssertionClaims): ActorContext | null {
    if (!claims.stf) {
      if (claims.sub !== serviceSubject(claims.iss)) throw new AssertionRefused('malformed', 'The caller assertion names a subject but no staff claims');
      return null;
    }
    // Only the gateway asserts a staff member directly; any other service says it acts for one.
    if (claims.iss !== 'gateway' && claims.act?.sub !== serviceSubject(claims.iss)) {
      throw new AssertionRefused('malformed', 'A service asserting a staff member must say that it acts on their behalf');
    }
    try {
      return validatePayload(ActorContext, { staffId: claims.sub, organisationId: claims.stf.org, unitId: claims.stf.unit, roles: claims.stf.roles });
    } catch (error) {
      if (error instanceof DomainError) throw new AssertionRefused('malformed', 'The caller assertion has invalid staff claims');
      throw error;
    }
  }
}
