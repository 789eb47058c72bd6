import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageQuery } from '../pagination';
import { structuralObstacleCategories, type StructuralObstacleCategory } from './obstacles';

/*
 * Structural obstacles suggested by the referral flow: when a rule's count crosses its threshold
 * for one municipality, kind of support (the need it addresses) and quarter, learning proposes a
 * candidate with the numbers behind it, for an analyst to confirm (which records the obstacle,
 * with the candidate as its evidence) or dismiss.
 */

/** The patterns looked for, each pointing at a category of the taxonomy. */
export const ObstacleCandidateRule = {
  /** Many referrals declined for lack of places: capacity. */
  NoCapacityDeclines: 'no_capacity_declines',
  /** Many declined as not eligible: rules that keep people out (regulation). */
  NotEligibleDeclines: 'not_eligible_declines',
  /** Many left unanswered until they expired: nobody's task (a mandate gap between organisations). */
  ExpiredUnanswered: 'expired_unanswered',
} as const;
export type ObstacleCandidateRule = (typeof ObstacleCandidateRule)[keyof typeof ObstacleCandidateRule];

export const ObstacleCandidateStatus = { Proposed: 'proposed', Confirmed: 'confirmed', Dismissed: 'dismissed' } as const;
export type ObstacleCandidateStatus = (typeof ObstacleCandidateStatus)[keyof typeof ObstacleCandidateStatus];

export class ListObstacleCandidatesQuery extends PageQuery {
  @IsOmittable()
  @IsIn(Object.values(ObstacleCandidateStatus))
  status?: ObstacleCandidateStatus;

  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOmittable()
  @IsIn(Object.values(ObstacleCandidateRule))
  rule?: ObstacleCandidateRule;
}

export class ConfirmObstacleCandidateBody {
  /** The candidate's version as read: a candidate whose figures moved since is a 409. */
  @IsInt()
  @Min(1)
  version!: number;

  /** The obstacle's description; one is written from the figures when left out. */
  @IsOmittable()
  @IsString()
  @Length(1, 4000)
  description?: string;
}

export class DismissObstacleCandidateBody {
  @IsInt()
  @Min(1)
  version!: number;

  /** Why it is no structural obstacle (about the flow, never about a person). */
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export const ObstacleCandidateDecision = { Confirm: 'confirm', Dismiss: 'dismiss' } as const;
export type ObstacleCandidateDecision = (typeof ObstacleCandidateDecision)[keyof typeof ObstacleCandidateDecision];

/** A confirmation or a dismissal; a dismissal needs its reason. */
export class DecideObstacleCandidateCommand extends ConfirmObstacleCandidateBody {
  @IsUUID()
  candidateId!: string;

  @IsIn(Object.values(ObstacleCandidateDecision))
  decision!: ObstacleCandidateDecision;

  @IsOmittable()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ObstacleCandidateView {
  @IsUUID()
  id!: string;

  @IsIn(Object.values(ObstacleCandidateRule))
  rule!: ObstacleCandidateRule;

  @IsIn(structuralObstacleCategories)
  category!: StructuralObstacleCategory;

  /** Where the persons live. */
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  /** The need the support resource addresses (`none` for referrals without one). */
  @IsString()
  need!: string;

  /** `2026-Q3`, by the day the referrals were sent. */
  @IsString()
  quarter!: string;

  /** Referrals the rule counts … */
  @IsInt()
  count!: number;

  /** … of the referrals of that municipality, need and quarter. */
  @IsInt()
  basis!: number;

  @IsNumber()
  share!: number;

  /** The fewest the rule needed. */
  @IsInt()
  threshold!: number;

  @IsIn(Object.values(ObstacleCandidateStatus))
  status!: ObstacleCandidateStatus;

  @IsISO8601()
  detectedAt!: string;

  @IsISO8601()
  updatedAt!: string;

  @IsOptional()
  @IsUUID()
  decidedBy!: string | null;

  @IsOptional()
  @IsISO8601()
  decidedAt!: string | null;

  /** The obstacle recorded when it was confirmed. */
  @IsOptional()
  @IsUUID()
  obstacleId!: string | null;

  @IsOptional()
  @IsString()
  dismissalReason!: string | null;

  @IsInt()
  version!: number;
}
