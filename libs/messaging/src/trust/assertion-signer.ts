import type { ActorContext, ServiceName } from '@samverkan/contracts';
import type { SigningJwk } from '@samverkan/platform';
import { importJWK, SignJWT, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { assertionLifetimeSeconds, assertionType, payloadDigest, serviceSubject, type AssertionClaims } from './assertion';

export interface AssertionRequest {
  audience: ServiceName;
  subject: string;
  payload: unknown;
  /** The staff member the request is made for; none for the service's own requests. */
  actor: ActorContext | undefined;
  correlationId: string;
  idempotencyKey?: string;
}

/**
 * Signs caller assertions with the service's own key. The gateway asserts the staff member its
 * user token named; any other service that calls on, during a request, signs as itself on that
 * staff member's behalf (`act`), so the receiver can tell the two apart.
 */
export class AssertionSigner {
  private readonly key: Promise<CryptoKey | Uint8Array>;

  constructor(
    private readonly service: ServiceName,
    private readonly signingKey: SigningJwk,
  ) {
    this.key = importJWK(signingKey, 'EdDSA');
  }

  async sign(request: AssertionRequest): Promise<string> {
    const { actor } = request;
    const claims: Pick<AssertionClaims, 'cid' | 'msg' | 'idk' | 'stf' | 'act'> = {
      cid: request.correlationId,
      msg: { sub: request.subject, sha: payloadDigest(request.payload) },
      ...(request.idempotencyKey ? { idk: request.idempotencyKey } : {}),
      ...(actor ? { stf: { org: actor.organisationId, unit: actor.unitId, roles: actor.roles } } : {}),
      ...(actor && this.service !== 'gateway' ? { act: { sub: serviceSubject(this.service) } } : {}),
    };
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.signingKey.kid, typ: assertionType })
      .setIssuer(this.service)
      .setAudience(request.audience)
      .setSubject(actor ? actor.staffId : serviceSubject(this.service))
      .setIssuedAt(now)
      .setExpirationTime(now + assertionLifetimeSeconds)
      .setJti(randomUUID())
      .sign(await this.key);
  }
}
