import { Injectable } from '@nestjs/common';
import {
  assertRole,
  defaultPageSize,
  ProjectStatus,
  StaffRole,
  type ActorContext,
  type GetProjectQuery,
  type ImportEsfPageBody,
  type ImportedProjectView,
  type ListProjectsQuery,
  type Page,
  type ProjectView,
} from '@samverkan/contracts';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { LearningTransactional } from '../database';
import { OrganisationsService } from '../organisations/organisations.service';
import { parseEsfProjectPage } from './esf-page.parser';
import { importReport, projectContent, projectView } from './project-record';
import { projectNotFound, unreadablePage } from './projects.errors';
import { ProjectsRepository } from './projects.repository';

/**
 * The project portfolio: ESF projects imported from the text of their pages, without the page's
 * contact person. Analysts import; every staff member reads.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly organisations: OrganisationsService,
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
}
