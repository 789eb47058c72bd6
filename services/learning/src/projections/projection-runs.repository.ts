import { Injectable } from '@nestjs/common';
import { ProjectionRunStatus, type ProjectionName, type ProjectionRunView } from '@samverkan/contracts';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';
import type { ProjectionRun } from '../generated/prisma/client';

/** A run that has not reported progress for this long died with its replica. */
export const abandonedRunAfterMs = 2 * 60 * 1000;

export interface RunProgress {
  eventsTotal?: number;
  eventsRead?: number;
  eventsInvalid?: number;
  transitionsAdded?: number;
}

function view(row: ProjectionRun): ProjectionRunView {
  const abandoned = row.status === ProjectionRunStatus.Running && Date.now() - row.updatedAt.getTime() > abandonedRunAfterMs;
  return {
    id: row.id,
    projection: row.projection as ProjectionName,
    since: row.since?.toISOString() ?? null,
    status: abandoned ? ProjectionRunStatus.Failed : (row.status as ProjectionRunStatus),
    eventsTotal: row.eventsTotal,
    eventsRead: row.eventsRead,
    eventsInvalid: row.eventsInvalid,
    transitionsAdded: row.transitionsAdded,
    referrals: row.referrals,
    factsCorrected: row.factsCorrected,
    error: abandoned ? 'the run stopped reporting progress (its replica stopped)' : row.error,
    requestedBy: row.requestedBy,
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ProjectionRunsRepository {
  constructor(@InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /**
   * Starts a run unless one of the same projection is still running (and alive): the insert and
   * the check are one statement, so two requests at once cannot both start one.
   */
  async startUnlessRunning(run: { id: string; projection: ProjectionName; since: Date | null; requestedBy: string }): Promise<ProjectionRunView | null> {
    const started = await this.db.$queryRaw<Array<{ id: string }>>`
      INSERT INTO projection_runs (id, projection, since, status, requested_by)
      SELECT ${run.id}::uuid, ${run.projection}, ${run.since}, ${ProjectionRunStatus.Running}, ${run.requestedBy}::uuid
       WHERE NOT EXISTS (SELECT 1 FROM projection_runs WHERE projection = ${run.projection} AND status = ${ProjectionRunStatus.Running}
                           AND updated_at > now() - make_interval(secs => ${abandonedRunAfterMs / 1000}))
      RETURNING id`;
    return started.length > 0 ? this.find(run.id) : null;
  }

  async progress(id: string, progress: RunProgress): Promise<void> {
    await this.db.projectionRun.update({ where: { id }, data: { ...progress, updatedAt: new Date() } });
  }

  async finish(id: string, outcome: { referrals: number; factsCorrected: number } | { error: string }): Promise<void> {
    const now = new Date();
    await this.db.projectionRun.update({
      where: { id },
      data:
        'error' in outcome
          ? { status: ProjectionRunStatus.Failed, error: outcome.error, updatedAt: now, finishedAt: now }
          : { status: ProjectionRunStatus.Completed, ...outcome, updatedAt: now, finishedAt: now },
    });
  }

  async find(id: string): Promise<ProjectionRunView | null> {
    const row = await this.db.projectionRun.findUnique({ where: { id } });
    return row ? view(row) : null;
  }
}
