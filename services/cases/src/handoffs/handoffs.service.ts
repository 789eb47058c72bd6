import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  AccessReason,
  CaseTeamRole,
  defaultPageSize,
  DomainError,
  ErrorCode,
  EventType,
  HandoffStatus,
  LegalBasis,
  todayInSweden,
  type AcceptHandoffCommand,
  type ActorContext,
  type DeclineHandoffCommand,
  type HandoffView,
  type ListHandoffsQuery,
  type Page,
  type RequestHandoffCommand,
  type UnitView,
} from '@samverkan/contracts';
import { ActorsDirectory, isUniqueViolation, Outbox } from '@samverkan/messaging';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { AccessLog } from '../access/access-log';
import { caseRoles } from '../access/access-policy';
import { CaseAccess } from '../access/case-access';
import { CasesRepository } from '../cases/cases.repository';
import { CasesTransactional } from '../database';
import { HandoffsRepository, type HandoffRecord } from './handoffs.repository';

function toView(record: HandoffRecord, today: string = todayInSweden()): HandoffView {
  const expired = record.status === HandoffStatus.Requested && record.respondBy < today;
  return {
    id: record.id,
    caseId: record.caseId,
    fromUnitId: record.fromUnitId,
    toUnitId: record.toUnitId,
    toOrganisationId: record.toOrganisationId,
    respondBy: record.respondBy,
    status: expired ? HandoffStatus.Expired : record.status,
    declineReason: record.declineReason,
    requestedAt: record.requestedAt.toISOString(),
    answeredAt: record.answeredAt?.toISOString() ?? null,
  };
}

const handoffNotFound = (handoffId: string) =>
  new DomainError(ErrorCode.HandoffNotFound, `No hand-off ${handoffId} of this case`, [{ field: 'handoffId', message: 'no such hand-off of the case' }]);

/**
 * Hand-off of a case's lead: the lead unit asks another unit (in its own organisation or another)
 * to take over by a day; that unit accepts, and ownership moves, or declines with a reason. Both
 * see it on the timeline, as the old lead stays on the team.
 */
@Injectable()
export class HandoffsService {
  constructor(
    private readonly handoffs: HandoffsRepository,
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly accessLog: AccessLog,
    private readonly outbox: Outbox,
    private readonly directory: ActorsDirectory,
  ) {}

  async request(command: RequestHandoffCommand, actor: ActorContext): Promise<HandoffView> {
    const first = await this.access.require(command.caseId, actor, AccessAction.RequestHandoff);
    if (command.toUnitId === first.case.ownerUnitId) {
      throw new DomainError(ErrorCode.ValidationFailed, 'A case cannot be handed to the unit that leads it', [
        { field: 'toUnitId', message: 'is the lead unit' },
      ]);
    }
    // Asked before the transaction opens, so no database transaction waits on NATS.
    const unit = await this.directory.requireUnit(command.toUnitId, 'toUnitId');
    return this.persistRequest(command, unit, actor);
  }

  @CasesTransactional()
  async accept(command: AcceptHandoffCommand, actor: ActorContext): Promise<HandoffView> {
    const handoff = await this.requireForReceiver(command.caseId, command.handoffId, actor);
    const answered = await this.answer(handoff, { status: HandoffStatus.Accepted, declineReason: null, answeredBy: actor.staffId });
    const found = await this.cases.findWithTeam(handoff.caseId, todayInSweden());
    const lead = found?.team.find((member) => member.role === CaseTeamRole.Lead && member.unitId === handoff.fromUnitId);
    if (!found || !lead)
      throw new DomainError(ErrorCode.IllegalTransition, 'The case has another lead now', [{ field: 'handoffId', message: 'no longer current' }]);
    const moved = await this.cases.moveLead(handoff.caseId, lead, { unitId: handoff.toUnitId, organisationId: handoff.toOrganisationId }, actor.staffId);
    await this.outbox.add(
      EventType.CaseLeadChanged,
      { type: 'case', id: moved.id },
      {
        caseId: moved.id,
        fromUnitId: handoff.fromUnitId,
        toUnitId: handoff.toUnitId,
        ownerOrganisationId: moved.ownerOrganisationId,
        municipalityCode: moved.municipalityCode,
        version: moved.version,
      },
    );
    await this.timeline(handoff, 'handoff.accepted', actor);
    await this.logAnswer(actor, moved.id, moved.ownerOrganisationId, moved.personId);
    return toView(answered);
  }

  @CasesTransactional()
  async decline(command: DeclineHandoffCommand, actor: ActorContext): Promise<HandoffView> {
    const handoff = await this.requireForReceiver(command.caseId, command.handoffId, actor);
    const answered = await this.answer(handoff, { status: HandoffStatus.Declined, declineReason: command.reason, answeredBy: actor.staffId });
    await this.timeline(handoff, 'handoff.declined', actor, { reason: command.reason });
    const found = await this.cases.findWithTeam(handoff.caseId, todayInSweden());
    await this.logAnswer(actor, handoff.caseId, found?.case.ownerOrganisationId, found?.case.personId);
    return toView(answered);
  }

  async list(query: ListHandoffsQuery, actor: ActorContext): Promise<Page<HandoffView>> {
    if (!actor.roles.some((role) => caseRoles.includes(role))) throw new DomainError(ErrorCode.Forbidden, 'Only staff who work with cases see hand-offs');
    const limit = query.limit ?? defaultPageSize;
    const after = decodeCursor(query.after, isTimeKey);
    const today = todayInSweden();
    const rows = await this.handoffs.list({ unitId: actor.unitId, direction: query.direction, status: query.status, today, after, take: limit + 1 });
    return toPage(
      rows,
      limit,
      (row) => toView(row, today),
      (row) => ({ key: row.requestedAt.toISOString(), id: row.id }),
    );
  }

  @CasesTransactional()
  private async persistRequest(command: RequestHandoffCommand, unit: UnitView, actor: ActorContext): Promise<HandoffView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.RequestHandoff);
    let handoff: HandoffRecord;
    try {
      handoff = await this.handoffs.create({
        id: uuidv7(),
        caseId: command.caseId,
        fromUnitId: access.case.ownerUnitId,
        toUnitId: unit.id,
        toOrganisationId: unit.organisationId,
        requestedBy: actor.staffId,
        respondBy: command.respondBy,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(ErrorCode.IllegalTransition, 'The case already has a hand-off waiting for an answer', [
        { field: 'caseId', message: 'has an open hand-off' },
      ]);
    }
    await this.timeline(handoff, 'handoff.requested', actor, { toUnitId: unit.id, respondBy: command.respondBy });
    await this.access.logAllowed(access, actor, AccessAction.RequestHandoff);
    return toView(handoff);
  }

  /** The hand-off, when the actor works with cases in the unit it asks; otherwise refused and logged. */
  private async requireForReceiver(caseId: string, handoffId: string, actor: ActorContext): Promise<HandoffRecord> {
    const handoff = await this.handoffs.findById(caseId, handoffId);
    if (!handoff) throw handoffNotFound(handoffId);
    if (handoff.toUnitId !== actor.unitId || !actor.roles.some((role) => caseRoles.includes(role))) {
      const reason = handoff.toUnitId !== actor.unitId ? AccessReason.NotOnTeam : AccessReason.Role;
      await this.accessLog.appendDenied({ actor, action: AccessAction.AnswerHandoff, decision: { allowed: false, reason, legalBasis: null }, caseId });
      throw new DomainError(ErrorCode.NotOnCaseTeam, `Access denied: ${reason}`, [{ field: 'handoffId', message: reason }]);
    }
    return handoff;
  }

  private async answer(handoff: HandoffRecord, answer: Parameters<HandoffsRepository['answer']>[2]): Promise<HandoffRecord> {
    const answered = await this.handoffs.answer(handoff.id, todayInSweden(), answer);
    if (!answered) {
      throw new DomainError(ErrorCode.IllegalTransition, `The hand-off is ${toView(handoff).status}, not waiting for an answer`, [
        { field: 'handoffId', message: toView(handoff).status },
      ]);
    }
    return answered;
  }

  private async timeline(handoff: HandoffRecord, kind: string, actor: ActorContext, details: Record<string, string> = {}): Promise<void> {
    await this.cases.addToTimeline({
      id: uuidv7(),
      caseId: handoff.caseId,
      kind,
      staffId: actor.staffId,
      unitId: actor.unitId,
      details: { handoffId: handoff.id, ...details },
    });
  }

  private async logAnswer(actor: ActorContext, caseId: string, caseOrganisationId?: string, personId?: string | null): Promise<void> {
    await this.accessLog.append({
      actor,
      action: AccessAction.AnswerHandoff,
      decision: { allowed: true, reason: AccessReason.HandoffReceiver, legalBasis: LegalBasis.CaseHandling },
      caseId,
      caseOrganisationId,
      personId,
    });
  }
}
