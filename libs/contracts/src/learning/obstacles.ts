import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageQuery } from '../pagination';

/*
 * Structural obstacles: what in the system itself (rules, money, mandates, secrecy…) keeps people
 * from getting the support they need, found in projects and in the referral flow, each with the
 * evidence it rests on. An obstacle describes the system, never a person.
 */

/** The taxonomy of structural obstacles. */
export const StructuralObstacleCategory = {
  Regulation: 'regulation',
  Financing: 'financing',
  MandateGap: 'mandate_gap',
  SecrecyAndDataSharing: 'secrecy_and_data_sharing',
  Accessibility: 'accessibility',
  Capacity: 'capacity',
  CommutingAndTransport: 'commuting_and_transport',
  Language: 'language',
  Discrimination: 'discrimination',
  Other: 'other',
} as const;
export type StructuralObstacleCategory = (typeof StructuralObstacleCategory)[keyof typeof StructuralObstacleCategory];
export const structuralObstacleCategories = Object.values(StructuralObstacleCategory);

/**
 * What an obstacle rests on: a project of the portfolio, one of its lessons, a pattern found in the
 * referral flow (the obstacle candidate's id), or a document at a URL.
 */
export const ObstacleEvidenceKind = { Project: 'project', Lesson: 'lesson', ReferralFlow: 'referral_flow', Document: 'document' } as const;
export type ObstacleEvidenceKind = (typeof ObstacleEvidenceKind)[keyof typeof ObstacleEvidenceKind];

/** The reference each kind of evidence carries, and only that kind. */
export const evidenceReferenceField = {
  [ObstacleEvidenceKind.Project]: 'projectId',
  [ObstacleEvidenceKind.Lesson]: 'lessonId',
  [ObstacleEvidenceKind.ReferralFlow]: 'candidateId',
  [ObstacleEvidenceKind.Document]: 'url',
} as const satisfies Record<ObstacleEvidenceKind, string>;

export const longestObstacleDescription = 4_000;
export const longestEvidenceSummary = 1_000;
export const mostEvidencePerObstacle = 100;

/** Given only for evidence of `kind`: the reference field of another kind is refused, naming it. */
function OnlyForKind(kind: ObstacleEvidenceKind): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'onlyForKind',
      target: target.constructor,
      propertyName: propertyKey.toString(),
      constraints: [kind],
      options: { message: `$property belongs to evidence of kind ${kind} only` },
      validator: { validate: (_value: unknown, args: ValidationArguments) => (args.object as { kind?: unknown }).kind === kind },
    });
}

const required = (kind: ObstacleEvidenceKind, field: string) => (object: Record<string, unknown>) => object['kind'] === kind || object[field] !== undefined;

/** One piece of evidence: its kind, the reference that kind takes, and a short summary (never about a person). */
export class AddEvidenceBody {
  @IsIn(Object.values(ObstacleEvidenceKind))
  kind!: ObstacleEvidenceKind;

  @ValidateIf(required(ObstacleEvidenceKind.Project, 'projectId'))
  @OnlyForKind(ObstacleEvidenceKind.Project)
  @IsUUID('all')
  projectId?: string;

  @ValidateIf(required(ObstacleEvidenceKind.Lesson, 'lessonId'))
  @OnlyForKind(ObstacleEvidenceKind.Lesson)
  @IsUUID('all')
  lessonId?: string;

  /** The obstacle candidate found in the referral flow. */
  @ValidateIf(required(ObstacleEvidenceKind.ReferralFlow, 'candidateId'))
  @OnlyForKind(ObstacleEvidenceKind.ReferralFlow)
  @IsUUID('all')
  candidateId?: string;

  @ValidateIf(required(ObstacleEvidenceKind.Document, 'url'))
  @OnlyForKind(ObstacleEvidenceKind.Document)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @Length(1, 2_000)
  url?: string;

  @IsString()
  @Length(1, longestEvidenceSummary)
  summary!: string;
}

export class AddEvidenceCommand extends AddEvidenceBody {
  @IsUUID('all')
  obstacleId!: string;
}

/** A structural obstacle to record, optionally of a project and with its first evidence. */
export class RecordObstacleBody {
  @IsIn(structuralObstacleCategories)
  category!: StructuralObstacleCategory;

  @IsString()
  @Length(1, longestObstacleDescription)
  description!: string;

  /** Where the obstacle is met; none when it holds for the whole county or is not bound to a place. */
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes?: MunicipalityCode[];

  /** The project the obstacle was found in; its owner may then record and add evidence. */
  @IsOmittable()
  @IsUUID('all')
  projectId?: string;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(mostEvidencePerObstacle)
  @ValidateNested({ each: true })
  @Type(() => AddEvidenceBody)
  evidence?: AddEvidenceBody[];
}

export class EvidenceView {
  @IsUUID('7')
  evidenceId!: string;

  @IsIn(Object.values(ObstacleEvidenceKind))
  kind!: ObstacleEvidenceKind;

  @IsOptional()
  @IsUUID('all')
  projectId!: string | null;

  @IsOptional()
  @IsUUID('all')
  lessonId!: string | null;

  @IsOptional()
  @IsUUID('all')
  candidateId!: string | null;

  @IsOptional()
  @IsString()
  url!: string | null;

  @IsString()
  summary!: string;

  @IsUUID('all')
  recordedBy!: string;

  @IsString()
  createdAt!: string;
}

export class ObstacleView {
  @IsUUID('7')
  obstacleId!: string;

  @IsIn(structuralObstacleCategories)
  category!: StructuralObstacleCategory;

  @IsString()
  description!: string;

  /** In code order. */
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes!: MunicipalityCode[];

  @IsOptional()
  @IsUUID('all')
  projectId!: string | null;

  /** In the order added. */
  @ValidateNested({ each: true })
  @Type(() => EvidenceView)
  evidence!: EvidenceView[];

  @IsUUID('all')
  recordedBy!: string;

  @IsString()
  createdAt!: string;

  @IsString()
  updatedAt!: string;
}

/** Obstacles newest first, optionally of a category, met in a municipality, or found in a project. */
export class ListObstaclesQuery extends PageQuery {
  @IsOmittable()
  @IsIn(structuralObstacleCategories)
  category?: StructuralObstacleCategory;

  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOmittable()
  @IsUUID('all')
  projectId?: string;
}

export class GetObstacleQuery {
  @IsUUID('all')
  obstacleId!: string;
}
