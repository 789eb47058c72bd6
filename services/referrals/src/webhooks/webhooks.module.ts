import { Module } from '@nestjs/common';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookDeliveryJobs } from './webhook-delivery.jobs';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksHandlers } from './webhooks.handlers';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/**
 * Organisations' webhooks: subscriptions, and signed deliveries with retries. The deliveries are
 * enqueued by a trigger on the outbox, in the transaction that writes each referral event (see the
 * migration `webhook_deliveries_at_commit`).
 */
@Module({
  controllers: [WebhooksHandlers],
  providers: [WebhooksService, WebhooksRepository, WebhookSecrets, WebhookSender, WebhookDeliveries, WebhookDeliveryJobs],
})
export class WebhooksModule {}
