import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO6391,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { catalogueCodePattern, IsOmittable, QueryBoolean } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageQuery } from '../pagination';
import { StaffRole } from '../vocabulary';

const codeMessage = { message: '$property must be catalogue codes (lower-case letters, digits, underscores)' };

export class CreateStaffMemberBody {
  /** A unit of the acting staff member's own organisation. */
  @IsUUID()
  unitId!: string;

  @IsString()
  @Length(2, 100)
  displayName!: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(Object.values(StaffRole), { each: true })
  roles!: StaffRole[];

  /** ISO 639-1 codes of the languages the staff member speaks with clients. */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsISO6391({ each: true })
  languages?: string[];

  /** Codes from the competence catalogue (`GET /competences`). */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(catalogueCodePattern, { each: true, ...codeMessage })
  competences?: string[];
}

export class CreateStaffMemberCommand extends CreateStaffMemberBody {}

export class UpdateStaffMemberBody {
  @IsOmittable()
  @IsUUID()
  unitId?: string;

  @IsOmittable()
  @IsString()
  @Length(2, 100)
  displayName?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(Object.values(StaffRole), { each: true })
  roles?: StaffRole[];

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsISO6391({ each: true })
  languages?: string[];

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(catalogueCodePattern, { each: true, ...codeMessage })
  competences?: string[];

  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class UpdateStaffMemberCommand extends UpdateStaffMemberBody {
  @IsUUID()
  staffId!: string;
}

export class GetStaffMemberQuery {
  @IsUUID()
  staffId!: string;
}

export class ListStaffMembersQuery extends PageQuery {
  @IsOmittable()
  @IsUUID()
  organisationId?: string;

  @IsOmittable()
  @IsUUID()
  unitId?: string;

  @IsOmittable()
  @IsIn(Object.values(StaffRole))
  role?: StaffRole;

  @IsOmittable()
  @Matches(catalogueCodePattern, codeMessage)
  competence?: string;

  @IsOmittable()
  @IsISO6391()
  language?: string;

  /** Staff of units in this municipality, or of county-wide units of organisations serving it. */
  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class StaffMemberView {
  @IsUUID()
  id!: string;

  @IsString()
  displayName!: string;

  @IsUUID()
  organisationId!: string;

  @IsUUID()
  unitId!: string;

  @IsString()
  unitName!: string;

  @IsOptional()
  @IsString()
  email!: string | null;

  @IsIn(Object.values(StaffRole), { each: true })
  roles!: StaffRole[];

  @IsString({ each: true })
  languages!: string[];

  @IsString({ each: true })
  competences!: string[];

  @IsBoolean()
  active!: boolean;

  @IsInt()
  @Min(1)
  version!: number;
}
