import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddEvidenceBody, ListObstaclesQuery, ObstacleView, RecordObstacleBody, Requests, type Page } from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

/** Structural obstacles found in projects and in the referral flow, with the evidence they rest on. */
@ApiTags('obstacles')
@Controller('obstacles')
export class ObstaclesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Record a structural obstacle of a coded category, optionally of a project, with its evidence',
    description:
      'Analysts record any obstacle; staff of a project owner record obstacles of their project. Evidence is of kind project ' +
      '(projectId), lesson (lessonId), referral_flow (candidateId) or document (url), each with a short summary; nothing in it is ' +
      'about a person. Announced by learning.events.obstacle.recorded.',
  })
  @ApiBody({ schema: schemaRef(RecordObstacleBody) })
  @ApiCreatedResponse({ schema: schemaRef(ObstacleView) })
  record(@Body() body: RecordObstacleBody): Promise<ObstacleView> {
    return this.rpc.request(Requests.learning.recordObstacle, body);
  }

  @Get()
  @ApiOperation({ summary: 'Obstacles newest first, optionally of a category, met in a municipality or found in a project' })
  @ApiOkResponse({ schema: pageOf(ObstacleView) })
  list(@Query() query: ListObstaclesQuery): Promise<Page<ObstacleView>> {
    return this.rpc.request(Requests.learning.listObstacles, query);
  }

  @Get(':obstacleId')
  @ApiOperation({ summary: 'One obstacle with its evidence' })
  @ApiOkResponse({ schema: schemaRef(ObstacleView) })
  get(@UuidParam('obstacleId') obstacleId: string): Promise<ObstacleView> {
    return this.rpc.request(Requests.learning.getObstacle, { obstacleId });
  }

  @Post(':obstacleId/evidence')
  @ApiOperation({ summary: "Add evidence to an obstacle; analysts, and staff of the owner of the obstacle's project" })
  @ApiBody({ schema: schemaRef(AddEvidenceBody) })
  @ApiCreatedResponse({ schema: schemaRef(ObstacleView) })
  addEvidence(@UuidParam('obstacleId') obstacleId: string, @Body() body: AddEvidenceBody): Promise<ObstacleView> {
    return this.rpc.request(Requests.learning.addObstacleEvidence, { ...body, obstacleId });
  }
}
