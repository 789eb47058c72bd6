import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadlinePolicyBody, DeadlinePolicyView, Requests, StaffRole } from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

/** The deadlines, in Swedish working days, that a receiving organisation and its support resources give themselves. */
@ApiTags('referrals')
@Controller()
export class ReferralDeadlinesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('organisations/:organisationId/referral-deadlines')
  @ApiOperation({ summary: "The organisation's deadlines for referrals it receives: its own policy, or the platform's defaults" })
  @ApiOkResponse({ schema: schemaRef(DeadlinePolicyView) })
  forOrganisation(@UuidParam('organisationId') organisationId: string): Promise<DeadlinePolicyView> {
    return this.rpc.request(Requests.referrals.getOrganisationDeadlines, { organisationId });
  }

  @Put('organisations/:organisationId/referral-deadlines')
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({
    summary: "Set the organisation's deadlines (working days to acknowledge and answer from sending, to start from acceptance); its own staff only",
  })
  @ApiBody({ schema: schemaRef(DeadlinePolicyBody) })
  @ApiOkResponse({ schema: schemaRef(DeadlinePolicyView) })
  setForOrganisation(@UuidParam('organisationId') organisationId: string, @Body() body: DeadlinePolicyBody): Promise<DeadlinePolicyView> {
    return this.rpc.request(Requests.referrals.setOrganisationDeadlines, { ...body, organisationId });
  }

  @Get('support-resources/:resourceId/referral-deadlines')
  @ApiOperation({ summary: "The deadlines for referrals to the support resource: its own, its organisation's, or the defaults" })
  @ApiOkResponse({ schema: schemaRef(DeadlinePolicyView) })
  forResource(@UuidParam('resourceId') resourceId: string): Promise<DeadlinePolicyView> {
    return this.rpc.request(Requests.referrals.getResourceDeadlines, { resourceId });
  }

  @Put('support-resources/:resourceId/referral-deadlines')
  @Roles(StaffRole.Administrator, StaffRole.Coordinator)
  @ApiOperation({ summary: "Set the support resource's own deadlines; the owning organisation's staff only" })
  @ApiBody({ schema: schemaRef(DeadlinePolicyBody) })
  @ApiOkResponse({ schema: schemaRef(DeadlinePolicyView) })
  setForResource(@UuidParam('resourceId') resourceId: string, @Body() body: DeadlinePolicyBody): Promise<DeadlinePolicyView> {
    return this.rpc.request(Requests.referrals.setResourceDeadlines, { ...body, resourceId });
  }
}
