import { Injectable } from '@nestjs/common';
import {
  AccessReason,
  DomainError,
  ErrorCode,
  LegalBasis,
  todayInSweden,
  type AccessAction,
  type ActorContext,
  type CheckConsentQuery,
  type ConsentPurpose,
  type ReferralBasis,
} from '@samverkan/contracts';
import { caseNotFound } from '../cases/cases.errors';
import { CasesRepository, type CaseRecord, type CaseWithTeam, type ConsentAnswer } from '../cases/cases.repository';
import { AccessLog } from './access-log';
import { caseRoles, decideCaseAccess, type AccessDecision, type TeamMember } from './access-policy';

export interface AllowedCaseAccess {
  case: CaseRecord;
  team: TeamMember[];
  protectedIdentity: boolean;
  decision: Extract<AccessDecision, { allowed: true }>;
}

/**
 * Every handler's way to a case: loads the case and its team, asks the policy, and on a denial
 * logs the attempt (in a transaction of its own) and refuses with the policy's reason. An allowed
 * access is logged by the caller, last in its transaction (`logAllowed`).
 */
/**
 * What covers a share: the consent asked about; else the ground in law asked about; for a new
 * share, a consent first, else the receiver's ground on the team. Null when nothing does.
 */
export function coveredBy(
  query: Pick<CheckConsentQuery, 'consentId' | 'legalBasis'>,
  found: Pick<ConsentAnswer, 'coveringConsentId' | 'teamBasis'>,
): ReferralBasis | null {
  if (query.consentId) return found.coveringConsentId ? LegalBasis.Consent : null;
  if (query.legalBasis) return found.teamBasis === query.legalBasis ? query.legalBasis : null;
  return found.coveringConsentId ? LegalBasis.Consent : found.teamBasis;
}

@Injectable()
export class CaseAccess {
  constructor(
    private readonly cases: CasesRepository,
    private readonly accessLog: AccessLog,
  ) {}

  async require(caseId: string, actor: ActorContext, action: AccessAction, purpose?: ConsentPurpose): Promise<AllowedCaseAccess> {
    const found = await this.cases.findWithTeam(caseId, todayInSweden());
    if (!found) throw caseNotFound(caseId);
    return this.decide(found, actor, action, purpose);
  }

  /** As `require`, for a case the caller loaded itself (with more in the same query). */
  async decide(found: CaseWithTeam, actor: ActorContext, action: AccessAction, purpose?: ConsentPurpose): Promise<AllowedCaseAccess> {
    const caseId = found.case.id;
    const decision = decideCaseAccess({ actor, action, team: found.team, purpose, protectedIdentity: found.protectedIdentity });
    if (!decision.allowed) {
      await this.accessLog.appendDenied({
        actor,
        action,
        decision,
        caseId,
        caseOrganisationId: found.case.ownerOrganisationId,
        personId: found.case.personId,
        purpose,
      });
      // Under protected identity even the case's existence is kept from those outside its team.
      if (found.protectedIdentity && !found.team.some((member) => member.unitId === actor.unitId)) throw caseNotFound(caseId);
      throw new DomainError(ErrorCode.NotOnCaseTeam, `Access denied: ${decision.reason}`, [{ field: 'caseId', message: decision.reason }]);
    }
    return { case: found.case, team: found.team, protectedIdentity: found.protectedIdentity, decision };
  }

  /**
   * For a question about a share (is it covered, what was shared): the case, the consent that
   * covers the share (`coveringConsentId`, none when nothing does), and the access, in one query.
   * The named receiver of the consent may ask; anyone else goes through the team's policy.
   */
  async requireForShare(
    query: CheckConsentQuery,
    actor: ActorContext,
    action: AccessAction,
  ): Promise<AllowedCaseAccess & ConsentAnswer & { coveredBy: ReferralBasis | null }> {
    const found = await this.cases.findForConsentCheck(query.caseId, todayInSweden(), {
      purpose: query.purpose,
      organisationId: query.receivingOrganisationId,
      unitId: query.receivingUnitId,
      consentId: query.consentId,
      legalBasis: query.legalBasis,
      asker: { organisationId: actor.organisationId, unitId: actor.unitId },
    });
    if (!found) throw caseNotFound(query.caseId);
    const access = this.asNamedReceiver(query, actor, found) ?? (await this.decide(found, actor, action, query.purpose));
    return {
      ...access,
      coveringConsentId: found.coveringConsentId,
      teamBasis: found.teamBasis,
      askerNamed: found.askerNamed,
      coveredBy: coveredBy(query, found),
    };
  }

  /**
   * Staff who work with cases in the receiving organisation of a referral may ask on the consent
   * it relied on when that consent names their organisation (or their unit), whether or not it
   * still holds: the caller's answer says. Anyone else goes through the team's policy (null).
   */
  asNamedReceiver(query: CheckConsentQuery, actor: ActorContext, found: CaseWithTeam & ConsentAnswer): AllowedCaseAccess | null {
    if (!query.consentId || query.receivingOrganisationId !== actor.organisationId || !found.askerNamed) return null;
    if (!actor.roles.some((role) => caseRoles.includes(role))) return null;
    return { ...found, decision: { allowed: true, reason: AccessReason.ConsentReceiver, legalBasis: LegalBasis.Consent } };
  }

  /** Logs an allowed access in the ambient transaction; call it last, after the change it logs. */
  async logAllowed(access: AllowedCaseAccess, actor: ActorContext, action: AccessAction, purpose?: ConsentPurpose): Promise<void> {
    await this.accessLog.append({
      actor,
      action,
      decision: access.decision,
      caseId: access.case.id,
      caseOrganisationId: access.case.ownerOrganisationId,
      personId: access.case.personId,
      purpose,
    });
  }
}
