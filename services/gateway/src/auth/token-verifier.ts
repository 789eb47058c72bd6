import { ActorContext, DomainError, ErrorCode, validatePayload } from '@samverkan/contracts';
import { isCanonicalCompactJws } from '@samverkan/platform';
import { LRUCache } from 'lru-cache';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { GatewayConfig } from '../config';

/** Claims a samverkan token carries beyond the registered ones. */
export interface StaffClaims extends JWTPayload {
  org: string;
  unit: string;
  roles: string[];
}

const unauthenticated = (message: string) => new DomainError(ErrorCode.Unauthenticated, message);

/** Clocks of the issuer and the gateway may differ this much. */
const clockToleranceSeconds = 30;

/**
 * Verifies bearer tokens against the configured HS256 secret or an issuer's key set, and turns
 * their claims into the acting staff member. The accepted algorithms are pinned on both paths,
 * and a token must say when it expires and may not live longer than configured.
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly options: JWTVerifyOptions;
  /**
   * Tokens already verified, with their staff member, until they expire (5 minutes at most): a
   * client sends the same token with every request, and a token's answer cannot change before
   * its expiry, while verifying it costs each request a signature check.
   */
  private readonly verified = new LRUCache<string, { actor: ActorContext; expiresAt: number }>({ max: 20_000, ttl: 300_000, ttlAutopurge: false });

  /** `keySet` stands in for the issuer's key set in tests; otherwise it is fetched from JWT_JWKS_URL. */
  constructor(
    private readonly config: GatewayConfig,
    keySet?: JWTVerifyGetKey,
  ) {
    const { jwt } = config;
    const fromIssuer = keySet ?? (jwt.jwksUrl ? createRemoteJWKSet(new URL(jwt.jwksUrl)) : undefined);
    if (!fromIssuer && !jwt.secret) throw new Error('the gateway needs JWT_SECRET or JWT_JWKS_URL');
    this.key = fromIssuer ?? (jwt.secret as Uint8Array);
    this.options = {
      issuer: jwt.issuer,
      audience: jwt.audience,
      algorithms: fromIssuer ? jwt.algorithms : ['HS256'],
      requiredClaims: ['exp', 'iat', 'sub'],
      clockTolerance: clockToleranceSeconds,
    };
  }

  async verify(token: string): Promise<ActorContext> {
    // Expiry is checked on the same (wall) clock verification uses; the cache's own clock only evicts.
    const known = this.verified.get(token);
    if (known && known.expiresAt * 1000 > Date.now()) return known.actor;
    const verified = await this.verifyAfresh(token);
    this.verified.set(token, verified);
    return verified.actor;
  }

  private async verifyAfresh(token: string): Promise<{ actor: ActorContext; expiresAt: number }> {
    if (!isCanonicalCompactJws(token)) throw unauthenticated('The bearer token is invalid or has expired');
    let payload: JWTPayload;
    try {
      ({ payload } = typeof this.key === 'function' ? await jwtVerify(token, this.key, this.options) : await jwtVerify(token, this.key, this.options));
    } catch {
      throw unauthenticated('The bearer token is invalid or has expired');
    }
    const lifetime = (payload.exp as number) - (payload.iat as number);
    if (lifetime > this.config.jwt.maxLifetimeSeconds) {
      throw unauthenticated(`The bearer token lives longer than the ${this.config.jwt.maxLifetimeSeconds} s this service accepts`);
    }
    if ((payload.iat as number) > Date.now() / 1000 + clockToleranceSeconds) throw unauthenticated('The bearer token was issued in the future');
    try {
      const actor = validatePayload(ActorContext, { staffId: payload.sub, organisationId: payload['org'], unitId: payload['unit'], roles: payload['roles'] });
      return { actor, expiresAt: payload.exp as number };
    } catch {
      throw unauthenticated('The bearer token lacks the staff claims sub, org, unit and roles');
    }
  }
}
