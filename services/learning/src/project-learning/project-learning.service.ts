import { Injectable } from '@nestjs/common';
import {
  criticalFactors,
  defaultPageSize,
  DomainError,
  ErrorCode,
  mostIndicatorsPerProject,
  mostMeasurementsPerIndicator,
  type ActorContext,
  type AddIndicatorCommand,
  type AddLessonCommand,
  type CriticalFactorsView,
  type IndicatorView,
  type LessonView,
  type ListLessonsQuery,
  type Page,
  type ProjectRef,
  type RecordMeasurementCommand,
  type SetCriticalFactorsCommand,
  validationFailed,
} from '@samverkan/contracts';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { LearningTransactional } from '../database';
import { ProjectsService } from '../projects/projects.service';
import { ProjectLearningRepository, type LessonRecord } from './project-learning.repository';

const invalid = (field: string, message: string) => validationFailed([{ field, message }]);

/** The first factor assessed twice, as a field path; null when each is assessed once. */
export function repeatedFactor(assessments: readonly { factor: string }[]): string | null {
  const seen = new Set<string>();
  for (const [index, { factor }] of assessments.entries()) {
    if (seen.has(factor)) return `assessments.${index}.factor`;
    seen.add(factor);
  }
  return null;
}

const lessonView = ({ created: _created, ...view }: LessonRecord): LessonView => view;

/**
 * What the region learns from a project: its indicators and their measurements over time, its
 * lessons and its assessment of the critical factors for lasting ordinary practice. Analysts and
 * staff of the project's owner write; every staff member reads.
 */
@Injectable()
export class ProjectLearningService {
  constructor(
    private readonly learning: ProjectLearningRepository,
    private readonly projects: ProjectsService,
  ) {}

  @LearningTransactional()
  async addIndicator(command: AddIndicatorCommand, actor: ActorContext): Promise<IndicatorView> {
    await this.projects.requireChangeable(command.projectId, actor);
    if ((await this.learning.countIndicators(command.projectId)) >= mostIndicatorsPerProject) {
      throw invalid('projectId', `already has ${mostIndicatorsPerProject} indicators, the most a project keeps`);
    }
    return this.learning.addIndicator({
      id: uuidv7(),
      projectId: command.projectId,
      name: command.name,
      unit: command.unit,
      targetValue: command.targetValue ?? null,
      baseline: command.baseline ?? null,
      createdBy: actor.staffId,
    });
  }

  /** Records a value of the indicator and answers the indicator with its whole history. */
  @LearningTransactional()
  async recordMeasurement(command: RecordMeasurementCommand, actor: ActorContext): Promise<IndicatorView> {
    await this.projects.requireChangeable(command.projectId, actor);
    const indicator = await this.requireIndicator(command.projectId, command.indicatorId);
    if (indicator.measurements.length >= mostMeasurementsPerIndicator) {
      throw invalid('indicatorId', `already has ${mostMeasurementsPerIndicator} measurements, the most an indicator keeps`);
    }
    await this.learning.addMeasurement({
      id: uuidv7(),
      indicatorId: indicator.indicatorId,
      date: command.date,
      value: command.value,
      comment: command.comment ?? null,
      recordedBy: actor.staffId,
    });
    return this.requireIndicator(command.projectId, command.indicatorId);
  }

  async listIndicators(query: ProjectRef): Promise<IndicatorView[]> {
    await this.projects.requireProject(query.projectId);
    return this.learning.indicatorsOf(query.projectId);
  }

  @LearningTransactional()
  async addLesson(command: AddLessonCommand, actor: ActorContext): Promise<LessonView> {
    await this.projects.requireChangeable(command.projectId, actor);
    const lesson = await this.learning.addLesson({
      id: uuidv7(),
      projectId: command.projectId,
      text: command.text,
      criticalFactors: criticalFactors.filter((factor) => command.criticalFactors?.includes(factor)),
      recordedBy: actor.staffId,
    });
    return lessonView(lesson);
  }

  async listLessons(query: ListLessonsQuery): Promise<Page<LessonView>> {
    await this.projects.requireProject(query.projectId);
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.learning.lessonsOf(query.projectId, decodeCursor(query.after, isTimeKey), limit + 1);
    return toPage(rows, limit, lessonView, (row) => ({ key: row.createdAt, id: row.lessonId }));
  }

  /** The lesson, or a 400 naming `field`: for evidence that rests on a lesson. */
  async requireLesson(lessonId: string, field: string): Promise<LessonView> {
    const lesson = await this.learning.findLesson(lessonId);
    if (!lesson) {
      throw new DomainError(ErrorCode.LessonNotFound, `No lesson ${lessonId}`, [{ field, message: 'no such lesson' }]);
    }
    return lessonView(lesson);
  }

  /** Replaces the project's assessment of the critical factors; each factor at most once. */
  @LearningTransactional()
  async setCriticalFactors(command: SetCriticalFactorsCommand, actor: ActorContext): Promise<CriticalFactorsView> {
    const repeated = repeatedFactor(command.assessments);
    if (repeated) throw invalid(repeated, 'is assessed twice: give each factor once');
    await this.projects.requireChangeable(command.projectId, actor);
    await this.learning.replaceCriticalFactors(
      command.projectId,
      command.assessments.map((assessment) => ({ factor: assessment.factor, assessment: assessment.assessment, comment: assessment.comment ?? null })),
      actor.staffId,
    );
    return this.criticalFactorsOf(command.projectId);
  }

  async getCriticalFactors(query: ProjectRef): Promise<CriticalFactorsView> {
    await this.projects.requireProject(query.projectId);
    return this.criticalFactorsOf(query.projectId);
  }

  private async criticalFactorsOf(projectId: string): Promise<CriticalFactorsView> {
    const assessments = await this.learning.criticalFactorsOf(projectId);
    const position = (factor: string) => criticalFactors.indexOf(factor as (typeof criticalFactors)[number]);
    return { projectId, assessments: assessments.sort((a, b) => position(a.factor) - position(b.factor)) };
  }

  private async requireIndicator(projectId: string, indicatorId: string): Promise<IndicatorView> {
    const indicator = await this.learning.findIndicator(projectId, indicatorId);
    if (!indicator) {
      throw new DomainError(ErrorCode.IndicatorNotFound, `No indicator ${indicatorId} of project ${projectId}`, [
        { field: 'indicatorId', message: 'no such indicator of the project' },
      ]);
    }
    return indicator;
  }
}
