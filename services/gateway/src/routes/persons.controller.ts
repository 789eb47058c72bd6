import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AddPlanStepBody,
  DuplicateView,
  ErasureView,
  ListDuplicatesQuery,
  MergeDuplicateBody,
  PersonView,
  PlanStepView,
  RectifyPersonBody,
  RegisterExtractView,
  Requests,
  StaffRole,
  UpdatePlanStepBody,
  DomainError,
  ErrorCode,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import type { Request, Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';
import { renderRegisterExtract } from './register-extract.html';

const caseRoles = [StaffRole.Caseworker, StaffRole.Coordinator, StaffRole.UnitManager];

/** The person behind a case, their register extract, rectification and erasure, and the case's plan. */
@ApiTags('cases')
@Controller('cases/:caseId')
export class CasePersonController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('person')
  @ApiOperation({ summary: "Who the case's person is: to the units on its team; under protected identity, to the lead unit only" })
  @ApiOkResponse({ schema: schemaRef(PersonView) })
  person(@UuidParam('caseId') caseId: string): Promise<PersonView> {
    return this.rpc.request(Requests.cases.getPerson, { caseId });
  }

  @Patch('person')
  @AcceptsIdempotencyKey()
  @Roles(...caseRoles)
  @ApiOperation({ summary: 'Correct what is recorded about the person (GDPR Art. 16). Only the lead unit may.' })
  @ApiBody({ schema: schemaRef(RectifyPersonBody) })
  @ApiOkResponse({ schema: schemaRef(PersonView) })
  rectify(@UuidParam('caseId') caseId: string, @Body() body: RectifyPersonBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<PersonView> {
    return this.rpc.request(Requests.cases.rectifyPerson, { ...body, caseId }, { idempotencyKey });
  }

  @Post('person/erasure')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @Roles(...caseRoles)
  @ApiOperation({
    summary:
      "Erase the person's data (GDPR Art. 17) where the law allows: every case of theirs closed and led by the actor's organisation. The cases keep only their codes.",
  })
  @ApiOkResponse({ schema: schemaRef(ErasureView) })
  erase(@UuidParam('caseId') caseId: string, @IdempotencyKey() idempotencyKey: string | undefined): Promise<ErasureView> {
    return this.rpc.request(Requests.cases.erasePerson, { caseId }, { idempotencyKey });
  }

  @Get('register-extract')
  @Roles(...caseRoles)
  @ApiOperation({
    summary:
      'Registerutdrag (GDPR Art. 15): everything stored about the person, their cases and who accessed their data; JSON, or a readable Swedish HTML document with format=html or Accept: text/html. Only the lead unit may.',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'html'] })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ schema: schemaRef(RegisterExtractView) })
  async registerExtract(
    @UuidParam('caseId') caseId: string,
    @Query('format') format: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisterExtractView | string> {
    if (format !== undefined && format !== 'json' && format !== 'html') {
      throw new DomainError(ErrorCode.ValidationFailed, 'format must be json or html', [{ field: 'format', message: 'must be json or html' }]);
    }
    const extract = await this.rpc.request<RegisterExtractView>(Requests.cases.getRegisterExtract, { caseId });
    const html = format === 'html' || (format === undefined && request.accepts(['application/json', 'text/html']) === 'text/html');
    // Personal data: never kept by a browser or a proxy.
    response.setHeader('Cache-Control', 'no-store');
    if (!html) return extract;
    response.type('text/html; charset=utf-8');
    return renderRegisterExtract(extract);
  }

  @Get('plan-steps')
  @ApiOperation({ summary: 'The support plan: its steps, earliest first. To the units on the team.' })
  @ApiOkResponse({ schema: { type: 'array', items: schemaRef(PlanStepView) } })
  planSteps(@UuidParam('caseId') caseId: string): Promise<PlanStepView[]> {
    return this.rpc.request(Requests.cases.listPlanSteps, { caseId });
  }

  @Post('plan-steps')
  @AcceptsIdempotencyKey()
  @Roles(...caseRoles)
  @ApiOperation({ summary: 'Add a step to the plan: a support resource, the unit on the team responsible, and when' })
  @ApiBody({ schema: schemaRef(AddPlanStepBody) })
  @ApiCreatedResponse({ schema: schemaRef(PlanStepView) })
  addPlanStep(@UuidParam('caseId') caseId: string, @Body() body: AddPlanStepBody, @IdempotencyKey() idempotencyKey: string | undefined): Promise<PlanStepView> {
    return this.rpc.request(Requests.cases.addPlanStep, { ...body, caseId }, { idempotencyKey });
  }

  @Patch('plan-steps/:stepId')
  @AcceptsIdempotencyKey()
  @Roles(...caseRoles)
  @ApiOperation({ summary: 'Move a step on (planned → ongoing → done, or cancelled) or change its dates; the version read must still be current' })
  @ApiBody({ schema: schemaRef(UpdatePlanStepBody) })
  @ApiOkResponse({ schema: schemaRef(PlanStepView) })
  updatePlanStep(
    @UuidParam('caseId') caseId: string,
    @UuidParam('stepId') stepId: string,
    @Body() body: UpdatePlanStepBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<PlanStepView> {
    return this.rpc.request(Requests.cases.updatePlanStep, { ...body, caseId, stepId }, { idempotencyKey });
  }
}

@ApiTags('cases')
@Controller('persons/duplicates')
export class DuplicatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: "Proposals that two persons with different numbers are one (same name and birth date), about persons whose cases the staff member's unit leads",
  })
  @ApiOkResponse({ schema: pageOf(DuplicateView) })
  list(@Query() query: ListDuplicatesQuery): Promise<Page<DuplicateView>> {
    return this.rpc.request(Requests.cases.listDuplicates, query);
  }

  @Post(':duplicateId/merge')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @Roles(...caseRoles)
  @ApiOperation({
    summary: "Make the two persons one: the other's cases move to the person kept, and the other's identity is deleted. The unit must lead a case of each.",
  })
  @ApiBody({ schema: schemaRef(MergeDuplicateBody) })
  @ApiOkResponse({ schema: schemaRef(DuplicateView) })
  merge(
    @UuidParam('duplicateId') duplicateId: string,
    @Body() body: MergeDuplicateBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<DuplicateView> {
    return this.rpc.request(Requests.cases.mergeDuplicate, { ...body, duplicateId }, { idempotencyKey });
  }

  @Post(':duplicateId/dismiss')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @Roles(...caseRoles)
  @ApiOperation({ summary: 'The two are different people: the pair is never proposed again' })
  @ApiOkResponse({ schema: schemaRef(DuplicateView) })
  dismiss(@UuidParam('duplicateId') duplicateId: string, @IdempotencyKey() idempotencyKey: string | undefined): Promise<DuplicateView> {
    return this.rpc.request(Requests.cases.dismissDuplicate, { duplicateId }, { idempotencyKey });
  }
}
