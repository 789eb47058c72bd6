import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  ConsentPurpose,
  todayInSweden,
  type AddTeamUnitCommand,
  type RemoveTeamUnitCommand,
  type UnitView,
  AccessReason,
  CaseScope,
  CaseStatus,
  CaseTeamRole,
  defaultPageSize,
  LegalBasis,
  type CaseOutcome,
  type CaseSummaryView,
  type CaseTimelineEntryView,
  type ChangeCaseStatusCommand,
  type GetCaseTimelineQuery,
  type ListCasesQuery,
  type Page,
  DomainError,
  ErrorCode,
  EventType,
  type ActorContext,
  type CaseView,
  type GetCaseQuery,
  type OpenCaseCommand,
} from '@samverkan/contracts';
import { ActorsDirectory, Outbox } from '@samverkan/messaging';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { AccessLog } from '../access/access-log';
import { caseRoles, decideCaseAccess, type TeamMember } from '../access/access-policy';
import { CaseAccess } from '../access/case-access';
import { CasesTransactional } from '../database';
import { PersonsService } from '../persons/persons.service';
import { ConsentsRepository, toConsentView } from '../consents/consents.repository';
import { CasesRepository, type CaseRecord, type TimelineEntry } from './cases.repository';

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
    outcome: record.outcome,
    leadStaffId: record.leadStaffId,
    version: record.version,
    openedAt: record.openedAt.toISOString(),
    team: team.map((member) => ({ unitId: member.unitId, organisationId: member.organisationId, role: member.role, legalBasis: member.legalBasis })),
    consents,
  };
}

export function toTimelineEntryView(entry: TimelineEntry): CaseTimelineEntryView {
  return { id: entry.id, at: entry.at.toISOString(), kind: entry.kind, staffId: entry.staffId, unitId: entry.unitId, details: entry.details };
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly consents: ConsentsRepository,
    private readonly persons: PersonsService,
    private readonly outbox: Outbox,
    private readonly access: CaseAccess,
    private readonly accessLog: AccessLog,
    private readonly directory: ActorsDirectory,
  ) {}

  @CasesTransactional()
  async open(command: OpenCaseCommand, actor: ActorContext): Promise<CaseView> {
    const decision = decideCaseAccess({ actor, action: AccessAction.OpenCase, team: [] });
    if (!decision.allowed) {
      await this.accessLog.appendDenied({ actor, action: AccessAction.OpenCase, decision });
      throw new DomainError(ErrorCode.Forbidden, `Access denied: ${decision.reason}`);
    }
    const { person, facts } = await this.persons.register(command);
    const personId = person.id;
    const lead: TeamMember = { unitId: actor.unitId, organisationId: actor.organisationId, role: CaseTeamRole.Lead, legalBasis: decision.legalBasis };
    const record = await this.cases.create(
      {
        id: uuidv7(),
        personId,
        ownerOrganisationId: actor.organisationId,
        ownerUnitId: actor.unitId,
        municipalityCode: command.municipalityCode,
        targetGroup: command.targetGroup,
        gender: person.gender,
        supportNeeds: command.supportNeeds ?? [],
        status: CaseStatus.Open,
        leadStaffId: actor.staffId,
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
        // Under protected identity even the birth band stays home.
        ...(person.protectedIdentity ? {} : { birthYearBand: facts.birthYearBand }),
      },
    );
    await this.cases.addToTimeline({ id: uuidv7(), caseId: record.id, kind: 'case.opened', staffId: actor.staffId, unitId: actor.unitId, details: {} });
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

  /**
   * The case, to the units on its team. A read needs no transaction: the log entry is written
   * before the answer leaves, so no answer goes out unlogged.
   */
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

  /**
   * Moves a case along its path (open → active ⇄ paused, and from any of them to closed with an
   * outcome); only the lead unit may. The change, its event, its timeline entry and its log
   * entry commit together.
   */
  @CasesTransactional()
  async changeStatus(command: ChangeCaseStatusCommand, actor: ActorContext): Promise<CaseView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.ChangeCaseStatus);
    const current = access.case;
    assertTransition(current.status, command.status, command.outcome);
    const outcome = command.status === CaseStatus.Closed ? (command.outcome as CaseOutcome) : null;
    const changed = await this.cases.changeStatus(current.id, current.status, command.status, outcome);
    if (!changed) throw new DomainError(ErrorCode.ServiceUnavailable, 'The case changed at the same time; try again');
    await this.outbox.add(
      EventType.CaseStatusChanged,
      { type: 'case', id: changed.id },
      {
        caseId: changed.id,
        ownerOrganisationId: changed.ownerOrganisationId,
        municipalityCode: changed.municipalityCode,
        targetGroup: changed.targetGroup,
        status: changed.status,
        outcome: changed.outcome,
        version: changed.version,
      },
    );
    await this.cases.addToTimeline({
      id: uuidv7(),
      caseId: changed.id,
      kind: 'case.status-changed',
      staffId: actor.staffId,
      unitId: actor.unitId,
      details: { from: current.status, to: changed.status, outcome: changed.outcome },
    });
    await this.access.logAllowed(access, actor, AccessAction.ChangeCaseStatus);
    const consents = await this.consents.ofCase(changed.id);
    return toCaseView(
      changed,
      access.team,
      consents.map((consent) => toConsentView(consent)),
    );
  }

  /** The cases on the actor's unit's team (or only those they lead), newest first; one log entry for the list. */
  async list(query: ListCasesQuery, actor: ActorContext): Promise<Page<CaseSummaryView>> {
    if (!actor.roles.some((role) => caseRoles.includes(role))) {
      const decision = { allowed: false as const, reason: AccessReason.Role, legalBasis: null };
      await this.accessLog.appendDenied({ actor, action: AccessAction.ListCases, decision });
      throw new DomainError(ErrorCode.Forbidden, `Access denied: ${decision.reason}`);
    }
    const limit = query.limit ?? defaultPageSize;
    const after = decodeCursor(query.after, isTimeKey);
    const rows = await this.cases.list({
      unitId: actor.unitId,
      leadStaffId: query.scope === CaseScope.Mine ? actor.staffId : undefined,
      status: query.status,
      targetGroup: query.targetGroup,
      municipalityCode: query.municipalityCode,
      after,
      take: limit + 1,
    });
    await this.accessLog.append({
      actor,
      action: AccessAction.ListCases,
      decision: { allowed: true, reason: AccessReason.OwnUnitCases, legalBasis: LegalBasis.CaseHandling },
    });
    return toPage(rows, limit, toCaseSummary, (row) => ({ key: row.openedAt.toISOString(), id: row.id }));
  }

  /** Everything that happened on the case, oldest first, to the units on its team; logged like a read of it. */
  async timeline(query: GetCaseTimelineQuery, actor: ActorContext): Promise<CaseTimelineEntryView[]> {
    const access = await this.access.require(query.caseId, actor, AccessAction.ReadTimeline);
    const entries = await this.cases.timeline(query.caseId);
    await this.access.logAllowed(access, actor, AccessAction.ReadTimeline);
    return entries.map(toTimelineEntryView);
  }

  /**
   * Puts another unit on the team, on a legal basis for sharing the case with it; only the lead
   * unit may. On consent, a consent for coordination must name the unit (or its organisation)
   * today, and the unit loses the case when none does any more.
   */
  async addTeamUnit(command: AddTeamUnitCommand, actor: ActorContext): Promise<CaseView> {
    await this.access.require(command.caseId, actor, AccessAction.ChangeTeam);
    // Asked before the transaction opens, so no database transaction waits on NATS.
    const unit = await this.directory.requireUnit(command.unitId, 'unitId');
    return this.persistTeamUnit(command, unit, actor);
  }

  @CasesTransactional()
  async removeTeamUnit(command: RemoveTeamUnitCommand, actor: ActorContext): Promise<CaseView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.ChangeTeam);
    const member = access.team.find((candidate) => candidate.unitId === command.unitId);
    if (member?.role === CaseTeamRole.Lead) {
      throw new DomainError(ErrorCode.IllegalTransition, 'The lead unit cannot leave the team; hand the case over instead', [
        { field: 'unitId', message: 'leads the case' },
      ]);
    }
    if (!member || !(await this.cases.removeTeamMember(command.caseId, command.unitId))) {
      throw new DomainError(ErrorCode.UnitNotFound, 'The unit is not on the team', [{ field: 'unitId', message: 'not on the team' }]);
    }
    await this.announceTeamChange(access.case.id, member, 'removed', actor);
    await this.access.logAllowed(access, actor, AccessAction.ChangeTeam);
    return this.view(
      access.case,
      access.team.filter((candidate) => candidate.unitId !== command.unitId),
    );
  }

  @CasesTransactional()
  private async persistTeamUnit(command: AddTeamUnitCommand, unit: UnitView, actor: ActorContext): Promise<CaseView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.ChangeTeam);
    const member: TeamMember = { unitId: unit.id, organisationId: unit.organisationId, role: CaseTeamRole.Member, legalBasis: command.legalBasis };
    if (command.legalBasis === LegalBasis.Consent) {
      const covered = await this.consents.isCovered(command.caseId, ConsentPurpose.Coordination, unit.organisationId, unit.id, todayInSweden());
      if (!covered) {
        throw new DomainError(ErrorCode.ConsentDoesNotCoverReceiver, 'No consent for coordination names the unit or its organisation', [
          { field: 'unitId', message: 'not covered by an active consent for coordination' },
        ]);
      }
    }
    if (!(await this.cases.addTeamMember(command.caseId, member, actor.staffId))) {
      throw new DomainError(ErrorCode.IllegalTransition, 'The unit is already on the team', [{ field: 'unitId', message: 'already on the team' }]);
    }
    await this.announceTeamChange(access.case.id, member, 'added', actor);
    await this.access.logAllowed(access, actor, AccessAction.ChangeTeam);
    return this.view(access.case, [...access.team, { ...member, covered: command.legalBasis === LegalBasis.Consent }]);
  }

  private async announceTeamChange(caseId: string, member: TeamMember, change: 'added' | 'removed', actor: ActorContext): Promise<void> {
    await this.outbox.add(
      EventType.CaseTeamChanged,
      { type: 'case', id: caseId },
      { caseId, unitId: member.unitId, organisationId: member.organisationId, change, legalBasis: member.legalBasis },
    );
    await this.cases.addToTimeline({
      id: uuidv7(),
      caseId,
      kind: `team.${change}`,
      staffId: actor.staffId,
      unitId: actor.unitId,
      details: { unitId: member.unitId, legalBasis: member.legalBasis },
    });
  }

  private async view(record: CaseRecord, team: TeamMember[]): Promise<CaseView> {
    const consents = await this.consents.ofCase(record.id);
    return toCaseView(
      record,
      team,
      consents.map((consent) => toConsentView(consent)),
    );
  }
}

/** The moves a case may make; closed is final. */
const transitions: Record<CaseStatus, readonly CaseStatus[]> = {
  [CaseStatus.Open]: [CaseStatus.Active, CaseStatus.Paused, CaseStatus.Closed],
  [CaseStatus.Active]: [CaseStatus.Paused, CaseStatus.Closed],
  [CaseStatus.Paused]: [CaseStatus.Active, CaseStatus.Closed],
  [CaseStatus.Closed]: [],
};

function assertTransition(from: CaseStatus, to: CaseStatus, outcome: CaseOutcome | undefined): void {
  if (to === CaseStatus.Closed && !outcome) {
    throw new DomainError(ErrorCode.ValidationFailed, 'A closed case needs an outcome', [{ field: 'outcome', message: 'required when the status is closed' }]);
  }
  if (to !== CaseStatus.Closed && outcome) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Only a closed case has an outcome', [{ field: 'outcome', message: 'only with the status closed' }]);
  }
  if (!transitions[from].includes(to)) {
    throw new DomainError(ErrorCode.IllegalTransition, `A case that is ${from} cannot become ${to}`, [
      { field: 'status', message: `not allowed from ${from}` },
    ]);
  }
}

function toCaseSummary(record: CaseRecord): CaseSummaryView {
  return {
    id: record.id,
    ownerUnitId: record.ownerUnitId,
    leadStaffId: record.leadStaffId,
    municipalityCode: record.municipalityCode,
    targetGroup: record.targetGroup,
    status: record.status,
    openedAt: record.openedAt.toISOString(),
  };
}
