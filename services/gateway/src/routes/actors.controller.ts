import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateOrganisationBody,
  ListOrganisationsQuery,
  ListStaffMembersQuery,
  ListSupportResourcesQuery,
  OrganisationView,
  Requests,
  StaffMemberView,
  StaffRole,
  SupportResourceView,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

@ApiTags('actors')
@Controller()
export class ActorsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('organisations')
  @ApiOperation({ summary: 'List organisations, by name' })
  @ApiOkResponse({ schema: pageOf(OrganisationView) })
  listOrganisations(@Query() query: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    return this.rpc.request(Requests.actors.listOrganisations, query);
  }

  @Post('organisations')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Administrator)
  @ApiOperation({ summary: 'Add an organisation to the directory' })
  @ApiBody({ schema: schemaRef(CreateOrganisationBody) })
  @ApiCreatedResponse({ schema: schemaRef(OrganisationView) })
  createOrganisation(@Body() body: CreateOrganisationBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<OrganisationView> {
    return this.rpc.request(Requests.actors.createOrganisation, body, { idempotencyKey });
  }

  @Get('organisations/:organisationId')
  @ApiOkResponse({ schema: schemaRef(OrganisationView) })
  getOrganisation(@UuidParam('organisationId') organisationId: string): Promise<OrganisationView> {
    return this.rpc.request(Requests.actors.getOrganisation, { organisationId });
  }

  @Get('staff')
  @ApiOperation({ summary: 'List staff members, by name' })
  @ApiOkResponse({ schema: pageOf(StaffMemberView) })
  listStaff(@Query() query: ListStaffMembersQuery): Promise<Page<StaffMemberView>> {
    return this.rpc.request(Requests.actors.listStaffMembers, query);
  }

  @Get('support-resources')
  @ApiOperation({ summary: 'List support resources (insatser), by name' })
  @ApiOkResponse({ schema: pageOf(SupportResourceView) })
  listSupportResources(@Query() query: ListSupportResourcesQuery): Promise<Page<SupportResourceView>> {
    return this.rpc.request(Requests.actors.listSupportResources, query);
  }
}
