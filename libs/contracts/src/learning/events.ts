import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { ObstacleEvidenceKind, structuralObstacleCategories, type StructuralObstacleCategory } from './obstacles';
import { ProjectStatus } from './projects';

/*
 * Learning's events carry ids and codes only: no titles, no descriptions, no free text, so that
 * nothing written about a project or an obstacle travels beyond learning.
 */

/** A project as it stands after an import or an edit; the highest version wins. */
export class ProjectStateData {
  @IsUUID()
  projectId!: string;

  @IsIn(Object.values(ProjectStatus))
  status!: ProjectStatus;

  @IsOptional()
  @IsUUID()
  ownerOrganisationId!: string | null;

  /** The partners linked to known organisations; partners known by name only are left out. */
  @IsArray()
  @IsUUID('all', { each: true })
  partnerOrganisationIds!: string[];

  @IsArray()
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes!: MunicipalityCode[];

  @IsInt()
  @Min(1)
  version!: number;

  /** The fields an edit changed (field names, not values); absent after an import. */
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  changedFields?: string[];
}

export class ObstacleRecordedData {
  @IsUUID()
  obstacleId!: string;

  @IsIn(structuralObstacleCategories)
  category!: StructuralObstacleCategory;

  @IsArray()
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes!: MunicipalityCode[];

  @IsOptional()
  @IsUUID()
  projectId!: string | null;

  /** The kinds of the evidence it was recorded with, one per piece. */
  @IsArray()
  @IsIn(Object.values(ObstacleEvidenceKind), { each: true })
  evidenceKinds!: ObstacleEvidenceKind[];

  /** The obstacle candidate of the referral flow it was confirmed from, when it was. */
  @IsOptional()
  @IsUUID()
  candidateId!: string | null;
}
