import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { IsCalendarDate, IsNotLessThan, IsOmittable } from '../field-rules';
import { SupportNeed } from '../vocabulary';

/** Where a step of the support plan stands: planned → ongoing → done, or cancelled before it is done. */
export const PlanStepStatus = { Planned: 'planned', Ongoing: 'ongoing', Done: 'done', Cancelled: 'cancelled' } as const;
export type PlanStepStatus = (typeof PlanStepStatus)[keyof typeof PlanStepStatus];

/** A step of the plan: what the person does where, which unit answers for it, and when. */
export class AddPlanStepBody {
  /** A support resource from the actors directory; left out for a step that is not at one. */
  @IsOmittable()
  @IsUUID()
  supportResourceId?: string;

  /** A unit on the case team. */
  @IsUUID()
  responsibleUnitId!: string;

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsIn(Object.values(SupportNeed), { each: true })
  supportNeeds?: SupportNeed[];

  @IsCalendarDate()
  plannedStart!: string;

  @IsOmittable()
  @IsCalendarDate()
  @IsNotLessThan('plannedStart')
  plannedEnd?: string;
}

export class AddPlanStepCommand extends AddPlanStepBody {
  @IsUUID()
  caseId!: string;
}

/**
 * Moves a step on, or changes its dates; leave out what stays. Starting sets the actual start
 * (today when not given), finishing the actual end. `version` is the one read: a step changed
 * by someone else since answers 409.
 */
export class UpdatePlanStepBody {
  @IsInt()
  @Min(1)
  version!: number;

  @IsOmittable()
  @IsIn(Object.values(PlanStepStatus))
  status?: PlanStepStatus;

  @IsOmittable()
  @IsCalendarDate()
  plannedStart?: string;

  @IsOptional()
  @IsCalendarDate()
  @IsNotLessThan('plannedStart')
  plannedEnd?: string | null;

  @IsOmittable()
  @IsCalendarDate()
  actualStart?: string;

  @IsOmittable()
  @IsCalendarDate()
  @IsNotLessThan('actualStart')
  actualEnd?: string;
}

export class UpdatePlanStepCommand extends UpdatePlanStepBody {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  stepId!: string;
}

export class ListPlanStepsQuery {
  @IsUUID()
  caseId!: string;
}

export class PlanStepView {
  @IsUUID()
  id!: string;

  @IsUUID()
  caseId!: string;

  @IsOptional()
  @IsUUID()
  supportResourceId!: string | null;

  @IsUUID()
  responsibleUnitId!: string;

  @IsUUID()
  responsibleOrganisationId!: string;

  @IsIn(Object.values(SupportNeed), { each: true })
  supportNeeds!: SupportNeed[];

  @IsString()
  plannedStart!: string;

  @IsOptional()
  @IsString()
  plannedEnd!: string | null;

  @IsOptional()
  @IsString()
  actualStart!: string | null;

  @IsOptional()
  @IsString()
  actualEnd!: string | null;

  @IsIn(Object.values(PlanStepStatus))
  status!: PlanStepStatus;

  @IsInt()
  version!: number;
}
