import { Injectable } from '@nestjs/common';
import {
  assertRole,
  defaultPageSize,
  EventType,
  ProjectStatus,
  StaffRole,
  type ActorContext,
  type GetProjectQuery,
  type ImportEsfPageBody,
  type ImportedProjectView,
  type ListProjectsQuery,
  type Page,
  type ProjectView,
  type UpdateProjectCommand,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { LearningTransactional } from '../database';
import { OrganisationsService } from '../organisations/organisations.service';
import { organisationMatcher } from './esf-page.names';
import { parseEsfProjectPage } from './esf-page.parser';
import { assertMayChangeProject, editProject, projectStateData, projectVersionConflict } from './project-editing';
import { importReport, projectContent, projectView, type ProjectRecord } from './project-record';
import { projectNotFound, unreadablePage } from './projects.errors';
import { ProjectsRepository } from './projects.repository';

/**
 * The project portfolio: ESF projects imported from the text of their pages, without the page's
 * contact person. Analysts import; analysts and the project's owner edit; every staff member reads.
 * Each import and edit is announced by an event of ids and codes.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly organisations: OrganisationsService,
    private readonly outbox: Outbox,
  ) {}

  /** Creates the page's project, or updates the one with its key; an unreadable page writes nothing. */
  @LearningTransactional()
  async importPage(command: ImportEsfPageBody, actor: ActorContext): Promise<ImportedProjectView> {
    assertRole(actor, StaffRole.Analyst);
    const known = await this.organisations.names();
    const parsed = parseEsfProjectPage(command.text, {
      organisations: known.map((organisation) => ({ id: organisation.organisationId, name: organisation.name })),
    });
    if (!parsed.ok) throw unreadablePage(parsed.errors);

    const { record, created } = await this.projects.upsert(uuidv7(), projectContent(parsed.project), ProjectStatus.Imported, actor.staffId);
    await this.outbox.add(EventType.ProjectImported, { type: 'project', id: record.id }, projectStateData(record));
    return { created, project: projectView(record), report: importReport(parsed.project, parsed.report) };
  }

  async list(query: ListProjectsQuery): Promise<Page<ProjectView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.projects.list({
      municipalityCode: query.municipalityCode,
      status: query.status,
      after: decodeCursor(query.after, isTimeKey),
      take: limit + 1,
    });
    return toPage(rows, limit, projectView, (row) => ({ key: row.createdAt.toISOString(), id: row.id }));
  }

  async get(query: GetProjectQuery): Promise<ProjectView> {
    const record = await this.projects.findById(query.projectId);
    if (!record) throw projectNotFound(query.projectId);
    return projectView(record);
  }

  /**
   * Changes a project if the version read is still current (else 409), for analysts and staff of
   * its owner. An edit that changes nothing keeps the version and announces nothing.
   */
  @LearningTransactional()
  async update(command: UpdateProjectCommand, actor: ActorContext): Promise<ProjectView> {
    const record = await this.requireChangeable(command.projectId, actor);
    if (record.version !== command.version) throw projectVersionConflict(record);
    const needsNames = command.partners !== undefined || (command.ownerName !== undefined && command.ownerName !== null);
    const known = needsNames ? await this.organisations.names() : [];
    const match = organisationMatcher(known.map((organisation) => ({ id: organisation.organisationId, name: organisation.name })));
    const edit = editProject(record, command, actor, match);
    if (edit.changedFields.length === 0) return projectView(record);

    const updated = await this.projects.update(record.id, record.version, edit.content, edit.status);
    if (!updated) throw projectVersionConflict(record);
    await this.outbox.add(EventType.ProjectUpdated, { type: 'project', id: updated.id }, projectStateData(updated, edit.changedFields));
    return projectView(updated);
  }

  /** The project, or a 404 naming `field`: for the parts of learning that hang on a project. */
  async requireProject(projectId: string, field = 'projectId'): Promise<ProjectRecord> {
    const record = await this.projects.findById(projectId);
    if (!record) throw projectNotFound(projectId, field);
    return record;
  }

  /** The project, if the actor may change it (and what hangs on it): an analyst or staff of its owner. */
  async requireChangeable(projectId: string, actor: ActorContext): Promise<ProjectRecord> {
    const record = await this.requireProject(projectId);
    assertMayChangeProject(actor, record);
    return record;
  }
}
