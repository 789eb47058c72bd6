import { Inject, Injectable } from '@nestjs/common';
import { ActorContext, DomainError, ErrorCode, validatePayload } from '@samverkan/contracts';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../config.token';

/** Claims a samverkan token carries beyond the registered ones. */
export interface StaffClaims extends JWTPayload {
  org: string;
  unit: string;
  roles: string[];
}

const unauthenticated = (message: string) => new DomainError(ErrorCode.Unauthenticated, message);

/**
 * Verifies bearer tokens against the configured HS256 secret or an issuer's key set, and turns
 * their claims into the ActorContext every command carries.
 */
@Injectable()
export class TokenVerifier {
  private readonly keySet?: JWTVerifyGetKey;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    if (config.jwt.jwksUrl) this.keySet = createRemoteJWKSet(new URL(config.jwt.jwksUrl));
  }

  async verify(token: string): Promise<ActorContext> {
    let payload: JWTPayload;
    try {
      const options = { issuer: this.config.jwt.issuer, audience: this.config.jwt.audience };
      ({ payload } = this.keySet
        ? await jwtVerify(token, this.keySet, options)
        : await jwtVerify(token, this.config.jwt.secret as Uint8Array, { ...options, algorithms: ['HS256'] }));
    } catch {
      throw unauthenticated('The bearer token is invalid or has expired');
    }
    try {
      return validatePayload(ActorContext, { staffId: payload.sub, organisationId: payload['org'], unitId: payload['unit'], roles: payload['roles'] });
    } catch {
      throw unauthenticated('The bearer token lacks the staff claims sub, org, unit and roles');
    }
  }
}
