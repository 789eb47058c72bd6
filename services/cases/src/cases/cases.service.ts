import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  CaseTeamRole,
  DomainError,
  ErrorCode,
  EventType,
  type ActorContext,
  type CaseView,
  type GetCaseQuery,
  type OpenCaseCommand,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { v7 as uuidv7 } from 'uuid';
import { AccessLog } from '../access/access-log';
import { decideCaseAccess, type TeamMember } from '../access/access-policy';
import { CaseAccess } from '../access/case-access';
import { CasesTransactional } from '../database';
import { IdentityProtector } from '../identity/identity-protector';
import { ConsentsRepository, toConsentView } from '../consents/consents.repository';
import { CasesRepository, type CaseRecord } from './cases.repository';

export function toCaseView(record: CaseRecord, team: TeamMember[], consents: CaseView['consents']): CaseView {
  return {
    id: record.id,
    ownerOrganisationId: record.ownerOrganisationId,
    ownerUnitId: record.ownerUnitId,
    municipalityCode: record.municipalityCode,
    targetGroup: record.targetGroup,
    gender: record.gender,
    supportNeeds: record.supportNeeds,
    status: record.status,
    openedAt: record.openedAt.toISOString(),
    team: team.map((member) => ({ unitId: member.unitId, organisationId: member.organisationId, role: member.role, legalBasis: member.legalBasis })),
    consents,
  };
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly consents: ConsentsRepository,
    private readonly identity: IdentityProtector,
    private readonly outbox: Outbox,
    private readonly access: CaseAccess,
    private readonly accessLog: AccessLog,
  ) {}

  @CasesTransactional()
  async open(command: OpenCaseCommand, actor: ActorContext): Promise<CaseView> {
    const decision = decideCaseAccess({ actor, action: AccessAction.OpenCase, team: [] });
    if (!decision.allowed) {
      await this.accessLog.appendDenied({ actor, action: AccessAction.OpenCase, decision });
      throw new DomainError(ErrorCode.Forbidden, `Access denied: ${decision.reason}`);
    }
    const identity = this.identity.protect(command.personnummer);
    const personId = await this.cases.findOrCreatePerson({ id: uuidv7(), identity });
    const lead: TeamMember = { unitId: actor.unitId, organisationId: actor.organisationId, role: CaseTeamRole.Lead, legalBasis: decision.legalBasis };
    const record = await this.cases.create(
      {
        id: uuidv7(),
        personId,
        ownerOrganisationId: actor.organisationId,
        ownerUnitId: actor.unitId,
        municipalityCode: command.municipalityCode,
        targetGroup: command.targetGroup,
        gender: identity.gender,
        supportNeeds: command.supportNeeds ?? [],
        status: 'open',
        openedBy: actor.staffId,
      },
      lead,
    );
    await this.outbox.add(
      EventType.CaseOpened,
      { type: 'case', id: record.id },
      {
        caseId: record.id,
        ownerOrganisationId: record.ownerOrganisationId,
        municipalityCode: record.municipalityCode,
        targetGroup: record.targetGroup,
        gender: record.gender,
        supportNeeds: record.supportNeeds,
      },
    );
    await this.accessLog.append({
      actor,
      action: AccessAction.OpenCase,
      decision,
      caseId: record.id,
      caseOrganisationId: record.ownerOrganisationId,
      personId,
    });
    return toCaseView(record, [lead], []);
  }

  /** The case, to the units on its team; the read is logged with the case. */
  @CasesTransactional()
  async get(query: GetCaseQuery, actor: ActorContext): Promise<CaseView> {
    const access = await this.access.require(query.caseId, actor, AccessAction.ReadCase);
    const consents = await this.consents.ofCase(query.caseId);
    await this.access.logAllowed(access, actor, AccessAction.ReadCase);
    return toCaseView(
      access.case,
      access.team,
      consents.map((consent) => toConsentView(consent)),
    );
  }
}
