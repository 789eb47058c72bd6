import { AccessAction, AccessReason, CaseTeamRole, LegalBasis, StaffRole, type ActorContext, type ConsentPurpose } from '@samverkan/contracts';

/*
 * The one access policy of cases: whether a staff member may do something with a case, and why.
 * Every handler that touches a person's data asks it, and its answer (allowed or denied, with the
 * reason and the legal basis) is what the access log records. Pure: the caller loads the team.
 */

export interface TeamMember {
  unitId: string;
  organisationId: string;
  role: CaseTeamRole;
  legalBasis: LegalBasis;
  /** For a unit on the team on the person's consent: whether a consent for coordination covers it today. */
  covered?: boolean;
}

export interface AccessRequest {
  actor: Pick<ActorContext, 'organisationId' | 'unitId' | 'roles'>;
  action: AccessAction;
  /** The case's team; empty when the action creates the case. */
  team: readonly TeamMember[];
  purpose?: ConsentPurpose;
  /** The case's person has protected identity (skyddade personuppgifter). */
  protectedIdentity?: boolean;
}

export type AccessDecision = { allowed: true; reason: AccessReason; legalBasis: LegalBasis } | { allowed: false; reason: AccessReason; legalBasis: null };

/** The roles that work with people's cases; the others (analysts, operators, administrators, data-protection officers) never read one. */
export const caseRoles: readonly StaffRole[] = [StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager];

/** Who may open a case: caseworkers, for their own unit. */
const openingRoles: readonly StaffRole[] = [StaffRole.Caseworker];

/** What only the unit leading the case may do: the lead unit answers for the person's data (it is the controller's). */
const leadOnly: readonly AccessAction[] = [
  AccessAction.ChangeCaseStatus,
  AccessAction.ChangeTeam,
  AccessAction.RequestHandoff,
  AccessAction.RectifyPerson,
  AccessAction.ErasePerson,
  AccessAction.ExtractPerson,
  AccessAction.ResolveDuplicate,
];

/** Under protected identity, who the person is stays with the lead unit. */
const identityActions: readonly AccessAction[] = [AccessAction.ReadPerson];

const deny = (reason: AccessReason): AccessDecision => ({ allowed: false, reason, legalBasis: null });

export function decideCaseAccess(request: AccessRequest): AccessDecision {
  const { actor, action, team } = request;
  if (action === AccessAction.OpenCase) {
    return actor.roles.some((role) => openingRoles.includes(role))
      ? { allowed: true, reason: AccessReason.OpensForOwnUnit, legalBasis: LegalBasis.CaseHandling }
      : deny(AccessReason.Role);
  }
  if (!actor.roles.some((role) => caseRoles.includes(role))) return deny(AccessReason.Role);
  const member = team.find((candidate) => candidate.unitId === actor.unitId);
  if (member && leadOnly.includes(action) && member.role !== CaseTeamRole.Lead) return deny(AccessReason.NotLeadUnit);
  if (member && request.protectedIdentity && identityActions.includes(action) && member.role !== CaseTeamRole.Lead) {
    return deny(AccessReason.ProtectedIdentity);
  }
  // A unit there on the person's consent loses the case the moment no consent covers it.
  if (member && member.legalBasis === LegalBasis.Consent && member.covered !== true) return deny(AccessReason.ConsentNotActive);
  if (member) {
    return {
      allowed: true,
      reason: member.role === CaseTeamRole.Lead ? AccessReason.LeadUnit : AccessReason.TeamUnit,
      legalBasis: member.legalBasis,
    };
  }
  // A municipality's social services, youth activity responsibility and labour-market unit are
  // separate for secrecy (OSL 8:2): being in the same organisation as a team unit gives nothing.
  if (team.some((candidate) => candidate.organisationId === actor.organisationId)) return deny(AccessReason.OtherUnitOfTeamOrganisation);
  return deny(AccessReason.NotOnTeam);
}
