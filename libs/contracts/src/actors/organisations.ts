import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { ActorContext } from '../actor-context';
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

export class CreateOrganisationCommand extends CreateOrganisationBody {
  @ValidateNested()
  @Type(() => ActorContext)
  actor!: ActorContext;
}

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
