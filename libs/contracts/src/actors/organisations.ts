import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable, IsSwedishPhoneNumber, IsSwedishPostalCode, QueryBoolean } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { IsOrganisationNumber } from '../organisation-number';
import { PageQuery } from '../pagination';
import { OrganisationType } from '../vocabulary';

/** A Swedish postal address. */
export class AddressDto {
  @IsString()
  @Length(1, 200)
  street!: string;

  @IsSwedishPostalCode()
  postalCode!: string;

  @IsString()
  @Length(1, 100)
  city!: string;
}

// ---------------------------------------------------------------------------------------------
// Organisations

export class CreateOrganisationBody {
  @IsString()
  @Length(2, 200)
  name!: string;

  @IsIn(Object.values(OrganisationType))
  type!: OrganisationType;

  @IsOrganisationNumber()
  organisationNumber!: string;

  /** The municipalities it serves: official SCB codes; a county-wide organisation lists all twelve. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes!: MunicipalityCode[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  website?: string | null;

  /**
   * False for an actor outside the network (a company, a foundation, an agency elsewhere): it has no
   * staff here, referrals can still go to it, and the sender records its answers. True if left out.
   */
  @IsOmittable()
  @IsBoolean()
  inNetwork?: boolean;
}

/** The body is the whole command: who acts travels in the caller assertion, never in a payload. */
export class CreateOrganisationCommand extends CreateOrganisationBody {}

/** What an organisation's administrators and coordinators may change; a field left out stays. */
export class UpdateOrganisationBody {
  @IsOmittable()
  @IsString()
  @Length(2, 200)
  name?: string;

  /** To correct the number, or to fill it in for an entry made before the directory kept them. */
  @IsOmittable()
  @IsOrganisationNumber()
  organisationNumber?: string;

  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes?: MunicipalityCode[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  website?: string | null;

  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @IsOmittable()
  @IsBoolean()
  inNetwork?: boolean;
}

export class UpdateOrganisationCommand extends UpdateOrganisationBody {
  @IsUUID()
  organisationId!: string;
}

export class ListOrganisationsQuery extends PageQuery {
  @IsOmittable()
  @IsIn(Object.values(OrganisationType))
  type?: OrganisationType;

  /** Organisations that serve this municipality. */
  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
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

  /** Null only for entries made before the directory kept organisation numbers. */
  @IsOptional()
  @IsString()
  organisationNumber!: string | null;

  @IsIn(municipalityCodes, { each: true })
  municipalityCodes!: MunicipalityCode[];

  @IsOptional()
  @IsString()
  description!: string | null;

  @IsOptional()
  @IsString()
  website!: string | null;

  @IsBoolean()
  active!: boolean;

  /** False for an actor outside the network, whose referral answers the sender records. */
  @IsBoolean()
  inNetwork!: boolean;

  @IsInt()
  @Min(1)
  version!: number;

  @IsString()
  createdAt!: string;

  @IsString()
  updatedAt!: string;
}

// ---------------------------------------------------------------------------------------------
// Units

export class CreateUnitBody {
  @IsString()
  @Length(2, 200)
  name!: string;

  /** Where the unit works, when it is one municipality; null for a unit serving the whole county. */
  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode | null;

  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @IsOptional()
  @IsSwedishPhoneNumber()
  phone?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;
}

export class CreateUnitCommand extends CreateUnitBody {
  @IsUUID()
  organisationId!: string;
}

export class UpdateUnitBody {
  @IsOmittable()
  @IsString()
  @Length(2, 200)
  name?: string;

  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode | null;

  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @IsOptional()
  @IsSwedishPhoneNumber()
  phone?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class UpdateUnitCommand extends UpdateUnitBody {
  @IsUUID()
  unitId!: string;
}

export class ListUnitsQuery extends PageQuery {
  @IsOmittable()
  @IsUUID()
  organisationId?: string;

  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class GetUnitQuery {
  @IsUUID()
  unitId!: string;
}

export class UnitView {
  @IsUUID()
  id!: string;

  @IsUUID()
  organisationId!: string;

  @IsString()
  name!: string;

  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode | null;

  @IsOptional()
  @IsString()
  email!: string | null;

  @IsOptional()
  @IsString()
  phone!: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto | null;

  @IsBoolean()
  active!: boolean;

  @IsInt()
  @Min(1)
  version!: number;
}
