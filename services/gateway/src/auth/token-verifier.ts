import { ActorContext, DomainError, ErrorCode, validatePayload } from '@samverkan/contracts';
import { isCanonicalCompactJws } from '@samverkan/platform';
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
      return validatePayload(ActorContext, { staffId: payload.sub, organisationId: payload['org'], unitId: payload['unit'], roles: payload['roles'] });
    } catch {
      throw unauthenticated('The bearer token lacks the staff claims sub, org, unit and roles');
    }
  }
}
