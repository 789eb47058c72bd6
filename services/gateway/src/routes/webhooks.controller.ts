import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatedWebhookView,
  CreateWebhookBody,
  ListWebhookDeliveriesFilter,
  ListWebhooksFilter,
  Requests,
  StaffRole,
  WebhookDeliveryView,
  WebhookView,
  type Page,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import { Roles } from '../auth/auth.decorators';
import { AcceptsIdempotencyKey, IdempotencyKey } from '../http/idempotency-key';
import { pageOf, schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';

/** An organisation's webhooks for its own systems, kept by its administrators and coordinators. */
@ApiTags('webhooks')
@Controller('organisations/:organisationId/webhooks')
@Roles(StaffRole.Administrator, StaffRole.Coordinator)
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary:
      "Send the organisation's referral events of these types to its own system: POSTed as the event envelope (JSON), signed " +
      '(samverkan-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>), retried with backoff until a 2xx. ' +
      'https only. The secret is in this answer only (not in a retry with the same Idempotency-Key).',
  })
  @ApiBody({ schema: schemaRef(CreateWebhookBody) })
  @ApiCreatedResponse({ schema: schemaRef(CreatedWebhookView) })
  create(
    @UuidParam('organisationId') organisationId: string,
    @Body() body: CreateWebhookBody,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<CreatedWebhookView> {
    return this.rpc.request(Requests.referrals.createWebhook, { ...body, organisationId }, { idempotencyKey });
  }

  @Get()
  @ApiOperation({ summary: "The organisation's webhooks, deleted ones included, newest first; never their secrets" })
  @ApiOkResponse({ schema: pageOf(WebhookView) })
  list(@UuidParam('organisationId') organisationId: string, @Query() filter: ListWebhooksFilter): Promise<Page<WebhookView>> {
    return this.rpc.request(Requests.referrals.listWebhooks, { ...filter, organisationId });
  }

  @Get(':webhookId')
  @ApiOkResponse({ schema: schemaRef(WebhookView) })
  get(@UuidParam('organisationId') organisationId: string, @UuidParam('webhookId') webhookId: string): Promise<WebhookView> {
    return this.rpc.request(Requests.referrals.getWebhook, { organisationId, webhookId });
  }

  @Delete(':webhookId')
  @ApiOperation({ summary: 'Stop a webhook: nothing more is sent, deliveries still waiting fail as deleted, and its delivery log stays readable' })
  @ApiOkResponse({ schema: schemaRef(WebhookView) })
  delete(@UuidParam('organisationId') organisationId: string, @UuidParam('webhookId') webhookId: string): Promise<WebhookView> {
    return this.rpc.request(Requests.referrals.deleteWebhook, { organisationId, webhookId });
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: "The webhook's delivery log, newest first: attempts, status and the last result of each event sent (never a response body)" })
  @ApiOkResponse({ schema: pageOf(WebhookDeliveryView) })
  listDeliveries(
    @UuidParam('organisationId') organisationId: string,
    @UuidParam('webhookId') webhookId: string,
    @Query() filter: ListWebhookDeliveriesFilter,
  ): Promise<Page<WebhookDeliveryView>> {
    return this.rpc.request(Requests.referrals.listWebhookDeliveries, { ...filter, organisationId, webhookId });
  }
}
