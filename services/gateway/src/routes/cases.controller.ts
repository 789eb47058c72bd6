import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddTeamUnitBody,
  DeclineHandoffBody,
  HandoffView,
  RequestHandoffBody,
  CaseSummaryView,
  CaseTimelineEntryView,
  CaseView,
  ChangeCaseStatusBody,
  ConsentView,
  ListCasesQuery,
  OpenCaseBody,
  RecordConsentBody,
  Requests,
  StaffRole,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: 'Open a case for a person; the personnummer travels only in this body' })
  @ApiBody({ schema: schemaRef(OpenCaseBody) })
  @ApiCreatedResponse({ schema: schemaRef(CaseView) })
  open(@Body() body: OpenCaseBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<CaseView> {
    return this.rpc.request(Requests.cases.openCase, body, { idempotencyKey });
  }

  @Get()
  @ApiOperation({ summary: "The cases of the staff member's unit (scope=unit) or those they lead (scope=mine), newest first; nothing about the person" })
  @ApiOkResponse({ schema: pageOf(CaseSummaryView) })
  list(@Query() query: ListCasesQuery): Promise<Page<CaseSummaryView>> {
    return this.rpc.request(Requests.cases.listCases, query);
  }

  @Get(':caseId/timeline')
  @ApiOperation({ summary: 'What happened on the case, oldest first: codes and ids only' })
  @ApiOkResponse({ schema: { type: 'array', items: schemaRef(CaseTimelineEntryView) } })
  timeline(@UuidParam('caseId') caseId: string): Promise<CaseTimelineEntryView[]> {
    return this.rpc.request(Requests.cases.getCaseTimeline, { caseId });
  }

  @Post(':caseId/status')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager)
  @ApiOperation({ summary: 'Move the case along its path; closing needs an outcome. Only the lead unit may.' })
  @ApiBody({ schema: schemaRef(ChangeCaseStatusBody) })
  @ApiOkResponse({ schema: schemaRef(CaseView) })
  changeStatus(
    @UuidParam('caseId') caseId: string,
    @Body() body: ChangeCaseStatusBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<CaseView> {
    return this.rpc.request(Requests.cases.changeCaseStatus, { ...body, caseId }, { idempotencyKey });
  }

  @Get(':caseId')
  @ApiOkResponse({ schema: schemaRef(CaseView) })
  get(@UuidParam('caseId') caseId: string): Promise<CaseView> {
    return this.rpc.request(Requests.cases.getCase, { caseId });
  }

  @Post(':caseId/consents')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: "Record the person's consent to share with an organisation for a purpose" })
  @ApiBody({ schema: schemaRef(RecordConsentBody) })
  @ApiCreatedResponse({ schema: schemaRef(ConsentView) })
  recordConsent(
    @UuidParam('caseId') caseId: string,
    @Body() body: RecordConsentBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ConsentView> {
    return this.rpc.request(Requests.cases.recordConsent, { ...body, caseId }, { idempotencyKey });
  }

  @Post(':caseId/consents/:consentId/withdraw')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Caseworker)
  @ApiOperation({ summary: 'Withdraw a consent: from this answer on, nothing that relied on it is allowed' })
  @ApiOkResponse({ schema: schemaRef(ConsentView) })
  withdrawConsent(
    @UuidParam('caseId') caseId: string,
    @UuidParam('consentId') consentId: string,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ConsentView> {
    return this.rpc.request(Requests.cases.withdrawConsent, { caseId, consentId }, { idempotencyKey });
  }

  @Post(':caseId/team')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager)
  @ApiOperation({ summary: 'Put a unit on the case team on a legal basis; on consent, a consent for coordination must name it. Only the lead unit may.' })
  @ApiBody({ schema: schemaRef(AddTeamUnitBody) })
  @ApiOkResponse({ schema: schemaRef(CaseView) })
  addTeamUnit(@UuidParam('caseId') caseId: string, @Body() body: AddTeamUnitBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<CaseView> {
    return this.rpc.request(Requests.cases.addTeamUnit, { ...body, caseId }, { idempotencyKey });
  }

  @Delete(':caseId/team/:unitId')
  @Roles(StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager)
  @ApiOperation({ summary: 'Take a unit off the case team (not the lead unit). Only the lead unit may.' })
  @ApiOkResponse({ schema: schemaRef(CaseView) })
  removeTeamUnit(@UuidParam('caseId') caseId: string, @UuidParam('unitId') unitId: string): Promise<CaseView> {
    return this.rpc.request(Requests.cases.removeTeamUnit, { caseId, unitId });
  }

  @Post(':caseId/handoffs')
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager)
  @ApiOperation({ summary: 'Ask another unit to take over the lead of the case, answering by a day. Only the lead unit may.' })
  @ApiBody({ schema: schemaRef(RequestHandoffBody) })
  @ApiCreatedResponse({ schema: schemaRef(HandoffView) })
  requestHandoff(
    @UuidParam('caseId') caseId: string,
    @Body() body: RequestHandoffBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<HandoffView> {
    return this.rpc.request(Requests.cases.requestHandoff, { ...body, caseId }, { idempotencyKey });
  }

  @Post(':caseId/handoffs/:handoffId/accept')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager)
  @ApiOperation({ summary: 'Take over the case: the lead moves to the accepting unit. Only the asked unit may, by the day.' })
  @ApiOkResponse({ schema: schemaRef(HandoffView) })
  acceptHandoff(
    @UuidParam('caseId') caseId: string,
    @UuidParam('handoffId') handoffId: string,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<HandoffView> {
    return this.rpc.request(Requests.cases.acceptHandoff, { caseId, handoffId }, { idempotencyKey });
  }

  @Post(':caseId/handoffs/:handoffId/decline')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @Roles(StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager)
  @ApiOperation({ summary: 'Decline to take over the case, with a reason. Only the asked unit may, by the day.' })
  @ApiBody({ schema: schemaRef(DeclineHandoffBody) })
  @ApiOkResponse({ schema: schemaRef(HandoffView) })
  declineHandoff(
    @UuidParam('caseId') caseId: string,
    @UuidParam('handoffId') handoffId: string,
    @Body() body: DeclineHandoffBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<HandoffView> {
    return this.rpc.request(Requests.cases.declineHandoff, { ...body, caseId, handoffId }, { idempotencyKey });
  }
}
