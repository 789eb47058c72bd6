import { SetMetadata } from '@nestjs/common';
import type { ActorContext, StaffRole } from '@samverkan/contracts';
import type { Request } from 'express';

export const REQUIRED_ROLES = Symbol('REQUIRED_ROLES');

export interface AuthenticatedRequest extends Request {
  actor?: ActorContext;
}

/** The staff member must hold one of these roles (coarse check; services check again). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(REQUIRED_ROLES, roles);
