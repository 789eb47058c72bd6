import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  DomainError,
  ErrorCode,
  EventType,
  PlanStepStatus,
  todayInSweden,
  type ActorContext,
  type AddPlanStepCommand,
  type ListPlanStepsQuery,
  type PlanStepView,
  type UpdatePlanStepCommand,
} from '@samverkan/contracts';
import { ActorsDirectory, Outbox } from '@samverkan/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { AllowedCaseAccess } from '../access/case-access';
import { CaseAccess } from '../access/case-access';
import { CasesRepository } from '../cases/cases.repository';
import { CasesTransactional } from '../database';
import { PlanStepsRepository, type PlanStepDates, type PlanStepRecord } from './plan-steps.repository';

/** The moves a step may make; done and cancelled are final. */
const transitions: Record<PlanStepStatus, readonly PlanStepStatus[]> = {
  [PlanStepStatus.Planned]: [PlanStepStatus.Ongoing, PlanStepStatus.Cancelled],
  [PlanStepStatus.Ongoing]: [PlanStepStatus.Done, PlanStepStatus.Cancelled],
  [PlanStepStatus.Done]: [],
  [PlanStepStatus.Cancelled]: [],
};

const invalid = (field: string, message: string) => new DomainError(ErrorCode.ValidationFailed, `${field} ${message}`, [{ field, message }]);

/**
 * The support plan of a case: steps at support resources, each the responsibility of a unit on
 * the team. Every covered unit on the team reads and works on the plan (that is what a shared
 * plan is for); each change is on the timeline, in the access log and announced by an event
 * that feeds the follow-up per support resource.
 */
@Injectable()
export class PlanStepsService {
  constructor(
    private readonly steps: PlanStepsRepository,
    private readonly cases: CasesRepository,
    private readonly access: CaseAccess,
    private readonly directory: ActorsDirectory,
    private readonly outbox: Outbox,
  ) {}

  async list(query: ListPlanStepsQuery, actor: ActorContext): Promise<PlanStepView[]> {
    const access = await this.access.require(query.caseId, actor, AccessAction.ReadPlan);
    const steps = await this.steps.ofCase(query.caseId);
    await this.access.logAllowed(access, actor, AccessAction.ReadPlan);
    return steps;
  }

  async add(command: AddPlanStepCommand, actor: ActorContext): Promise<PlanStepView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.ChangePlan);
    const responsible = access.team.find((member) => member.unitId === command.responsibleUnitId);
    if (!responsible) throw invalid('responsibleUnitId', 'is not on the case team');
    // Asked before the transaction opens, so no database transaction waits on NATS.
    if (command.supportResourceId) await this.directory.requireSupportResource(command.supportResourceId, 'supportResourceId');
    return this.persistNew(command, responsible.organisationId, actor);
  }

  @CasesTransactional()
  async update(command: UpdatePlanStepCommand, actor: ActorContext): Promise<PlanStepView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.ChangePlan);
    const step = await this.steps.get(command.caseId, command.stepId);
    if (!step) {
      throw new DomainError(ErrorCode.PlanStepNotFound, `No plan step ${command.stepId} on the case`, [
        { field: 'stepId', message: 'no such step on the case' },
      ]);
    }
    if (step.version !== command.version) throw versionConflict(step);
    const change = nextState(step, command, todayInSweden());
    const updated = await this.steps.update(step.id, step.version, change);
    if (!updated) throw versionConflict(step);
    await this.announce(access, updated, actor, 'plan.step-changed', { from: step.status, to: updated.status });
    await this.access.logAllowed(access, actor, AccessAction.ChangePlan);
    return updated;
  }

  @CasesTransactional()
  private async persistNew(command: AddPlanStepCommand, responsibleOrganisationId: string, actor: ActorContext): Promise<PlanStepView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.ChangePlan);
    const step = await this.steps.add({
      id: uuidv7(),
      caseId: command.caseId,
      supportResourceId: command.supportResourceId ?? null,
      responsibleUnitId: command.responsibleUnitId,
      responsibleOrganisationId,
      supportNeeds: command.supportNeeds ?? [],
      plannedStart: command.plannedStart,
      plannedEnd: command.plannedEnd ?? null,
      status: PlanStepStatus.Planned,
      createdBy: actor.staffId,
    });
    await this.announce(access, step, actor, 'plan.step-added', { supportResourceId: step.supportResourceId });
    await this.access.logAllowed(access, actor, AccessAction.ChangePlan);
    return step;
  }

  private async announce(access: AllowedCaseAccess, step: PlanStepRecord, actor: ActorContext, kind: string, details: Record<string, string | null>) {
    const record = access.case;
    await this.outbox.add(
      EventType.PlanStepChanged,
      { type: 'plan-step', id: step.id },
      {
        stepId: step.id,
        caseId: step.caseId,
        supportResourceId: step.supportResourceId,
        responsibleOrganisationId: step.responsibleOrganisationId,
        responsibleUnitId: step.responsibleUnitId,
        status: step.status,
        actualStart: step.actualStart,
        actualEnd: step.actualEnd,
        municipalityCode: record.municipalityCode,
        targetGroup: record.targetGroup,
        gender: record.gender,
        version: step.version,
      },
    );
    await this.cases.addToTimeline({
      id: uuidv7(),
      caseId: step.caseId,
      kind,
      staffId: actor.staffId,
      unitId: actor.unitId,
      details: { stepId: step.id, ...details },
    });
  }
}

function versionConflict(step: PlanStepRecord): DomainError {
  return new DomainError(ErrorCode.VersionConflict, `The step changed since it was read; it is at version ${step.version}`, [
    { field: 'version', message: `the step is at version ${step.version}` },
  ]);
}

/**
 * The step after the change: starting sets the actual start (today unless given), finishing the
 * actual end; actual dates are never in the future, and ranges never end before they start.
 */
export function nextState(step: PlanStepRecord, command: UpdatePlanStepCommand, today: string): PlanStepDates & { status?: PlanStepStatus } {
  const status = command.status ?? step.status;
  if (status !== step.status && !transitions[step.status].includes(status)) {
    throw new DomainError(ErrorCode.IllegalTransition, `A step that is ${step.status} cannot become ${status}`, [
      { field: 'status', message: `allowed from ${step.status}: ${transitions[step.status].join(', ') || 'none'}` },
    ]);
  }
  const started = status === PlanStepStatus.Ongoing || status === PlanStepStatus.Done;
  const actualStart = command.actualStart ?? step.actualStart ?? (started ? today : null);
  const actualEnd = command.actualEnd ?? step.actualEnd ?? (status === PlanStepStatus.Done ? today : null);
  if (actualStart && !started && status !== PlanStepStatus.Cancelled) throw invalid('actualStart', 'needs the step started (ongoing or done)');
  if (actualEnd && status !== PlanStepStatus.Done) throw invalid('actualEnd', 'needs the step done');
  if (actualStart && actualStart > today) throw invalid('actualStart', 'may not be in the future');
  if (actualEnd && actualEnd > today) throw invalid('actualEnd', 'may not be in the future');
  if (actualStart && actualEnd && actualEnd < actualStart) throw invalid('actualEnd', 'may not be before actualStart');
  const plannedStart = command.plannedStart ?? step.plannedStart;
  const plannedEnd = command.plannedEnd === undefined ? step.plannedEnd : command.plannedEnd;
  if (plannedEnd && plannedEnd < plannedStart) throw invalid('plannedEnd', 'may not be before plannedStart');
  return { status, plannedStart, plannedEnd, actualStart, actualEnd };
}
