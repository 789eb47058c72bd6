import type { ActorContext } from './actor-context';
import { DomainError, ErrorCode } from './errors';
import type { StaffRole } from './vocabulary';

/** Throws FORBIDDEN unless the actor holds one of the roles. */
export function assertRole(actor: ActorContext, ...roles: StaffRole[]): void {
  if (!roles.some((role) => actor.roles.includes(role))) {
    throw new DomainError(ErrorCode.Forbidden, `This action needs the role ${roles.join(' or ')}`);
  }
}
