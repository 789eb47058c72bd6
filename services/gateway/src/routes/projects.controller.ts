import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddIndicatorBody,
  AddLessonBody,
  CriticalFactorsView,
  ImportedProjectView,
  ImportEsfPageBody,
  IndicatorView,
  LessonView,
  ListProjectsQuery,
  longestEsfPageText,
  PageQuery,
  ProjectView,
  RecordMeasurementBody,
  Requests,
  SetCriticalFactorsBody,
  StaffRole,
  UpdateProjectBody,
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

  @Patch(':projectId')
  @ApiOperation({
    summary: 'Change a project: its ESF fields (not its key), status, owner, partners and municipalities',
    description:
      'For analysts, and for staff of the organisation that owns the project (others get 403). Fields left out stay; null empties ' +
      'an optional field. `version` is the version read: a stale one is a 409 and nothing changes. Partners and the owner are given ' +
      'by name and linked to known organisations as an import links them; only an analyst may change the owner. A change moves the ' +
      'project to the next version and is announced by learning.events.project.updated.',
  })
  @ApiBody({ schema: schemaRef(UpdateProjectBody) })
  @ApiOkResponse({ schema: schemaRef(ProjectView) })
  update(@UuidParam('projectId') projectId: string, @Body() body: UpdateProjectBody): Promise<ProjectView> {
    return this.rpc.request(Requests.learning.updateProject, { ...body, projectId });
  }

  @Get(':projectId/indicators')
  @ApiOperation({ summary: "The project's indicators, each with its measurements in date order" })
  @ApiOkResponse({ schema: { type: 'array', items: schemaRef(IndicatorView) } })
  listIndicators(@UuidParam('projectId') projectId: string): Promise<IndicatorView[]> {
    return this.rpc.request(Requests.learning.listIndicators, { projectId });
  }

  @Post(':projectId/indicators')
  @ApiOperation({ summary: 'Add an indicator the project follows over time (name, unit, optional target and baseline); for analysts and the owner' })
  @ApiBody({ schema: schemaRef(AddIndicatorBody) })
  @ApiCreatedResponse({ schema: schemaRef(IndicatorView) })
  addIndicator(@UuidParam('projectId') projectId: string, @Body() body: AddIndicatorBody): Promise<IndicatorView> {
    return this.rpc.request(Requests.learning.addIndicator, { ...body, projectId });
  }

  @Post(':projectId/indicators/:indicatorId/measurements')
  @ApiOperation({
    summary: 'Record a value of an indicator on a day; answers the indicator with its whole history in date order',
    description: 'The comment is about the project, never about a person. For analysts and the owner.',
  })
  @ApiBody({ schema: schemaRef(RecordMeasurementBody) })
  @ApiCreatedResponse({ schema: schemaRef(IndicatorView) })
  recordMeasurement(
    @UuidParam('projectId') projectId: string,
    @UuidParam('indicatorId') indicatorId: string,
    @Body() body: RecordMeasurementBody,
  ): Promise<IndicatorView> {
    return this.rpc.request(Requests.learning.recordMeasurement, { ...body, projectId, indicatorId });
  }

  @Get(':projectId/lessons')
  @ApiOperation({ summary: "The project's lessons learned, newest first" })
  @ApiOkResponse({ schema: pageOf(LessonView) })
  listLessons(@UuidParam('projectId') projectId: string, @Query() query: PageQuery): Promise<Page<LessonView>> {
    return this.rpc.request(Requests.learning.listLessons, { ...query, projectId });
  }

  @Post(':projectId/lessons')
  @ApiOperation({ summary: "Record a lesson from the project's work, with the critical factors it bears on; for analysts and the owner" })
  @ApiBody({ schema: schemaRef(AddLessonBody) })
  @ApiCreatedResponse({ schema: schemaRef(LessonView) })
  addLesson(@UuidParam('projectId') projectId: string, @Body() body: AddLessonBody): Promise<LessonView> {
    return this.rpc.request(Requests.learning.addLesson, { ...body, projectId });
  }

  @Get(':projectId/critical-factors')
  @ApiOperation({ summary: "The project's assessment of the critical factors for lasting ordinary practice" })
  @ApiOkResponse({ schema: schemaRef(CriticalFactorsView) })
  getCriticalFactors(@UuidParam('projectId') projectId: string): Promise<CriticalFactorsView> {
    return this.rpc.request(Requests.learning.getCriticalFactors, { projectId });
  }

  @Put(':projectId/critical-factors')
  @HttpCode(200)
  @ApiOperation({
    summary: "Replace the project's assessment of the critical factors (present, partly or missing, with a comment)",
    description: 'Each factor at most once; a factor left out is not assessed. For analysts and the owner.',
  })
  @ApiBody({ schema: schemaRef(SetCriticalFactorsBody) })
  @ApiOkResponse({ schema: schemaRef(CriticalFactorsView) })
  setCriticalFactors(@UuidParam('projectId') projectId: string, @Body() body: SetCriticalFactorsBody): Promise<CriticalFactorsView> {
    return this.rpc.request(Requests.learning.setCriticalFactors, { ...body, projectId });
  }
}
