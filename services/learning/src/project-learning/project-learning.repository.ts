import { Injectable } from '@nestjs/common';
import type { CriticalFactor, CriticalFactorAssessmentView, FactorAssessment, IndicatorView, LessonView, MeasurementView } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';
import type { Prisma } from '../generated/prisma/client';

const withMeasurements = {
  measurements: { orderBy: [{ measuredOn: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.ProjectIndicatorInclude;

type IndicatorRow = Prisma.ProjectIndicatorGetPayload<{ include: typeof withMeasurements }>;
type MeasurementRow = IndicatorRow['measurements'][number];
type LessonRow = Prisma.ProjectLessonGetPayload<object>;

const day = (date: Date): string => date.toISOString().slice(0, 10);

function measurementView(row: MeasurementRow): MeasurementView {
  return {
    measurementId: row.id,
    date: day(row.measuredOn),
    value: row.value,
    comment: row.comment,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}

function indicatorView(row: IndicatorRow): IndicatorView {
  return {
    indicatorId: row.id,
    projectId: row.projectId,
    name: row.name,
    unit: row.unit,
    targetValue: row.targetValue,
    baseline: row.baseline,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    measurements: row.measurements.map(measurementView),
  };
}

export interface LessonRecord extends LessonView {
  created: Date;
}

function lessonRecord(row: LessonRow): LessonRecord {
  return {
    lessonId: row.id,
    projectId: row.projectId,
    text: row.text,
    criticalFactors: row.criticalFactors as CriticalFactor[],
    recordedBy: row.recordedBy,
    createdAt: row.createdAt.toISOString(),
    created: row.createdAt,
  };
}

export interface NewIndicator {
  id: string;
  projectId: string;
  name: string;
  unit: string;
  targetValue: number | null;
  baseline: number | null;
  createdBy: string;
}

export interface NewMeasurement {
  id: string;
  indicatorId: string;
  date: string;
  value: number;
  comment: string | null;
  recordedBy: string;
}

export interface NewAssessment {
  factor: CriticalFactor;
  assessment: FactorAssessment;
  comment: string | null;
}

/** A project's indicators and their measurements, its lessons and its critical factors. */
@Injectable()
export class ProjectLearningRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async countIndicators(projectId: string): Promise<number> {
    return this.db.projectIndicator.count({ where: { projectId } });
  }

  async addIndicator(indicator: NewIndicator): Promise<IndicatorView> {
    const row = await this.db.projectIndicator.create({ data: indicator, include: withMeasurements });
    return indicatorView(row);
  }

  async findIndicator(projectId: string, indicatorId: string): Promise<IndicatorView | null> {
    const row = await this.db.projectIndicator.findFirst({ where: { id: indicatorId, projectId }, include: withMeasurements });
    return row ? indicatorView(row) : null;
  }

  /** The project's indicators in the order they were added, each with its measurements in date order. */
  async indicatorsOf(projectId: string): Promise<IndicatorView[]> {
    const rows = await this.db.projectIndicator.findMany({ where: { projectId }, include: withMeasurements, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(indicatorView);
  }

  async addMeasurement(measurement: NewMeasurement): Promise<void> {
    await this.db.indicatorMeasurement.create({
      data: {
        id: measurement.id,
        indicatorId: measurement.indicatorId,
        measuredOn: new Date(`${measurement.date}T00:00:00Z`),
        value: measurement.value,
        comment: measurement.comment,
        recordedBy: measurement.recordedBy,
      },
    });
  }

  async addLesson(lesson: { id: string; projectId: string; text: string; criticalFactors: CriticalFactor[]; recordedBy: string }): Promise<LessonRecord> {
    return lessonRecord(await this.db.projectLesson.create({ data: lesson }));
  }

  async findLesson(lessonId: string): Promise<LessonRecord | null> {
    const row = await this.db.projectLesson.findUnique({ where: { id: lessonId } });
    return row ? lessonRecord(row) : null;
  }

  /** Newest first, by creation time and then id. */
  async lessonsOf(projectId: string, after: Cursor | undefined, take: number): Promise<LessonRecord[]> {
    const rows = await this.db.projectLesson.findMany({
      where: {
        projectId,
        ...(after ? { OR: [{ createdAt: { lt: new Date(after.key) } }, { createdAt: new Date(after.key), id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
    return rows.map(lessonRecord);
  }

  /** Replaces the project's whole assessment. */
  async replaceCriticalFactors(projectId: string, assessments: NewAssessment[], assessedBy: string): Promise<void> {
    await this.db.projectCriticalFactor.deleteMany({ where: { projectId } });
    await this.db.projectCriticalFactor.createMany({
      data: assessments.map((assessment) => ({ projectId, ...assessment, assessedBy, assessedAt: new Date() })),
    });
  }

  async criticalFactorsOf(projectId: string): Promise<CriticalFactorAssessmentView[]> {
    const rows = await this.db.projectCriticalFactor.findMany({ where: { projectId } });
    return rows.map((row) => ({
      factor: row.factor as CriticalFactor,
      assessment: row.assessment as FactorAssessment,
      comment: row.comment,
      assessedBy: row.assessedBy,
      assessedAt: row.assessedAt.toISOString(),
    }));
  }
}
