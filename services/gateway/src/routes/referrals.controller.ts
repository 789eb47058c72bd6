import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CompleteReferralBody,
  DeclineReferralBody,
  InterruptReferralBody,
  ListReferralsFilter,
  ReferralCountsQuery,
  ReferralCountsView,
  ReferralView,
  Requests,
  SendReferralBody,
  SharedInformationView,
  StaffRole,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: "Refer a case's person to another organisation; needs their consent to share with it" })
  @ApiBody({ schema: schemaRef(SendReferralBody) })
  @ApiCreatedResponse({ schema: schemaRef(ReferralView) })
  send(@Body() body: SendReferralBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<ReferralView> {
    return this.rpc.request(Requests.referrals.sendReferral, body, { idempotencyKey });
  }

  @Get('counts')
  @ApiOperation({ summary: "How many of the organisation's incoming or outgoing referrals (or a unit's) are in each status, and how many are overdue" })
  @ApiOkResponse({ schema: schemaRef(ReferralCountsView) })
  counts(@Query() query: ReferralCountsQuery): Promise<ReferralCountsView> {
    return this.rpc.request(Requests.referrals.countReferrals, query);
  }

  @Get()
  @ApiOperation({
    summary:
      "The organisation's inbox (incoming) or outbox (outgoing), newest first, by status, overdue, unit, target group, support resource and municipality",
  })
  @ApiOkResponse({ schema: pageOf(ReferralView) })
  list(@Query() filter: ListReferralsFilter): Promise<Page<ReferralView>> {
    return this.rpc.request(Requests.referrals.listReferrals, filter);
  }

  @Get(':referralId')
  @ApiOperation({ summary: 'A referral, to its two organisations; refused (403 CONSENT_NOT_ACTIVE) once the consent it relied on has ended' })
  @ApiOkResponse({ schema: schemaRef(ReferralView) })
  get(@UuidParam('referralId') referralId: string): Promise<ReferralView> {
    return this.rpc.request(Requests.referrals.getReferral, { referralId });
  }

  @Get(':referralId/shared-information')
  @ApiOperation({
    summary:
      'What the sender chose to share of the person, to the receiving organisation: only those fields, read from the case while the consent holds (403 CONSENT_NOT_ACTIVE after), and logged in its access log',
  })
  @Roles(StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager)
  @ApiOkResponse({ schema: schemaRef(SharedInformationView) })
  getSharedInformation(@UuidParam('referralId') referralId: string): Promise<SharedInformationView> {
    return this.rpc.request(Requests.referrals.getSharedInformation, { referralId });
  }

  @Post(':referralId/accept')
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: 'Accept a sent referral, as its receiver, while the consent it relied on holds' })
  @ApiOkResponse({ schema: schemaRef(ReferralView) })
  accept(@UuidParam('referralId') referralId: string, @IdempotencyKey() idempotencyKey: string | undefined): Promise<ReferralView> {
    return this.rpc.request(Requests.referrals.acceptReferral, { referralId }, { idempotencyKey });
  }

  @Post(':referralId/decline')
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: 'Decline a sent referral with a reason, as its receiver, while the consent it relied on holds' })
  @ApiBody({ schema: schemaRef(DeclineReferralBody) })
  @ApiOkResponse({ schema: schemaRef(ReferralView) })
  decline(
    @UuidParam('referralId') referralId: string,
    @Body() body: DeclineReferralBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ReferralView> {
    return this.rpc.request(Requests.referrals.declineReferral, { ...body, referralId }, { idempotencyKey });
  }

  @Post(':referralId/acknowledge')
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: 'Acknowledge a sent referral, as its receiver: it has been seen and will be answered' })
  @ApiOkResponse({ schema: schemaRef(ReferralView) })
  acknowledge(@UuidParam('referralId') referralId: string, @IdempotencyKey() idempotencyKey: string | undefined): Promise<ReferralView> {
    return this.rpc.request(Requests.referrals.acknowledgeReferral, { referralId }, { idempotencyKey });
  }

  @Post(':referralId/start')
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: 'Record that the person started, as the receiver of an accepted referral' })
  @ApiOkResponse({ schema: schemaRef(ReferralView) })
  start(@UuidParam('referralId') referralId: string, @IdempotencyKey() idempotencyKey: string | undefined): Promise<ReferralView> {
    return this.rpc.request(Requests.referrals.startReferral, { referralId }, { idempotencyKey });
  }

  @Post(':referralId/complete')
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: 'Complete a started referral with its outcome and where the person went, as its receiver' })
  @ApiBody({ schema: schemaRef(CompleteReferralBody) })
  @ApiOkResponse({ schema: schemaRef(ReferralView) })
  complete(
    @UuidParam('referralId') referralId: string,
    @Body() body: CompleteReferralBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ReferralView> {
    return this.rpc.request(Requests.referrals.completeReferral, { ...body, referralId }, { idempotencyKey });
  }

  @Post(':referralId/interrupt')
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: 'Record that a started referral ended early, as its receiver' })
  @ApiBody({ schema: schemaRef(InterruptReferralBody) })
  @ApiOkResponse({ schema: schemaRef(ReferralView) })
  interrupt(
    @UuidParam('referralId') referralId: string,
    @Body() body: InterruptReferralBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ReferralView> {
    return this.rpc.request(Requests.referrals.interruptReferral, { ...body, referralId }, { idempotencyKey });
  }

  @Post(':referralId/withdraw')
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: 'Withdraw a referral before it starts, as its sender' })
  @ApiOkResponse({ schema: schemaRef(ReferralView) })
  withdraw(@UuidParam('referralId') referralId: string, @IdempotencyKey() idempotencyKey: string | undefined): Promise<ReferralView> {
    return this.rpc.request(Requests.referrals.withdrawReferral, { referralId }, { idempotencyKey });
  }
}
