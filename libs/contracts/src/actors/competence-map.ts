import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { SupportNeed } from '../vocabulary';

export class GetCompetenceMapQuery {
  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  /** Count only this organisation's staff. */
  @IsOmittable()
  @IsUUID()
  organisationId?: string;
}

/** One support need in one municipality: how often open cases record it, how many staff can meet it. */
export class CompetenceMapRowView {
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsIn(Object.values(SupportNeed))
  need!: SupportNeed;

  /** Open cases in the municipality that record the need (counts only, from cases' events). */
  @IsInt()
  cases!: number;

  /** Active staff working in the municipality who hold a competence addressing the need. */
  @IsInt()
  competentStaff!: number;

  /** The competences that address the need. */
  @IsString({ each: true })
  competences!: string[];

  /** Cases per competent staff member; null when no one holds the competence. */
  @IsOptional()
  @IsNumber()
  casesPerCompetentStaff!: number | null;
}

export class CompetenceMapView {
  @ValidateNested({ each: true })
  @Type(() => CompetenceMapRowView)
  rows!: CompetenceMapRowView[];

  /**
   * The competence-development needs: needs recorded at least `minimumCases` times where few
   * hold the competence, the largest gap first (no one competent, then most cases per person).
   */
  @ValidateNested({ each: true })
  @Type(() => CompetenceMapRowView)
  developmentNeeds!: CompetenceMapRowView[];

  @IsInt()
  minimumCases!: number;
}
