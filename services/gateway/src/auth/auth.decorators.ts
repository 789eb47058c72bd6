import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { DomainError, ErrorCode, type ActorContext, type StaffRole } from '@samverkan/contracts';
import type { Request } from 'express';

export const REQUIRED_ROLES = Symbol('REQUIRED_ROLES');

export interface AuthenticatedRequest extends Request {
  actor?: ActorContext;
}

/** The staff member must hold one of these roles (coarse check; services check again). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated staff member, for a route that needs them in hand (a stream that outlives the request's own calls). */
export const AuthenticatedActor = createParamDecorator((_data: unknown, context: ExecutionContext): ActorContext => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new DomainError(ErrorCode.Unauthenticated, 'A bearer token is required (Authorization: Bearer <token>)');
  return actor;
});
