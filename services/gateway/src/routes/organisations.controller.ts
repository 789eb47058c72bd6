import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateOrganisationBody,
  CreateUnitBody,
  ListOrganisationsQuery,
  ListUnitsQuery,
  OrganisationView,
  Requests,
  StaffRole,
  UnitView,
  UpdateOrganisationBody,
  UpdateUnitBody,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

/** Organisations and their units: every authenticated user reads; each organisation keeps its own. */
@ApiTags('directory')
@Controller()
export class OrganisationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('organisations')
  @ApiOperation({ summary: 'List organisations, by name' })
  @ApiOkResponse({ schema: pageOf(OrganisationView) })
  list(@Query() query: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    return this.rpc.request(Requests.actors.listOrganisations, query);
  }

  @Post('organisations')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator)
  @ApiOperation({ summary: 'Add an organisation to the directory (administrators of the region)' })
  @ApiBody({ schema: schemaRef(CreateOrganisationBody) })
  @ApiCreatedResponse({ schema: schemaRef(OrganisationView) })
  create(@Body() body: CreateOrganisationBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<OrganisationView> {
    return this.rpc.request(Requests.actors.createOrganisation, body, { idempotencyKey });
  }

  @Get('organisations/:organisationId')
  @ApiOkResponse({ schema: schemaRef(OrganisationView) })
  get(@UuidParam('organisationId') organisationId: string): Promise<OrganisationView> {
    return this.rpc.request(Requests.actors.getOrganisation, { organisationId });
  }

  @Patch('organisations/:organisationId')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: "Change the own organisation's entry; fields left out stay" })
  @ApiBody({ schema: schemaRef(UpdateOrganisationBody) })
  @ApiOkResponse({ schema: schemaRef(OrganisationView) })
  update(
    @UuidParam('organisationId') organisationId: string,
    @Body() body: UpdateOrganisationBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<OrganisationView> {
    return this.rpc.request(Requests.actors.updateOrganisation, { ...body, organisationId }, { idempotencyKey });
  }

  @Get('units')
  @ApiOperation({ summary: 'List units, by name' })
  @ApiOkResponse({ schema: pageOf(UnitView) })
  listUnits(@Query() query: ListUnitsQuery): Promise<Page<UnitView>> {
    return this.rpc.request(Requests.actors.listUnits, query);
  }

  @Post('organisations/:organisationId/units')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: 'Add a unit to the own organisation' })
  @ApiBody({ schema: schemaRef(CreateUnitBody) })
  @ApiCreatedResponse({ schema: schemaRef(UnitView) })
  createUnit(
    @UuidParam('organisationId') organisationId: string,
    @Body() body: CreateUnitBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<UnitView> {
    return this.rpc.request(Requests.actors.createUnit, { ...body, organisationId }, { idempotencyKey });
  }

  @Get('units/:unitId')
  @ApiOkResponse({ schema: schemaRef(UnitView) })
  getUnit(@UuidParam('unitId') unitId: string): Promise<UnitView> {
    return this.rpc.request(Requests.actors.getUnit, { unitId });
  }

  @Patch('units/:unitId')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: 'Change a unit of the own organisation: name, contact details, active; fields left out stay' })
  @ApiBody({ schema: schemaRef(UpdateUnitBody) })
  @ApiOkResponse({ schema: schemaRef(UnitView) })
  updateUnit(@UuidParam('unitId') unitId: string, @Body() body: UpdateUnitBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<UnitView> {
    return this.rpc.request(Requests.actors.updateUnit, { ...body, unitId }, { idempotencyKey });
  }
}
