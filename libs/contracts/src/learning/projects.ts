import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsNotLessThan, IsOmittable } from '../field-rules';
import { municipalityCodes, type MunicipalityCode } from '../municipalities';
import { PageQuery } from '../pagination';

/*
 * The project portfolio: development projects (ESF and others) with their goals, partners and
 * municipalities. A project comes in as the plain text of its page at the Swedish ESF Council,
 * copied from the browser; learning parses it and reports every line it made nothing of.
 */

/** The longest page text one import takes: a long page is some 30 000 characters. */
export const longestEsfPageText = 200_000;

/** The fields of an ESF project page; the report names those a page left empty. */
export const EsfProjectField = {
  ProgrammeArea: 'programmeArea',
  Phase: 'phase',
  Owner: 'owner',
  ContactName: 'contactName',
  ContactEmail: 'contactEmail',
  ContactPhone: 'contactPhone',
  GrantedEsfSupport: 'grantedEsfSupportKronor',
  TotalBudget: 'totalBudgetKronor',
  Period: 'period',
  Region: 'region',
  Summary: 'summary',
  Background: 'background',
  Goals: 'goals',
  TargetGroups: 'targetGroups',
  Accessibility: 'accessibility',
  GenderEquality: 'genderEquality',
  TransnationalCooperation: 'transnationalCooperation',
  Partners: 'partners',
  Municipalities: 'municipalityCodes',
} as const;
export type EsfProjectField = (typeof EsfProjectField)[keyof typeof EsfProjectField];

/** Why a named organisation was kept without a link: no known organisation has the name, or more than one has. */
export const UnmatchedOrganisationReason = { Unknown: 'unknown', Ambiguous: 'ambiguous' } as const;
export type UnmatchedOrganisationReason = (typeof UnmatchedOrganisationReason)[keyof typeof UnmatchedOrganisationReason];

/** An ESF project page to import: its plain text as copied from the browser, furniture and all. */
export class ImportEsfPageBody {
  @IsString()
  @Length(1, longestEsfPageText)
  text!: string;
}

/** One line of the page as it was sent: its number counts from 1, blank lines included. */
export class EsfPageLine {
  @IsInt()
  @Min(1)
  line!: number;

  @IsString()
  text!: string;
}

/** An organisation as the page names it, linked to the directory's organisation when the name is known. */
export class EsfOrganisationRef {
  @IsString()
  name!: string;

  @IsOptional()
  @IsUUID('all')
  organisationId!: string | null;
}

/** The project's period, both days included. */
export class EsfPeriod {
  @IsCalendarDate()
  start!: string;

  @IsCalendarDate()
  @IsNotLessThan('start')
  end!: string;
}

/** What an ESF project page says of the project itself, as parsed and as stored; null where the page says nothing. */
export class EsfProjectFields {
  /**
   * The same project whenever it is imported again: `esf:` and its ärendenummer when the page
   * gives one, else `title:` and its title in lower case with everything but letters and digits
   * made single hyphens.
   */
  @IsString()
  projectKey!: string;

  /** The ESF Council's ärendenummer (diarienummer), e.g. 2013-3046. */
  @IsOptional()
  @IsString()
  projectNumber!: string | null;

  @IsString()
  title!: string;

  /** Programområde, as the page writes it. */
  @IsOptional()
  @IsString()
  programmeArea!: string | null;

  /** Projektfas, as the page writes it (förstudie, genomförande, avslutat…). */
  @IsOptional()
  @IsString()
  phase!: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => EsfOrganisationRef)
  owner!: EsfOrganisationRef | null;

  /** Whole kronor. */
  @IsOptional()
  @IsInt()
  @Min(0)
  grantedEsfSupportKronor!: number | null;

  /** Whole kronor. */
  @IsOptional()
  @IsInt()
  @Min(0)
  totalBudgetKronor!: number | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => EsfPeriod)
  period!: EsfPeriod | null;

  /** The ESF region (Östra Mellansverige), not a municipality. */
  @IsOptional()
  @IsString()
  region!: string | null;

  @IsOptional()
  @IsString()
  summary!: string | null;

  /** The page's summary in English, kept apart from the Swedish text. */
  @IsOptional()
  @IsString()
  summaryEnglish!: string | null;

  @IsOptional()
  @IsString()
  background!: string | null;

  @IsOptional()
  @IsString()
  goals!: string | null;

  /** The page's text about its target groups. */
  @IsOptional()
  @IsString()
  targetGroups!: string | null;

  /** A page that writes about accessibility and gender equality under one heading gives both the same text. */
  @IsOptional()
  @IsString()
  accessibility!: string | null;

  @IsOptional()
  @IsString()
  genderEquality!: string | null;

  @IsOptional()
  @IsString()
  transnationalCooperation!: string | null;

  /** Samarbetspartners, in the page's order. */
  @ValidateNested({ each: true })
  @Type(() => EsfOrganisationRef)
  partners!: EsfOrganisationRef[];

  /** The municipalities the project works in, in code order; Örebro län stands for all twelve. */
  @IsIn(municipalityCodes, { each: true })
  municipalityCodes!: MunicipalityCode[];
}

/** What an ESF project page says; null where the page says nothing. */
export class EsfProjectView extends EsfProjectFields {
  @IsOptional()
  @IsString()
  contactName!: string | null;

  @IsOptional()
  @IsEmail()
  contactEmail!: string | null;

  /** As the page writes it. */
  @IsOptional()
  @IsString()
  contactPhone!: string | null;
}

/** An owner or partner the page names that no known organisation could be linked to. */
export class EsfUnmatchedOrganisation {
  @IsIn([EsfProjectField.Owner, EsfProjectField.Partners])
  field!: typeof EsfProjectField.Owner | typeof EsfProjectField.Partners;

  @IsInt()
  @Min(1)
  line!: number;

  @IsString()
  name!: string;

  @IsIn(Object.values(UnmatchedOrganisationReason))
  reason!: UnmatchedOrganisationReason;
}

/** What the parser did with the lines that gave the project nothing, so that nothing is lost unseen. */
export class EsfPageReport {
  /** Page furniture skipped: logotypes, notices, breadcrumbs, cookie banners, print and share links. */
  @ValidateNested({ each: true })
  @Type(() => EsfPageLine)
  furniture!: EsfPageLine[];

  /**
   * Lines the parser did not recognise: neither a label, a heading, section text, a partner nor a
   * municipality of Örebro län. Under Kommun the text is the name that is no municipality of the
   * county, so "Örebro, Fagersta" reports Fagersta.
   */
  @ValidateNested({ each: true })
  @Type(() => EsfPageLine)
  unrecognised!: EsfPageLine[];

  @ValidateNested({ each: true })
  @Type(() => EsfUnmatchedOrganisation)
  unmatchedOrganisations!: EsfUnmatchedOrganisation[];

  /** Fields the page left out or left empty. */
  @IsIn(Object.values(EsfProjectField), { each: true })
  missing!: EsfProjectField[];
}

/** The answer to an import: the project as parsed, and the report. */
export class ParsedEsfPageView {
  @ValidateNested()
  @Type(() => EsfProjectView)
  project!: EsfProjectView;

  @ValidateNested()
  @Type(() => EsfPageReport)
  report!: EsfPageReport;
}

/**
 * Where a stored project stands. A first import stores it as `imported`; project owners and
 * analysts then move it on: `ongoing` while it runs, `completed` when it ended, and
 * `in_ordinary_practice` when its work lives on in an ordinary organisation, or `discontinued`
 * when it ended without that.
 */
export const ProjectStatus = {
  Imported: 'imported',
  Ongoing: 'ongoing',
  Completed: 'completed',
  InOrdinaryPractice: 'in_ordinary_practice',
  Discontinued: 'discontinued',
} as const;
export type ProjectStatus = (typeof ProjectStatus)[keyof typeof ProjectStatus];

/** The page's fields about its contact person: read from the page, never stored (personal data). */
export const esfContactFields = [EsfProjectField.ContactName, EsfProjectField.ContactEmail, EsfProjectField.ContactPhone] as const;
export type EsfContactField = (typeof esfContactFields)[number];

/** A stored project of the portfolio, as imported. It holds no contact person. */
export class ProjectView extends EsfProjectFields {
  @IsUUID('7')
  projectId!: string;

  @IsIn(Object.values(ProjectStatus))
  status!: ProjectStatus;

  /** 1 when first imported, one more at each import of the same page and at each edit. */
  @IsInt()
  @Min(1)
  version!: number;

  @IsString()
  createdAt!: string;

  @IsString()
  updatedAt!: string;

  /** The staff member who imported the page last. */
  @IsUUID('all')
  importedBy!: string;
}

/** The page's contact details: read, and not stored. */
export class EsfPersonalDataNotStored {
  /** The contact fields the page had. */
  @IsIn(esfContactFields, { each: true })
  fields!: EsfContactField[];

  @IsString()
  message!: string;
}

/** The parser's report on an import, and what of the page was personal data and left out. */
export class ProjectImportReport extends EsfPageReport {
  @ValidateNested()
  @Type(() => EsfPersonalDataNotStored)
  personalDataNotStored!: EsfPersonalDataNotStored;
}

/** The answer to an import: the stored project, whether the import created it, and the report. */
export class ImportedProjectView {
  /** True when the page's project was new; false when an earlier import was updated. */
  @IsBoolean()
  created!: boolean;

  @ValidateNested()
  @Type(() => ProjectView)
  project!: ProjectView;

  @ValidateNested()
  @Type(() => ProjectImportReport)
  report!: ProjectImportReport;
}

/** Projects newest first, optionally those working in a municipality or of a status. */
export class ListProjectsQuery extends PageQuery {
  @IsOmittable()
  @IsIn(municipalityCodes)
  municipalityCode?: MunicipalityCode;

  @IsOmittable()
  @IsIn(Object.values(ProjectStatus))
  status?: ProjectStatus;
}

export class GetProjectQuery {
  @IsUUID('all')
  projectId!: string;
}
