import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseView, ConsentView, OpenCaseBody, RecordConsentBody, Requests, StaffRole } from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { schemaRef } from '../http/openapi';
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
}
