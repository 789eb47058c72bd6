import {
  esfContactFields,
  ProjectStatus,
  type EsfOrganisationRef,
  type EsfPageReport,
  type EsfProjectView,
  type MunicipalityCode,
  type ProjectImportReport,
  type ProjectView,
} from '@samverkan/contracts';

/** What is stored of a parsed page: everything but its contact person. */
export interface ProjectContent {
  projectKey: string;
  projectNumber: string | null;
  title: string;
  programmeArea: string | null;
  phase: string | null;
  owner: EsfOrganisationRef | null;
  grantedEsfSupportKronor: number | null;
  totalBudgetKronor: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  region: string | null;
  summary: string | null;
  summaryEnglish: string | null;
  background: string | null;
  goals: string | null;
  targetGroups: string | null;
  accessibility: string | null;
  genderEquality: string | null;
  transnationalCooperation: string | null;
  partners: EsfOrganisationRef[];
  municipalityCodes: MunicipalityCode[];
}

/** A stored project as the repository reads it back. */
export interface ProjectRecord extends ProjectContent {
  id: string;
  status: ProjectStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  importedBy: string;
}

/** The parsed page without its contact person (name, e-mail, phone), which is never stored. */
export function projectContent(project: EsfProjectView): ProjectContent {
  return {
    projectKey: project.projectKey,
    projectNumber: project.projectNumber,
    title: project.title,
    programmeArea: project.programmeArea,
    phase: project.phase,
    owner: project.owner,
    grantedEsfSupportKronor: project.grantedEsfSupportKronor,
    totalBudgetKronor: project.totalBudgetKronor,
    periodStart: project.period?.start ?? null,
    periodEnd: project.period?.end ?? null,
    region: project.region,
    summary: project.summary,
    summaryEnglish: project.summaryEnglish,
    background: project.background,
    goals: project.goals,
    targetGroups: project.targetGroups,
    accessibility: project.accessibility,
    genderEquality: project.genderEquality,
    transnationalCooperation: project.transnationalCooperation,
    partners: project.partners,
    municipalityCodes: project.municipalityCodes,
  };
}

export const personalDataNotStoredMessage =
  "The page's contact person (name, e-mail, phone) was read and not stored: it is personal data. Contact the project through its owner or its page at the ESF Council.";

/** The parser's report, with the contact fields the page had, read and left out. */
export function importReport(project: EsfProjectView, report: EsfPageReport): ProjectImportReport {
  return {
    ...report,
    personalDataNotStored: { fields: esfContactFields.filter((field) => project[field] !== null), message: personalDataNotStoredMessage },
  };
}

export function projectView(record: ProjectRecord): ProjectView {
  return {
    projectId: record.id,
    projectKey: record.projectKey,
    projectNumber: record.projectNumber,
    title: record.title,
    programmeArea: record.programmeArea,
    phase: record.phase,
    owner: record.owner,
    grantedEsfSupportKronor: record.grantedEsfSupportKronor,
    totalBudgetKronor: record.totalBudgetKronor,
    period: record.periodStart !== null && record.periodEnd !== null ? { start: record.periodStart, end: record.periodEnd } : null,
    region: record.region,
    summary: record.summary,
    summaryEnglish: record.summaryEnglish,
    background: record.background,
    goals: record.goals,
    targetGroups: record.targetGroups,
    accessibility: record.accessibility,
    genderEquality: record.genderEquality,
    transnationalCooperation: record.transnationalCooperation,
    partners: record.partners,
    municipalityCodes: record.municipalityCodes,
    status: record.status,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    importedBy: record.importedBy,
  };
}
