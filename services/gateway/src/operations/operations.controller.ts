import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  publishingServices,
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
}
