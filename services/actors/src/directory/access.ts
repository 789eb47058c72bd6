import { DomainError, ErrorCode, StaffRole, assertRole, type ActorContext } from '@samverkan/contracts';

/**
 * Who may change the directory. Every authenticated user reads it. An organisation's own
 * administrators and coordinators keep its entries (its units, staff, support resources and
 * workplaces); nobody edits another organisation's. Adding organisations and extending the
 * competence catalogue is for the administrators of the region, which keeps the directory.
 */
export function assertMaintainsOrganisation(actor: ActorContext, organisationId: string): void {
  assertRole(actor, StaffRole.Administrator, StaffRole.Coordinator);
  if (actor.organisationId !== organisationId) {
    throw new DomainError(ErrorCode.Forbidden, "Only the organisation's own administrators and coordinators may change its entries");
  }
}

export function assertRegionalAdministrator(actor: ActorContext, actorOrganisationType: string | undefined): void {
  assertRole(actor, StaffRole.Administrator);
  if (actorOrganisationType !== 'region') {
    throw new DomainError(ErrorCode.Forbidden, 'Only administrators of the region may add organisations and competences to the directory');
  }
}
