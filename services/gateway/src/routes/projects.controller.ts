import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ImportedProjectView,
  ImportEsfPageBody,
  ListProjectsQuery,
  longestEsfPageText,
  ProjectView,
  Requests,
  StaffRole,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

/** The project portfolio: ESF projects imported from the text of their pages. */
@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('import')
  @Roles(StaffRole.Analyst)
  @ApiOperation({
    summary: 'Import an ESF project from the plain text of its page',
    description:
      `The page as copied from the browser (at most ${longestEsfPageText} characters). The project is stored by its key (its ärendenummer, ` +
      'else its title): 201 with created: true when it is new, 200 with created: false when an earlier import is updated (version + 1, ' +
      'partners and municipalities replaced). The report lists the page furniture skipped, the lines not recognised, the owner and ' +
      "partners no known organisation matched and the fields the page left empty. The page's contact person (name, e-mail, phone) is " +
      'personal data: read, never stored, and listed under personalDataNotStored. A text that is no project page, or has a bad value, ' +
      'is a 400 whose errors name the field and start with the line ("line 12: …"); nothing is stored then. For analysts.',
  })
  @ApiBody({ schema: schemaRef(ImportEsfPageBody) })
  @ApiCreatedResponse({ description: 'The project was new', schema: schemaRef(ImportedProjectView) })
  @ApiOkResponse({ description: 'An earlier import of the project was updated', schema: schemaRef(ImportedProjectView) })
  async importPage(@Body() body: ImportEsfPageBody, @Res({ passthrough: true }) response: Response): Promise<ImportedProjectView> {
    const imported = await this.rpc.request<ImportedProjectView>(Requests.learning.importProject, body);
    response.status(imported.created ? 201 : 200);
    return imported;
  }

  @Get()
  @ApiOperation({ summary: 'Projects of the portfolio, newest first, optionally those working in a municipality or of a status' })
  @ApiOkResponse({ schema: pageOf(ProjectView) })
  list(@Query() query: ListProjectsQuery): Promise<Page<ProjectView>> {
    return this.rpc.request(Requests.learning.listProjects, query);
  }

  @Get(':projectId')
  @ApiOperation({ summary: 'One project of the portfolio' })
  @ApiOkResponse({ schema: schemaRef(ProjectView) })
  get(@UuidParam('projectId') projectId: string): Promise<ProjectView> {
    return this.rpc.request(Requests.learning.getProject, { projectId });
  }
}
