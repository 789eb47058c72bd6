import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateWorkplaceBody, ListWorkplacesQuery, Requests, StaffRole, UpdateWorkplaceBody, WorkplaceView, type Page } from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

/** Workplaces that can receive people, with the adaptations they make and the support they need. */
@ApiTags('directory')
@Controller('workplaces')
export class WorkplacesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Search workplaces by municipality, offer, adaptation, support needed or words in their names' })
  @ApiOkResponse({ schema: pageOf(WorkplaceView) })
  list(@Query() query: ListWorkplacesQuery): Promise<Page<WorkplaceView>> {
    return this.rpc.request(Requests.actors.listWorkplaces, query);
  }

  @Post()
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: 'Add a workplace; the own organisation keeps the entry' })
  @ApiBody({ schema: schemaRef(CreateWorkplaceBody) })
  @ApiCreatedResponse({ schema: schemaRef(WorkplaceView) })
  create(@Body() body: CreateWorkplaceBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<WorkplaceView> {
    return this.rpc.request(Requests.actors.createWorkplace, body, { idempotencyKey });
  }

  @Get(':workplaceId')
  @ApiOkResponse({ schema: schemaRef(WorkplaceView) })
  get(@UuidParam('workplaceId') workplaceId: string): Promise<WorkplaceView> {
    return this.rpc.request(Requests.actors.getWorkplace, { workplaceId });
  }

  @Patch(':workplaceId')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: 'Change a workplace the own organisation keeps; fields left out stay' })
  @ApiBody({ schema: schemaRef(UpdateWorkplaceBody) })
  @ApiOkResponse({ schema: schemaRef(WorkplaceView) })
  update(
    @UuidParam('workplaceId') workplaceId: string,
    @Body() body: UpdateWorkplaceBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<WorkplaceView> {
    return this.rpc.request(Requests.actors.updateWorkplace, { ...body, workplaceId }, { idempotencyKey });
  }
}
