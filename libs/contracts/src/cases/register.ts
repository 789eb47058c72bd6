import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { CaseTimelineEntryView, CaseView } from './cases';
import { PersonView } from './persons';
import { PlanStepView } from './plans';

export class RegisterExtractQuery {
  @IsUUID()
  caseId!: string;
}

/** One case in a register extract, with everything recorded on it. */
export class RegisterExtractCaseView {
  @ValidateNested()
  @Type(() => CaseView)
  case!: CaseView;

  @IsOptional()
  @IsString()
  ownerOrganisationName!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PlanStepView)
  planSteps!: PlanStepView[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CaseTimelineEntryView)
  timeline!: CaseTimelineEntryView[];
}

/** One access to the person's data: who (staff, unit, organisation), what, why and when. */
export class RegisterExtractAccessView {
  @IsString()
  at!: string;

  @IsUUID()
  staffId!: string;

  @IsUUID()
  unitId!: string;

  @IsUUID()
  organisationId!: string;

  /** From the directory; null when it no longer has the organisation. */
  @IsOptional()
  @IsString()
  organisationName!: string | null;

  @IsOptional()
  @IsString()
  unitName!: string | null;

  @IsString()
  action!: string;

  @IsString()
  outcome!: string;

  @IsOptional()
  @IsString()
  legalBasis!: string | null;

  @IsOptional()
  @IsString()
  purpose!: string | null;
}

/**
 * Registerutdrag (GDPR Art. 15): everything the organisation leading the case stores about its
 * person, their cases with consents, team, plan and timeline, and every access to their data.
 */
export class RegisterExtractView {
  @IsString()
  generatedAt!: string;

  /** The organisation answering: the controller of the cases listed. */
  @IsUUID()
  controllerOrganisationId!: string;

  @IsOptional()
  @IsString()
  controllerName!: string | null;

  @ValidateNested()
  @Type(() => PersonView)
  person!: PersonView;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RegisterExtractCaseView)
  cases!: RegisterExtractCaseView[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RegisterExtractAccessView)
  accesses!: RegisterExtractAccessView[];
}

export class ErasePersonCommand {
  @IsUUID()
  caseId!: string;
}

export class ErasureView {
  @IsUUID()
  personId!: string;

  /** The cases that now keep only their codes. */
  @IsInt()
  casesErased!: number;
}
