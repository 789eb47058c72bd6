import {
  DomainError,
  ErrorCode,
  StaffRole,
  type ActorContext,
  type EsfOrganisationRef,
  type ProjectStateData,
  type ProjectStatus,
  type UpdateProjectBody,
} from '@samverkan/contracts';
import { inCodeOrder, type OrganisationMatch } from './esf-page.names';
import type { ProjectContent, ProjectRecord } from './project-record';

/*
 * Who may change a project, and what an edit makes of it. Pure, so the rules are tested without a
 * database.
 */

/** An analyst of any organisation, or staff of the organisation that owns the project. */
export function mayChangeProject(actor: ActorContext, project: Pick<ProjectRecord, 'owner'>): boolean {
  if (actor.roles.includes(StaffRole.Analyst)) return true;
  const owner = project.owner?.organisationId ?? null;
  return owner !== null && owner === actor.organisationId;
}

export function assertMayChangeProject(actor: ActorContext, project: Pick<ProjectRecord, 'id' | 'owner'>): void {
  if (!mayChangeProject(actor, project)) {
    throw new DomainError(ErrorCode.Forbidden, `Only analysts and staff of the project's owner may change project ${project.id}`);
  }
}

export function projectVersionConflict(project: Pick<ProjectRecord, 'version'>): DomainError {
  return new DomainError(ErrorCode.VersionConflict, `The project changed since it was read; it is at version ${project.version}`, [
    { field: 'version', message: `the project is at version ${project.version}` },
  ]);
}

/** The project's fields an edit may change, as the edit and the events name them. */
const contentFields = [
  'title',
  'projectNumber',
  'programmeArea',
  'phase',
  'grantedEsfSupportKronor',
  'totalBudgetKronor',
  'region',
  'summary',
  'summaryEnglish',
  'background',
  'goals',
  'targetGroups',
  'accessibility',
  'genderEquality',
  'transnationalCooperation',
] as const satisfies readonly (keyof ProjectContent & keyof UpdateProjectBody)[];

export interface ProjectEdit {
  content: ProjectContent;
  status: ProjectStatus;
  /** The fields whose value the edit changed, in a stable order; empty when it changed nothing. */
  changedFields: string[];
}

/**
 * What the edit makes of the project: fields left out stay, null empties. Partners and the owner
 * are linked by `match`, as an import links them. Only an analyst may move a project to another
 * owner: an owner could otherwise give a project away, or take one.
 */
export function editProject(record: ProjectRecord, edit: UpdateProjectBody, actor: ActorContext, match: (name: string) => OrganisationMatch): ProjectEdit {
  const content: ProjectContent = { ...record, partners: [...record.partners], municipalityCodes: [...record.municipalityCodes] };
  const changed = new Set<string>();
  const set = <K extends keyof ProjectContent>(field: K, value: ProjectContent[K], name: string = field) => {
    if (JSON.stringify(content[field]) !== JSON.stringify(value)) changed.add(name);
    content[field] = value;
  };

  for (const field of contentFields) {
    const value = edit[field];
    if (value !== undefined) set(field, value as ProjectContent[typeof field]);
  }
  if (edit.period !== undefined) {
    set('periodStart', edit.period?.start ?? null, 'period');
    set('periodEnd', edit.period?.end ?? null, 'period');
  }
  if (edit.ownerName !== undefined) {
    const owner: EsfOrganisationRef | null = edit.ownerName === null ? null : { name: edit.ownerName, organisationId: match(edit.ownerName).organisationId };
    if (JSON.stringify(owner) !== JSON.stringify(record.owner) && !actor.roles.includes(StaffRole.Analyst)) {
      throw new DomainError(ErrorCode.Forbidden, 'Only an analyst may move a project to another owner', [
        { field: 'ownerName', message: 'only an analyst may change the owner' },
      ]);
    }
    set('owner', owner, 'ownerName');
  }
  if (edit.partners !== undefined) {
    set(
      'partners',
      edit.partners.map((name) => ({ name, organisationId: match(name).organisationId })),
    );
  }
  if (edit.municipalityCodes !== undefined) set('municipalityCodes', inCodeOrder(edit.municipalityCodes));
  const status = edit.status ?? record.status;
  if (status !== record.status) changed.add('status');

  const order = [...contentFields, 'period', 'ownerName', 'partners', 'municipalityCodes', 'status'] as string[];
  return { content, status, changedFields: order.filter((field) => changed.has(field)) };
}

/** What learning's project events carry: ids and codes, never the project's texts. */
export function projectStateData(record: ProjectRecord, changedFields?: string[]): ProjectStateData {
  return {
    projectId: record.id,
    status: record.status,
    ownerOrganisationId: record.owner?.organisationId ?? null,
    partnerOrganisationIds: [...new Set(record.partners.flatMap((partner) => (partner.organisationId === null ? [] : [partner.organisationId])))],
    municipalityCodes: record.municipalityCodes,
    version: record.version,
    ...(changedFields ? { changedFields } : {}),
  };
}
