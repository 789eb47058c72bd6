import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddCompetenceBody,
  CompetenceView,
  CreateStaffMemberBody,
  ListCompetencesQuery,
  ListStaffMembersQuery,
  Requests,
  StaffMemberView,
  StaffRole,
  UpdateStaffMemberBody,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

/** Staff and the competence catalogue. */
@ApiTags('directory')
@Controller()
export class StaffController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('staff')
  @ApiOperation({ summary: 'List staff members, by name; filter by unit, role, competence, language or municipality' })
  @ApiOkResponse({ schema: pageOf(StaffMemberView) })
  list(@Query() query: ListStaffMembersQuery): Promise<Page<StaffMemberView>> {
    return this.rpc.request(Requests.actors.listStaffMembers, query);
  }

  @Post('staff')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: 'Add a staff member to a unit of the own organisation' })
  @ApiBody({ schema: schemaRef(CreateStaffMemberBody) })
  @ApiCreatedResponse({ schema: schemaRef(StaffMemberView) })
  create(@Body() body: CreateStaffMemberBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<StaffMemberView> {
    return this.rpc.request(Requests.actors.createStaffMember, body, { idempotencyKey });
  }

  @Get('staff/:staffId')
  @ApiOkResponse({ schema: schemaRef(StaffMemberView) })
  get(@UuidParam('staffId') staffId: string): Promise<StaffMemberView> {
    return this.rpc.request(Requests.actors.getStaffMember, { staffId });
  }

  @Patch('staff/:staffId')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: 'Change a staff member of the own organisation: unit, roles, languages, competences, active' })
  @ApiBody({ schema: schemaRef(UpdateStaffMemberBody) })
  @ApiOkResponse({ schema: schemaRef(StaffMemberView) })
  update(
    @UuidParam('staffId') staffId: string,
    @Body() body: UpdateStaffMemberBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<StaffMemberView> {
    return this.rpc.request(Requests.actors.updateStaffMember, { ...body, staffId }, { idempotencyKey });
  }

  @Get('competences')
  @ApiOperation({ summary: 'The competence catalogue, by code' })
  @ApiOkResponse({ schema: pageOf(CompetenceView) })
  listCompetences(@Query() query: ListCompetencesQuery): Promise<Page<CompetenceView>> {
    return this.rpc.request(Requests.actors.listCompetences, query);
  }

  @Post('competences')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator)
  @ApiOperation({ summary: 'Add a competence to the catalogue (administrators of the region)' })
  @ApiBody({ schema: schemaRef(AddCompetenceBody) })
  @ApiCreatedResponse({ schema: schemaRef(CompetenceView) })
  addCompetence(@Body() body: AddCompetenceBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<CompetenceView> {
    return this.rpc.request(Requests.actors.addCompetence, body, { idempotencyKey });
  }
}
