import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  DomainError,
  ErrorCode,
  projectionNames,
  ProjectionRunView,
  publishingServices,
  RebuildProjectionBody,
  Requests,
  type ProjectionName,
  RepublishOutboxCommand,
  republishOutboxSubject,
  StaffRole,
  validationFailed,
  type PublishingService,
  type RepublishOutboxResult,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

@ApiTags('operations')
@Controller('operations')
export class OperationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('outbox/:service/republish')
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @Roles(StaffRole.Operator)
  @ApiOperation({ summary: "Re-publish a service's events created since a point in time, e.g. after NATS lost its store" })
  @ApiParam({ name: 'service', enum: publishingServices })
  @ApiBody({ schema: schemaRef(RepublishOutboxCommand) })
  @ApiOkResponse({ description: 'How many events were queued for publishing again' })
  republish(
    @Param('service') service: string,
    @Body() body: RepublishOutboxCommand,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<RepublishOutboxResult> {
    if (!publishingServices.includes(service as PublishingService)) {
      throw validationFailed([{ field: 'service', message: `service must be one of ${publishingServices.join(', ')}` }]);
    }
    return this.rpc.request(republishOutboxSubject(service as PublishingService), body, { timeoutMs: 30_000, idempotencyKey });
  }

  @Post('projections/:projection/rebuild')
  @HttpCode(202)
  @Roles(StaffRole.Operator)
  @ApiOperation({
    summary: "Rebuild a projection from its stream while the service runs: replay, then derive it from the service's history again",
    description:
      "The stream's events (all, or those received since `since`) are replayed into the service's append-only history, which keeps what " +
      'it knows already, so replaying twice adds nothing; then the projection is derived from the history again and every row that differs ' +
      'is put right. Answers at once with the run (202); follow it with GET /operations/projection-runs/{runId}. One run per projection at a ' +
      'time (409 PROJECTION_BUSY). For operators.',
  })
  @ApiParam({ name: 'projection', enum: projectionNames })
  @ApiBody({ schema: schemaRef(RebuildProjectionBody) })
  @ApiAcceptedResponse({ schema: schemaRef(ProjectionRunView) })
  rebuildProjection(@Param('projection') projection: string, @Body() body: RebuildProjectionBody): Promise<ProjectionRunView> {
    if (!projectionNames.includes(projection as ProjectionName)) {
      throw new DomainError(ErrorCode.ProjectionNotFound, `No projection ${projection} can be rebuilt`, [
        { field: 'projection', message: `must be one of ${projectionNames.join(', ')}` },
      ]);
    }
    return this.rpc.request(Requests.learning.rebuildProjection, { ...body, projection });
  }

  @Get('projection-runs/:runId')
  @Roles(StaffRole.Operator)
  @ApiOperation({ summary: 'A rebuild of a projection: its progress, and what it found and put right' })
  @ApiOkResponse({ schema: schemaRef(ProjectionRunView) })
  projectionRun(@UuidParam('runId') runId: string): Promise<ProjectionRunView> {
    return this.rpc.request(Requests.learning.getProjectionRun, { runId });
  }
}
