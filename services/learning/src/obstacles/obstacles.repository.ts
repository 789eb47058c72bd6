import { Injectable } from '@nestjs/common';
import type { EvidenceView, MunicipalityCode, ObstacleEvidenceKind, ObstacleView, StructuralObstacleCategory } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';
import type { Prisma } from '../generated/prisma/client';

export interface ObstacleFilter {
  category?: StructuralObstacleCategory;
  municipalityCode?: MunicipalityCode;
  projectId?: string;
  /** The newest-first page continues after this obstacle. */
  after?: Cursor;
  take: number;
}

export interface NewEvidence {
  id: string;
  kind: ObstacleEvidenceKind;
  projectId: string | null;
  lessonId: string | null;
  candidateId: string | null;
  url: string | null;
  summary: string;
  recordedBy: string;
}

export interface NewObstacle {
  id: string;
  category: StructuralObstacleCategory;
  description: string;
  /** In code order. */
  municipalityCodes: MunicipalityCode[];
  projectId: string | null;
  recordedBy: string;
  evidence: NewEvidence[];
}

const withParts = {
  municipalities: { orderBy: { municipalityCode: 'asc' } },
  evidence: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.StructuralObstacleInclude;

type ObstacleRow = Prisma.StructuralObstacleGetPayload<{ include: typeof withParts }>;

function evidenceView(row: ObstacleRow['evidence'][number]): EvidenceView {
  return {
    evidenceId: row.id,
    kind: row.kind as ObstacleEvidenceKind,
    projectId: row.projectId,
    lessonId: row.lessonId,
    candidateId: row.candidateId,
    url: row.url,
    summary: row.summary,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

function obstacleView(row: ObstacleRow): ObstacleView {
  return {
    obstacleId: row.id,
    category: row.category as StructuralObstacleCategory,
    description: row.description,
    municipalityCodes: row.municipalities.map((municipality) => municipality.municipalityCode as MunicipalityCode),
    projectId: row.projectId,
    evidence: row.evidence.map(evidenceView),
    recordedBy: row.recordedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Structural obstacles with where they are met and the evidence they rest on. */
@Injectable()
export class ObstaclesRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async add(obstacle: NewObstacle): Promise<ObstacleView> {
    const now = new Date();
    await this.db.structuralObstacle.create({
      data: {
        id: obstacle.id,
        category: obstacle.category,
        description: obstacle.description,
        projectId: obstacle.projectId,
        recordedBy: obstacle.recordedBy,
        createdAt: now,
        updatedAt: now,
      },
    });
    await this.db.structuralObstacleMunicipality.createMany({
      data: obstacle.municipalityCodes.map((municipalityCode) => ({ obstacleId: obstacle.id, municipalityCode })),
    });
    await this.addEvidence(obstacle.id, obstacle.evidence, now);
    return this.require(obstacle.id);
  }

  /** Adds evidence in the order given (a millisecond apart, so that order is kept when read back). */
  async addEvidence(obstacleId: string, evidence: NewEvidence[], now = new Date()): Promise<void> {
    await this.db.obstacleEvidence.createMany({
      data: evidence.map((item, index) => ({ ...item, obstacleId, createdAt: new Date(now.getTime() + index) })),
    });
    await this.db.structuralObstacle.update({ where: { id: obstacleId }, data: { updatedAt: now } });
  }

  async countEvidence(obstacleId: string): Promise<number> {
    return this.db.obstacleEvidence.count({ where: { obstacleId } });
  }

  async find(obstacleId: string): Promise<ObstacleView | null> {
    const row = await this.db.structuralObstacle.findUnique({ where: { id: obstacleId }, include: withParts });
    return row ? obstacleView(row) : null;
  }

  /** Newest first, by creation time and then id. */
  async list(filter: ObstacleFilter): Promise<ObstacleView[]> {
    const after = filter.after;
    const rows = await this.db.structuralObstacle.findMany({
      where: {
        ...(filter.category ? { category: filter.category } : {}),
        ...(filter.projectId ? { projectId: filter.projectId } : {}),
        ...(filter.municipalityCode ? { municipalities: { some: { municipalityCode: filter.municipalityCode } } } : {}),
        ...(after ? { OR: [{ createdAt: { lt: new Date(after.key) } }, { createdAt: new Date(after.key), id: { lt: after.id } }] } : {}),
      },
      include: withParts,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
    });
    return rows.map(obstacleView);
  }

  private async require(obstacleId: string): Promise<ObstacleView> {
    const view = await this.find(obstacleId);
    if (!view) throw new Error(`the obstacle ${obstacleId} could not be read back`);
    return view;
  }
}
