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
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable, IsSwedishPhoneNumber, QueryBoolean } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { IsOrganisationNumber } from '../organisation-number';
import { PageQuery } from '../pagination';
import { EmployerSupport, WorkplaceAdaptation, WorkplaceOffer } from '../vocabulary';
import { AddressDto } from './organisations';

/**
 * A workplace that can receive people, kept in the directory by the organisation that works
 * with the employer (Arbetsförmedlingen, a municipality's labour-market unit, Jobbcentrum). The
 * employer is named by its organisation number; contact details are the workplace's, never a
 * private person's.
 */
export class CreateWorkplaceBody {
  @IsString()
  @Length(2, 200)
  employerName!: string;

  @IsOrganisationNumber()
  employerOrganisationNumber!: string;

  /** The workplace itself, e.g. a store, a warehouse, a kitchen. */
  @IsString()
  @Length(2, 200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(Object.values(WorkplaceOffer), { each: true })
  offers!: WorkplaceOffer[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(WorkplaceAdaptation), { each: true })
  adaptations?: WorkplaceAdaptation[];

  /** What the employer needs in order to receive a person with a disability. */
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(EmployerSupport), { each: true })
  supportNeeded?: EmployerSupport[];

  /** People it can receive at once. */
  @IsInt()
  @Min(0)
  @Max(1000)
  places!: number;

  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @IsOptional()
  @IsSwedishPhoneNumber()
  phone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}

export class CreateWorkplaceCommand extends CreateWorkplaceBody {}

export class UpdateWorkplaceBody {
  @IsOmittable()
  @IsString()
  @Length(2, 200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(Object.values(WorkplaceOffer), { each: true })
  offers?: WorkplaceOffer[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(WorkplaceAdaptation), { each: true })
  adaptations?: WorkplaceAdaptation[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(EmployerSupport), { each: true })
  supportNeeded?: EmployerSupport[];

  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1000)
  places?: number;

  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @IsOptional()
  @IsSwedishPhoneNumber()
  phone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class UpdateWorkplaceCommand extends UpdateWorkplaceBody {
  @IsUUID()
  workplaceId!: string;
}

export class GetWorkplaceQuery {
  @IsUUID()
  workplaceId!: string;
}

export class ListWorkplacesQuery extends PageQuery {
  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOmittable()
  @IsIn(Object.values(WorkplaceOffer))
  offer?: WorkplaceOffer;

  /** Workplaces that make this adaptation. */
  @IsOmittable()
  @IsIn(Object.values(WorkplaceAdaptation))
  adaptation?: WorkplaceAdaptation;

  /** Workplaces that need this support from us to receive someone. */
  @IsOmittable()
  @IsIn(Object.values(EmployerSupport))
  supportNeeded?: EmployerSupport;

  /** Words in the employer's or the workplace's name or industry. */
  @IsOmittable()
  @IsString()
  @Length(2, 100)
  q?: string;

  /** The organisation that keeps the entries. */
  @IsOmittable()
  @IsUUID()
  organisationId?: string;

  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class WorkplaceView {
  @IsUUID()
  id!: string;

  @IsUUID()
  organisationId!: string;

  @IsString()
  employerName!: string;

  @IsString()
  employerOrganisationNumber!: string;

  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  industry!: string | null;

  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto | null;

  @IsIn(Object.values(WorkplaceOffer), { each: true })
  offers!: WorkplaceOffer[];

  @IsIn(Object.values(WorkplaceAdaptation), { each: true })
  adaptations!: WorkplaceAdaptation[];

  @IsIn(Object.values(EmployerSupport), { each: true })
  supportNeeded!: EmployerSupport[];

  @IsInt()
  places!: number;

  @IsOptional()
  @IsString()
  email!: string | null;

  @IsOptional()
  @IsString()
  phone!: string | null;

  @IsOptional()
  @IsString()
  description!: string | null;

  @IsBoolean()
  active!: boolean;

  @IsInt()
  @Min(1)
  version!: number;
}
