import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageQuery } from '../pagination';
import { OrganisationType } from '../vocabulary';

export class CreateOrganisationBody {
  @IsString()
  @Length(2, 200)
  name!: string;

  @IsIn(Object.values(OrganisationType))
  type!: OrganisationType;

  /** Required for municipalities and their units; optional for county-wide organisations. */
  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;
}

/** The body is the whole command: who acts travels in the caller assertion, never in a payload. */
export class CreateOrganisationCommand extends CreateOrganisationBody {}

export class ListOrganisationsQuery extends PageQuery {
  @IsOptional()
  @IsIn(Object.values(OrganisationType))
  type?: OrganisationType;

  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;
}

export class GetOrganisationQuery {
  @IsUUID()
  organisationId!: string;
}

export class OrganisationView {
  @IsUUID()
  id!: string;

  @IsString()
  name!: string;

  @IsIn(Object.values(OrganisationType))
  type!: OrganisationType;

  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode | null;

  @IsString()
  createdAt!: string;
}
