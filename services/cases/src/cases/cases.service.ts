import { Injectable } from '@nestjs/common';
import { assertRole, EventType, StaffRole, type ActorContext, type CaseView, type GetCaseQuery, type OpenCaseCommand } from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { v7 as uuidv7 } from 'uuid';
import { IdentityProtector } from '../identity/identity-protector';
import { caseNotFound, notOnCaseTeam } from './cases.errors';
import { CasesRepository, type CaseRecord, type ConsentRecord } from './cases.repository';
import { CasesTransactional } from '../database';

export function toCaseView(record: CaseRecord, consents: ConsentRecord[]): CaseView {
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
    consents: consents.map((consent) => ({
      id: consent.id,
      organisationId: consent.organisationId,
      purpose: consent.purpose,
      givenAt: consent.givenAt.toISOString(),
    })),
  };
}

/** The case team is, for now, the organisation that owns the case. */
export function assertOnCaseTeam(record: CaseRecord, organisationId: string): void {
  if (record.ownerOrganisationId !== organisationId) throw notOnCaseTeam();
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly identity: IdentityProtector,
    private readonly outbox: Outbox,
  ) {}

  @CasesTransactional()
  async open(command: OpenCaseCommand, actor: ActorContext): Promise<CaseView> {
    assertRole(actor, StaffRole.Caseworker);
    const identity = this.identity.protect(command.personnummer);
    const personId = await this.cases.findOrCreatePerson({ id: uuidv7(), identity });
    const record = await this.cases.create({
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
    });
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
    return toCaseView(record, []);
  }

  async get(query: GetCaseQuery, actor: ActorContext): Promise<CaseView> {
    const found = await this.cases.findWithActiveConsents(query.caseId);
    if (!found) throw caseNotFound(query.caseId);
    assertOnCaseTeam(found.case, actor.organisationId);
    return toCaseView(found.case, found.consents);
  }

  /** Loads a case the actor's organisation may work on, or throws. */
  async requireForTeam(caseId: string, actor: Pick<ActorContext, 'organisationId'>): Promise<CaseRecord> {
    const record = await this.cases.findById(caseId);
    if (!record) throw caseNotFound(caseId);
    assertOnCaseTeam(record, actor.organisationId);
    return record;
  }
}
