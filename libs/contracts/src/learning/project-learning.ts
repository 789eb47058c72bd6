import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageQuery } from '../pagination';
import { EsfPeriod, ProjectStatus } from './projects';

/*
 * What the region learns from a project: its results over time, its lessons, and how far it has
 * what it takes to become lasting ordinary practice. All of it is about the project's work, never
 * about a person: no names, no participants.
 */

/** The longest name of a partner or owner an edit takes. */
export const longestOrganisationName = 200;
/** The longest free text of a project field an edit takes. */
export const longestProjectText = 20_000;
/** The longest comment on a measurement or an assessment. */
export const longestLearningComment = 1_000;
/** The longest lesson. */
export const longestLessonText = 4_000;

/**
 * A change to a project by an analyst or its owner: fields left out stay, null empties an
 * optional field. `version` is the version read; a stale one is refused (409). The project key
 * never changes. Partners and the owner are given by name and linked to known organisations as
 * an import links them; partners and municipalities given replace the earlier ones.
 */
export class UpdateProjectBody {
  @IsInt()
  @Min(1)
  version!: number;

  @IsOmittable()
  @IsString()
  @Length(1, 500)
  title?: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  projectNumber?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  programmeArea?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  phase?: string | null;

  /** The owning organisation's name; only an analyst may move a project to another owner. */
  @IsOptional()
  @IsString()
  @Length(1, longestOrganisationName)
  ownerName?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  grantedEsfSupportKronor?: number | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  totalBudgetKronor?: number | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => EsfPeriod)
  period?: EsfPeriod | null;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  region?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, longestProjectText)
  summary?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, longestProjectText)
  summaryEnglish?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, longestProjectText)
  background?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, longestProjectText)
  goals?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, longestProjectText)
  targetGroups?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, longestProjectText)
  accessibility?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, longestProjectText)
  genderEquality?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, longestProjectText)
  transnationalCooperation?: string | null;

  @IsOmittable()
  @IsIn(Object.values(ProjectStatus))
  status?: ProjectStatus;

  /** The partners' names in order; each is linked to a known organisation when one has the name. */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, longestOrganisationName, { each: true })
  partners?: string[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes?: MunicipalityCode[];
}

export class UpdateProjectCommand extends UpdateProjectBody {
  @IsUUID('all')
  projectId!: string;
}

/** A project the request is about, by its id in the path. */
export class ProjectRef {
  @IsUUID('all')
  projectId!: string;
}

// ---------------------------------------------------------------------------------------------
// Results and indicators over time

/** A number the project follows over time, e.g. participants who went on to work, in per cent. */
export class AddIndicatorBody {
  @IsString()
  @Length(1, 200)
  name!: string;

  /** What the values count: "deltagare", "procent", "kronor"… */
  @IsString()
  @Length(1, 50)
  unit!: string;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  targetValue?: number | null;

  /** The value before the project started, when known. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline?: number | null;
}

export class AddIndicatorCommand extends AddIndicatorBody {
  @IsUUID('all')
  projectId!: string;
}

/** One value of an indicator on a day; the comment is about the project, never about a person. */
export class RecordMeasurementBody {
  @IsCalendarDate()
  date!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @IsOptional()
  @IsString()
  @Length(1, longestLearningComment)
  comment?: string | null;
}

export class RecordMeasurementCommand extends RecordMeasurementBody {
  @IsUUID('all')
  projectId!: string;

  @IsUUID('all')
  indicatorId!: string;
}

export class MeasurementView {
  @IsUUID('7')
  measurementId!: string;

  @IsCalendarDate()
  date!: string;

  @IsNumber()
  value!: number;

  @IsOptional()
  @IsString()
  comment!: string | null;

  @IsUUID('all')
  recordedBy!: string;

  @IsString()
  recordedAt!: string;
}

/** An indicator with its measurements in date order (the same day in the order recorded). */
export class IndicatorView {
  @IsUUID('7')
  indicatorId!: string;

  @IsUUID('all')
  projectId!: string;

  @IsString()
  name!: string;

  @IsString()
  unit!: string;

  @IsOptional()
  @IsNumber()
  targetValue!: number | null;

  @IsOptional()
  @IsNumber()
  baseline!: number | null;

  @IsUUID('all')
  createdBy!: string;

  @IsString()
  createdAt!: string;

  @ValidateNested({ each: true })
  @Type(() => MeasurementView)
  measurements!: MeasurementView[];
}

/** The most indicators one project keeps, so that reading them with their history stays one answer. */
export const mostIndicatorsPerProject = 50;
/** The most measurements one indicator keeps. */
export const mostMeasurementsPerIndicator = 500;

// ---------------------------------------------------------------------------------------------
// Critical factors for lasting ordinary practice

/** What it takes to turn a project into lasting ordinary practice (implementation research's usual list). */
export const CriticalFactor = {
  OwnershipInOrdinaryOrganisation: 'ownership_in_ordinary_organisation',
  FinancingAfterProject: 'financing_after_project',
  ManagementMandate: 'management_mandate',
  SharedGoals: 'shared_goals',
  WorkingMethodsDocumented: 'working_methods_documented',
  CompetenceRetained: 'competence_retained',
  FollowUpAndEvaluation: 'follow_up_and_evaluation',
  ParticipantInvolvement: 'participant_involvement',
  CooperationAgreement: 'cooperation_agreement',
  Other: 'other',
} as const;
export type CriticalFactor = (typeof CriticalFactor)[keyof typeof CriticalFactor];
export const criticalFactors = Object.values(CriticalFactor);

/** How far the project has a factor. */
export const FactorAssessment = { Present: 'present', Partly: 'partly', Missing: 'missing' } as const;
export type FactorAssessment = (typeof FactorAssessment)[keyof typeof FactorAssessment];

export class CriticalFactorAssessmentBody {
  @IsIn(criticalFactors)
  factor!: CriticalFactor;

  @IsIn(Object.values(FactorAssessment))
  assessment!: FactorAssessment;

  @IsOptional()
  @IsString()
  @Length(1, longestLearningComment)
  comment?: string | null;
}

/** The project's whole assessment: it replaces the earlier one; a factor left out is not assessed. */
export class SetCriticalFactorsBody {
  @IsArray()
  @ArrayMaxSize(criticalFactors.length)
  @ValidateNested({ each: true })
  @Type(() => CriticalFactorAssessmentBody)
  assessments!: CriticalFactorAssessmentBody[];
}

export class SetCriticalFactorsCommand extends SetCriticalFactorsBody {
  @IsUUID('all')
  projectId!: string;
}

export class CriticalFactorAssessmentView {
  @IsIn(criticalFactors)
  factor!: CriticalFactor;

  @IsIn(Object.values(FactorAssessment))
  assessment!: FactorAssessment;

  @IsOptional()
  @IsString()
  comment!: string | null;

  @IsUUID('all')
  assessedBy!: string;

  @IsString()
  assessedAt!: string;
}

/** A project's assessment, in the order of the list of factors. */
export class CriticalFactorsView {
  @IsUUID('all')
  projectId!: string;

  @ValidateNested({ each: true })
  @Type(() => CriticalFactorAssessmentView)
  assessments!: CriticalFactorAssessmentView[];
}

// ---------------------------------------------------------------------------------------------
// Lessons learned

/** What the project's work taught, and the critical factors it bears on. Never about a person. */
export class AddLessonBody {
  @IsString()
  @Length(1, longestLessonText)
  text!: string;

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(criticalFactors, { each: true })
  criticalFactors?: CriticalFactor[];
}

export class AddLessonCommand extends AddLessonBody {
  @IsUUID('all')
  projectId!: string;
}

export class LessonView {
  @IsUUID('7')
  lessonId!: string;

  @IsUUID('all')
  projectId!: string;

  @IsString()
  @MaxLength(longestLessonText)
  text!: string;

  @IsIn(criticalFactors, { each: true })
  criticalFactors!: CriticalFactor[];

  @IsUUID('all')
  recordedBy!: string;

  @IsString()
  createdAt!: string;
}

/** A project's lessons, newest first. */
export class ListLessonsQuery extends PageQuery {
  @IsUUID('all')
  projectId!: string;
}
