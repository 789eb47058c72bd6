import { Injectable } from '@nestjs/common';
import {
  assertRole,
  defaultPageSize,
  DomainError,
  ErrorCode,
  EventType,
  mostEvidencePerObstacle,
  ObstacleEvidenceKind,
  RecordObstacleBody,
  StaffRole,
  validatePayload,
  type ActorContext,
  type AddEvidenceBody,
  type AddEvidenceCommand,
  type GetObstacleQuery,
  type ListObstaclesQuery,
  type MunicipalityCode,
  type ObstacleView,
  type Page,
  type StructuralObstacleCategory,
  validationFailed,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { LearningTransactional } from '../database';
import { ProjectLearningService } from '../project-learning/project-learning.service';
import { inCodeOrder } from '../projects/esf-page.names';
import { assertMayChangeProject } from '../projects/project-editing';
import { ProjectsService } from '../projects/projects.service';
import { ObstaclesRepository, type NewEvidence } from './obstacles.repository';

/** An obstacle an analyst confirmed from a candidate found in the referral flow. */
export interface ObstacleFromFlow {
  category: StructuralObstacleCategory;
  description: string;
  municipalityCodes: MunicipalityCode[];
  /** The obstacle candidate (a uuid) the evidence points at. */
  candidateId: string;
  /** What the candidate showed, briefly and about the flow, never about a person. */
  summary: string;
}

export const obstacleNotFound = (obstacleId: string) =>
  new DomainError(ErrorCode.ObstacleNotFound, `No obstacle ${obstacleId}`, [{ field: 'obstacleId', message: 'no such obstacle' }]);

const forbiddenWithoutProject = () =>
  new DomainError(ErrorCode.Forbidden, 'Only analysts record obstacles that belong to no project; staff of a project owner record those of their project');

/**
 * Structural obstacles of a coded category, found in projects and in the referral flow, each with
 * the evidence it rests on. Analysts record any; staff of a project's owner record those of their
 * project and add evidence to them; every staff member reads. Each obstacle recorded is announced
 * by an event of ids and codes.
 */
@Injectable()
export class ObstaclesService {
  constructor(
    private readonly obstacles: ObstaclesRepository,
    private readonly projects: ProjectsService,
    private readonly learning: ProjectLearningService,
    private readonly outbox: Outbox,
  ) {}

  @LearningTransactional()
  async record(command: RecordObstacleBody, actor: ActorContext): Promise<ObstacleView> {
    if (command.projectId !== undefined) {
      const project = await this.projects.requireProject(command.projectId);
      assertMayChangeProject(actor, project);
    } else if (!actor.roles.includes(StaffRole.Analyst)) {
      throw forbiddenWithoutProject();
    }
    const evidence = await this.checkedEvidence(command.evidence ?? [], 'evidence', actor);
    return this.persist(command, evidence, actor);
  }

  /**
   * Records an obstacle an analyst confirmed from an obstacle candidate of the referral flow, with
   * one piece of evidence of kind `referral_flow` pointing at the candidate. For the other parts
   * of learning: it joins the caller's transaction when one is open (so the confirmation and the
   * obstacle commit together), else runs in its own. The input is validated as a request would
   * be, naming the field.
   */
  @LearningTransactional()
  async recordFromFlow(input: ObstacleFromFlow, actor: ActorContext): Promise<ObstacleView> {
    assertRole(actor, StaffRole.Analyst);
    const command = validatePayload(RecordObstacleBody, {
      category: input.category,
      description: input.description,
      municipalityCodes: input.municipalityCodes,
      evidence: [{ kind: ObstacleEvidenceKind.ReferralFlow, candidateId: input.candidateId, summary: input.summary }],
    });
    const evidence = await this.checkedEvidence(command.evidence ?? [], 'evidence', actor);
    return this.persist(command, evidence, actor);
  }

  @LearningTransactional()
  async addEvidence(command: AddEvidenceCommand, actor: ActorContext): Promise<ObstacleView> {
    const obstacle = await this.obstacles.find(command.obstacleId);
    if (!obstacle) throw obstacleNotFound(command.obstacleId);
    if (obstacle.projectId === null) assertRole(actor, StaffRole.Analyst);
    else assertMayChangeProject(actor, await this.projects.requireProject(obstacle.projectId));
    if ((await this.obstacles.countEvidence(obstacle.obstacleId)) >= mostEvidencePerObstacle) {
      throw validationFailed([{ field: 'obstacleId', message: `already has ${mostEvidencePerObstacle} pieces of evidence, the most an obstacle keeps` }]);
    }
    const { obstacleId: _obstacleId, ...body } = command;
    const [evidence] = await this.checkedEvidence([body], null, actor);
    await this.obstacles.addEvidence(obstacle.obstacleId, evidence ? [evidence] : []);
    const updated = await this.obstacles.find(obstacle.obstacleId);
    if (!updated) throw obstacleNotFound(command.obstacleId);
    return updated;
  }

  async list(query: ListObstaclesQuery): Promise<Page<ObstacleView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.obstacles.list({
      category: query.category,
      municipalityCode: query.municipalityCode,
      projectId: query.projectId,
      after: decodeCursor(query.after, isTimeKey),
      take: limit + 1,
    });
    return toPage(
      rows,
      limit,
      (row) => row,
      (row) => ({ key: row.createdAt, id: row.obstacleId }),
    );
  }

  async get(query: GetObstacleQuery): Promise<ObstacleView> {
    const obstacle = await this.obstacles.find(query.obstacleId);
    if (!obstacle) throw obstacleNotFound(query.obstacleId);
    return obstacle;
  }

  private async persist(command: RecordObstacleBody, evidence: NewEvidence[], actor: ActorContext): Promise<ObstacleView> {
    const obstacle = await this.obstacles.add({
      id: uuidv7(),
      category: command.category,
      description: command.description,
      municipalityCodes: inCodeOrder(command.municipalityCodes ?? []),
      projectId: command.projectId ?? null,
      recordedBy: actor.staffId,
      evidence,
    });
    await this.outbox.add(
      EventType.ObstacleRecorded,
      { type: 'obstacle', id: obstacle.obstacleId },
      {
        obstacleId: obstacle.obstacleId,
        category: obstacle.category,
        municipalityCodes: obstacle.municipalityCodes,
        projectId: obstacle.projectId,
        evidenceKinds: obstacle.evidence.map((item) => item.kind),
        candidateId: obstacle.evidence.find((item) => item.candidateId !== null)?.candidateId ?? null,
      },
    );
    return obstacle;
  }

  /**
   * The evidence to store, once what it points at is known to exist: a project or a lesson of the
   * portfolio (a 404 naming the field otherwise). A candidate of the referral flow is taken by its id.
   */
  private async checkedEvidence(items: readonly AddEvidenceBody[], parent: string | null, actor: ActorContext): Promise<NewEvidence[]> {
    const checked: NewEvidence[] = [];
    for (const [index, item] of items.entries()) {
      const field = (name: string) => (parent === null ? name : `${parent}.${index}.${name}`);
      if (item.kind === ObstacleEvidenceKind.Project && item.projectId) await this.projects.requireProject(item.projectId, field('projectId'));
      if (item.kind === ObstacleEvidenceKind.Lesson && item.lessonId) await this.learning.requireLesson(item.lessonId, field('lessonId'));
      checked.push({
        id: uuidv7(),
        kind: item.kind,
        projectId: item.projectId ?? null,
        lessonId: item.lessonId ?? null,
        candidateId: item.candidateId ?? null,
        url: item.url ?? null,
        summary: item.summary,
        recordedBy: actor.staffId,
      });
    }
    return checked;
  }
}
