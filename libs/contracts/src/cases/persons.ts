import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { IsOmittable } from '../field-rules';
import { IsSwedishIdentityNumber } from '../identity';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageQuery } from '../pagination';
import { Gender } from '../vocabulary';

/** A person's name as written: letters, spaces, hyphens and apostrophes, no control characters. */
export const personNamePattern = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

/** What staff may correct about a person; leave out what stays. */
export class RectifyPersonBody {
  /** A wrongly recorded number; refused when another person already has it (merge them instead). */
  @IsOmittable()
  @IsSwedishIdentityNumber()
  personnummer?: string;

  /** Null removes the name. Not stored under protected identity. */
  @IsOptional()
  @IsString()
  @Length(2, 200)
  @Matches(personNamePattern, { message: 'name must be letters, spaces, hyphens and apostrophes' })
  name?: string | null;

  @IsOmittable()
  @IsIn(Object.values(Gender))
  gender?: Gender;

  /** The municipality of residence; null when unknown. Not stored under protected identity. */
  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode | null;

  @IsOmittable()
  @IsBoolean()
  protectedIdentity?: boolean;
}

export class RectifyPersonCommand extends RectifyPersonBody {
  @IsUUID()
  caseId!: string;
}

export class GetPersonQuery {
  @IsUUID()
  caseId!: string;
}

/**
 * The person behind a case, to the units on its team. Under protected identity only the lead
 * unit sees the number; the name and the municipality of residence are never stored then.
 */
export class PersonView {
  @IsUUID()
  id!: string;

  /** The canonical 12 digits, YYYYMMDD-NNNN; null when hidden from this unit. */
  @IsOptional()
  @IsString()
  personnummer!: string | null;

  @IsBoolean()
  coordinationNumber!: boolean;

  @IsOptional()
  @IsString()
  name!: string | null;

  @IsIn(Object.values(Gender))
  gender!: Gender;

  @IsOptional()
  @IsIn(municipalityCodes)
  municipalityCode!: MunicipalityCode | null;

  @IsBoolean()
  protectedIdentity!: boolean;

  /** Five birth years, e.g. `1990-1994`. */
  @IsString()
  birthYearBand!: string;
}

export const DuplicateStatus = { Proposed: 'proposed', Merged: 'merged', Dismissed: 'dismissed' } as const;
export type DuplicateStatus = (typeof DuplicateStatus)[keyof typeof DuplicateStatus];

/** The proposals about persons whose cases the staff member's unit leads, newest first. */
export class ListDuplicatesQuery extends PageQuery {
  @IsOmittable()
  @IsIn(Object.values(DuplicateStatus))
  status?: DuplicateStatus;
}

export class DuplicateCaseView {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  personId!: string;
}

/** Two persons with different numbers, the same name and the same birth date. */
export class DuplicateView {
  @IsUUID()
  id!: string;

  @IsUUID()
  personId!: string;

  @IsUUID()
  otherPersonId!: string;

  /** The cases of either person that the staff member's unit leads: where to look at both. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DuplicateCaseView)
  cases!: DuplicateCaseView[];

  @IsIn(Object.values(DuplicateStatus))
  status!: DuplicateStatus;

  @IsString()
  proposedAt!: string;

  @IsOptional()
  @IsUUID()
  keptPersonId!: string | null;
}

export class MergeDuplicateBody {
  /** The person who stays, with the number that is right; the other's cases move to them and the other's identity is deleted. */
  @IsUUID()
  keepPersonId!: string;
}

export class MergeDuplicateCommand extends MergeDuplicateBody {
  @IsUUID()
  duplicateId!: string;
}

export class DismissDuplicateCommand {
  @IsUUID()
  duplicateId!: string;
}
