import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { ActorContext, StaffRole } from '@samverkan/contracts';
import type { Request } from 'express';

export const REQUIRED_ROLES = Symbol('REQUIRED_ROLES');

export interface AuthenticatedRequest extends Request {
  actor?: ActorContext;
}

/** The staff member must hold one of these roles (coarse check; services check again). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The verified actor of the request. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): ActorContext => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('Actor used on a public route');
  return actor;
});
