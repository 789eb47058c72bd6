import { DomainError, ErrorCode, type ServiceName, type StaffRole } from '@samverkan/contracts';
import { createHash } from 'node:crypto';

/** The NATS header that carries the caller assertion of a request. */
export const assertionHeader = 'samverkan-assertion';

/** The JOSE `typ` of a caller assertion, so that no other kind of token can pass for one. */
export const assertionType = 'samverkan-assertion+jwt';

/** How long an assertion lives: long enough for one request, its queueing and clock skew. */
export const assertionLifetimeSeconds = 30;
/** The longest lifetime a verifier accepts, whatever the signer chose. */
export const maxAssertionLifetimeSeconds = 60;

/**
 * A caller assertion: a short-lived JWT (EdDSA) that one service signs for exactly one request
 * to another. Registered claims: `iss` the signing service, `aud` the receiving service, `sub`
 * the staff member acting (or `service:<name>` when none does), `iat`, `exp`, `jti`.
 */
export interface AssertionClaims {
  iss: ServiceName;
  aud: ServiceName;
  sub: string;
  iat: number;
  exp: number;
  jti: string;
  /** The correlation id of the request, for the log lines of a refusal. */
  cid: string;
  /** Binds the assertion to one message: its subject and the SHA-256 (base64url) of its payload. */
  msg: { sub: string; sha: string };
  /** The message's Idempotency-Key, when it has one, so no one can swap it for another. */
  idk?: string;
  /** The acting staff member's organisation, unit and roles. */
  stf?: { org: string; unit: string; roles: StaffRole[] };
  /** RFC 8693: the service that acts on the staff member's behalf, when the signer is not the gateway. */
  act?: { sub: string };
}

export const serviceSubject = (service: ServiceName): string => `service:${service}`;

/** The digest a payload is bound by; both sides hash the JSON that travels. */
export function payloadDigest(payload: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(payload) ?? '')
    .digest('base64url');
}

export type AssertionRefusalReason =
  'missing' | 'malformed' | 'signature' | 'issuer' | 'audience' | 'expired' | 'lifetime' | 'binding' | 'replayed' | 'caller' | 'actor_in_payload';

/**
 * Why a request was refused before its handler: CALLER_NOT_VERIFIED when the assertion cannot be
 * believed, CALLER_NOT_ALLOWED when its service may not send the request, VALIDATION_FAILED
 * naming `actor` when the payload tries to say who acts.
 */
export class AssertionRefused extends Error {
  override readonly name = 'AssertionRefused';

  constructor(
    readonly reason: AssertionRefusalReason,
    message: string,
  ) {
    super(message);
  }

  toDomainError(): DomainError {
    if (this.reason === 'actor_in_payload') return new DomainError(ErrorCode.ValidationFailed, this.message, [{ field: 'actor', message: 'must not be sent' }]);
    return new DomainError(this.reason === 'caller' ? ErrorCode.CallerNotAllowed : ErrorCode.CallerNotVerified, this.message);
  }
}
