import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { IsOmittable } from '../field-rules';

/*
 * Rebuilding a projection: its stream is replayed into the service's history of the facts it
 * projects (idempotently: what is known already is kept), and the projection is derived from that
 * history again, while the service keeps running. A run reports its progress as it goes.
 */

/** The projections that can be rebuilt, by the names operators use. */
export const ProjectionName = {
  /** Learning's referral facts, which every statistic of the flow is counted from. */
  ReferralFacts: 'referral-facts',
} as const;
export type ProjectionName = (typeof ProjectionName)[keyof typeof ProjectionName];
export const projectionNames = Object.values(ProjectionName);

export const ProjectionRunStatus = { Running: 'running', Completed: 'completed', Failed: 'failed' } as const;
export type ProjectionRunStatus = (typeof ProjectionRunStatus)[keyof typeof ProjectionRunStatus];

export class RebuildProjectionBody {
  /** Replay only the events the stream received from this instant on; the whole stream when left out. */
  @IsOmittable()
  @IsISO8601({ strict: true })
  since?: string;
}

export class RebuildProjectionCommand extends RebuildProjectionBody {
  @IsIn(projectionNames)
  projection!: ProjectionName;
}

export class GetProjectionRunQuery {
  @IsUUID()
  runId!: string;
}

export class ProjectionRunView {
  @IsUUID()
  id!: string;

  @IsIn(projectionNames)
  projection!: ProjectionName;

  @IsOptional()
  @IsISO8601()
  since!: string | null;

  @IsIn(Object.values(ProjectionRunStatus))
  status!: ProjectionRunStatus;

  /** Events under the projection's subjects in the stream when the replay began. */
  @IsInt()
  @Min(0)
  eventsTotal!: number;

  @IsInt()
  @Min(0)
  eventsRead!: number;

  /** Events the replay could not read (not valid); the live consumer dead-letters those. */
  @IsInt()
  @Min(0)
  eventsInvalid!: number;

  /** Transitions the replay found missing from the history and added. */
  @IsInt()
  @Min(0)
  transitionsAdded!: number;

  /** Referrals in the projection once it was derived from the history again. */
  @IsOptional()
  @IsInt()
  referrals!: number | null;

  /** Facts the rebuild found different from the history and put right (0 when the projection was right). */
  @IsOptional()
  @IsInt()
  factsCorrected!: number | null;

  @IsOptional()
  @IsString()
  error!: string | null;

  @IsUUID()
  requestedBy!: string;

  @IsISO8601()
  startedAt!: string;

  @IsISO8601()
  updatedAt!: string;

  @IsOptional()
  @IsISO8601()
  finishedAt!: string | null;
}
