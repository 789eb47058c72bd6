import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CapacityDto,
  CreateSupportResourceBody,
  ListSupportResourcesQuery,
  MatchSupportResourcesBody,
  Requests,
  StaffRole,
  SupportResourceMatchesView,
  SupportResourceView,
  UpdateSupportResourceBody,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

/** Support resources (insatser), their capacity, and matching a person's profile to them. */
@ApiTags('directory')
@Controller('support-resources')
export class SupportResourcesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List support resources, by name' })
  @ApiOkResponse({ schema: pageOf(SupportResourceView) })
  list(@Query() query: ListSupportResourcesQuery): Promise<Page<SupportResourceView>> {
    return this.rpc.request(Requests.actors.listSupportResources, query);
  }

  @Post()
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: 'Add a support resource offered by a unit of the own organisation' })
  @ApiBody({ schema: schemaRef(CreateSupportResourceBody) })
  @ApiCreatedResponse({ schema: schemaRef(SupportResourceView) })
  create(@Body() body: CreateSupportResourceBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<SupportResourceView> {
    return this.rpc.request(Requests.actors.createSupportResource, body, { idempotencyKey });
  }

  /** A POST because the profile, though without identity, describes a person: it stays out of URLs and logs. */
  @Post('matches')
  @HttpCode(200)
  @ApiOperation({
    summary: "The resources that fit a person's profile (no identity), ranked, each with why; capacity and wait included",
    description: 'With includeExcluded, also the resources in the municipality that do not fit, each with the rules that excluded it.',
  })
  @ApiBody({ schema: schemaRef(MatchSupportResourcesBody) })
  @ApiOkResponse({ schema: schemaRef(SupportResourceMatchesView) })
  match(@Body() body: MatchSupportResourcesBody): Promise<SupportResourceMatchesView> {
    return this.rpc.request(Requests.actors.matchSupportResources, body);
  }

  @Get(':resourceId')
  @ApiOkResponse({ schema: schemaRef(SupportResourceView) })
  get(@UuidParam('resourceId') resourceId: string): Promise<SupportResourceView> {
    return this.rpc.request(Requests.actors.getSupportResource, { resourceId });
  }

  @Patch(':resourceId')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: 'Change a support resource of the own organisation; fields left out stay' })
  @ApiBody({ schema: schemaRef(UpdateSupportResourceBody) })
  @ApiOkResponse({ schema: schemaRef(SupportResourceView) })
  update(
    @UuidParam('resourceId') resourceId: string,
    @Body() body: UpdateSupportResourceBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<SupportResourceView> {
    return this.rpc.request(Requests.actors.updateSupportResource, { ...body, resourceId }, { idempotencyKey });
  }

  @Put(':resourceId/capacity')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator, StaffRole.Coordinator, StaffRole.Caseworker)
  @ApiOperation({ summary: 'Set the places, places taken and expected wait of a resource of the own organisation' })
  @ApiBody({ schema: schemaRef(CapacityDto) })
  @ApiOkResponse({ schema: schemaRef(SupportResourceView) })
  updateCapacity(
    @UuidParam('resourceId') resourceId: string,
    @Body() body: CapacityDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<SupportResourceView> {
    return this.rpc.request(Requests.actors.updateCapacity, { ...body, resourceId }, { idempotencyKey });
  }
}
