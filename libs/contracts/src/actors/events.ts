import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { OrganisationType } from '../vocabulary';

export class OrganisationCreatedData {
  @IsUUID()
  organisationId!: string;

  @IsIn(Object.values(OrganisationType))
  type!: OrganisationType;

  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode | null;
}
