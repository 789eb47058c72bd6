import { Module } from '@nestjs/common';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookDeliveryJobs } from './webhook-delivery.jobs';
import { WebhookEventsHandlers } from './webhook-events.handlers';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksHandlers } from './webhooks.handlers';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Organisations' webhooks: subscriptions, the fan-out of referral events, and signed deliveries with retries. */
@Module({
  controllers: [WebhooksHandlers],
  providers: [WebhooksService, WebhooksRepository, WebhookSecrets, WebhookSender, WebhookDeliveries, WebhookDeliveryJobs, WebhookEventsHandlers],
})
export class WebhooksModule {}
