/**
 * Domain error codes shared by every service and the gateway. Each code has exactly one kind,
 * and the gateway maps kinds to HTTP statuses, so a new code cannot go unmapped.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  /** A request between services without a valid caller assertion: missing, forged, expired, replayed, for another service or another message. */
  CallerNotVerified: 'CALLER_NOT_VERIFIED',
  /** A verified service that may not send this request. */
  CallerNotAllowed: 'CALLER_NOT_ALLOWED',
  NotOnCaseTeam: 'NOT_ON_CASE_TEAM',
  NotReceiver: 'NOT_RECEIVER',
  OrganisationNotFound: 'ORGANISATION_NOT_FOUND',
  StaffMemberNotFound: 'STAFF_MEMBER_NOT_FOUND',
  UnitNotFound: 'UNIT_NOT_FOUND',
  SupportResourceNotFound: 'SUPPORT_RESOURCE_NOT_FOUND',
  WorkplaceNotFound: 'WORKPLACE_NOT_FOUND',
  CaseNotFound: 'CASE_NOT_FOUND',
  ConsentNotFound: 'CONSENT_NOT_FOUND',
  HandoffNotFound: 'HANDOFF_NOT_FOUND',
  DuplicateNotFound: 'DUPLICATE_NOT_FOUND',
  PlanStepNotFound: 'PLAN_STEP_NOT_FOUND',
  ReferralNotFound: 'REFERRAL_NOT_FOUND',
  /** No webhook with that id for the organisation (another organisation's is not found either). */
  WebhookNotFound: 'WEBHOOK_NOT_FOUND',
  /** No notification with that id for the staff member (one addressed to others is not found either). */
  NotificationNotFound: 'NOTIFICATION_NOT_FOUND',
  ProjectNotFound: 'PROJECT_NOT_FOUND',
  IndicatorNotFound: 'INDICATOR_NOT_FOUND',
  LessonNotFound: 'LESSON_NOT_FOUND',
  ObstacleNotFound: 'OBSTACLE_NOT_FOUND',
  ObstacleCandidateNotFound: 'OBSTACLE_CANDIDATE_NOT_FOUND',
  ProjectionNotFound: 'PROJECTION_NOT_FOUND',
  ProjectionRunNotFound: 'PROJECTION_RUN_NOT_FOUND',
  RouteNotFound: 'ROUTE_NOT_FOUND',
  OrganisationNameTaken: 'ORGANISATION_NAME_TAKEN',
  OrganisationNumberTaken: 'ORGANISATION_NUMBER_TAKEN',
  UnitNameTaken: 'UNIT_NAME_TAKEN',
  CompetenceCodeTaken: 'COMPETENCE_CODE_TAKEN',
  IdentityNumberTaken: 'IDENTITY_NUMBER_TAKEN',
  /** Erasure is refused where the law keeps the data: a case still open, or kept by another controller. */
  ErasureNotAllowed: 'ERASURE_NOT_ALLOWED',
  /** Changed by someone else since it was read: read it again. */
  VersionConflict: 'VERSION_CONFLICT',
  ConsentDoesNotCoverReceiver: 'CONSENT_DOES_NOT_COVER_RECEIVER',
  /** The consent a referral relied on was withdrawn or has expired: nothing may be read or done with it any more. */
  ConsentNotActive: 'CONSENT_NOT_ACTIVE',
  ReferralToSelf: 'REFERRAL_TO_SELF',
  /** An Idempotency-Key already used, within 24 hours, for a different request. */
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  IllegalTransition: 'ILLEGAL_TRANSITION',
  /** A replay or rebuild of the same projection is already running. */
  ProjectionBusy: 'PROJECTION_BUSY',
  RateLimited: 'RATE_LIMITED',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable' | 'rate_limited' | 'too_large' | 'unavailable' | 'internal';

export const errorKindOf = {
  VALIDATION_FAILED: 'invalid',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  CALLER_NOT_VERIFIED: 'unauthenticated',
  CALLER_NOT_ALLOWED: 'forbidden',
  NOT_ON_CASE_TEAM: 'forbidden',
  NOT_RECEIVER: 'forbidden',
  ORGANISATION_NOT_FOUND: 'not_found',
  STAFF_MEMBER_NOT_FOUND: 'not_found',
  UNIT_NOT_FOUND: 'not_found',
  SUPPORT_RESOURCE_NOT_FOUND: 'not_found',
  WORKPLACE_NOT_FOUND: 'not_found',
  CASE_NOT_FOUND: 'not_found',
  CONSENT_NOT_FOUND: 'not_found',
  HANDOFF_NOT_FOUND: 'not_found',
  DUPLICATE_NOT_FOUND: 'not_found',
  PLAN_STEP_NOT_FOUND: 'not_found',
  REFERRAL_NOT_FOUND: 'not_found',
  WEBHOOK_NOT_FOUND: 'not_found',
  NOTIFICATION_NOT_FOUND: 'not_found',
  PROJECT_NOT_FOUND: 'not_found',
  INDICATOR_NOT_FOUND: 'not_found',
  LESSON_NOT_FOUND: 'not_found',
  OBSTACLE_NOT_FOUND: 'not_found',
  OBSTACLE_CANDIDATE_NOT_FOUND: 'not_found',
  PROJECTION_NOT_FOUND: 'not_found',
  PROJECTION_RUN_NOT_FOUND: 'not_found',
  ROUTE_NOT_FOUND: 'not_found',
  ORGANISATION_NAME_TAKEN: 'conflict',
  ORGANISATION_NUMBER_TAKEN: 'conflict',
  UNIT_NAME_TAKEN: 'conflict',
  COMPETENCE_CODE_TAKEN: 'conflict',
  IDENTITY_NUMBER_TAKEN: 'conflict',
  ERASURE_NOT_ALLOWED: 'conflict',
  VERSION_CONFLICT: 'conflict',
  ILLEGAL_TRANSITION: 'conflict',
  PROJECTION_BUSY: 'conflict',
  CONSENT_DOES_NOT_COVER_RECEIVER: 'unprocessable',
  CONSENT_NOT_ACTIVE: 'forbidden',
  REFERRAL_TO_SELF: 'unprocessable',
  IDEMPOTENCY_KEY_REUSED: 'unprocessable',
  RATE_LIMITED: 'rate_limited',
  PAYLOAD_TOO_LARGE: 'too_large',
  SERVICE_UNAVAILABLE: 'unavailable',
  INTERNAL: 'internal',
} as const satisfies Record<ErrorCode, ErrorKind>;

/** Kinds worth retrying: the same message may succeed later. Everything else is permanent. */
export function isTransientKind(kind: ErrorKind): boolean {
  return kind === 'unavailable' || kind === 'internal';
}

export interface FieldViolation {
  /** Dotted path of the offending field, e.g. `actor.unitId`, or `body` for unparsable input. */
  field: string;
  message: string;
}

/** The shape a domain error takes on the wire (NATS replies, dead letters). */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  fields?: FieldViolation[];
}

const knownCodes = new Set<string>(Object.values(ErrorCode));

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['code'] === 'string' && knownCodes.has(candidate['code']) && typeof candidate['message'] === 'string';
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldViolation[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get kind(): ErrorKind {
    return errorKindOf[this.code];
  }

  toPayload(): ErrorPayload {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }

  static fromPayload(payload: ErrorPayload): DomainError {
    return new DomainError(payload.code, payload.message, payload.fields);
  }
}

/**
 * A service that cannot answer now: not running, not answering in time, or held off after
 * failing several times in a row. Says when to ask again, so HTTP can answer with Retry-After.
 */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.ServiceUnavailable, message);
  }
}
