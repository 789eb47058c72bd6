import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateWebhookCommand,
  DeleteWebhookCommand,
  GetWebhookQuery,
  ListWebhookDeliveriesQuery,
  ListWebhooksQuery,
  Requests,
  type ActorContext,
  type CreatedWebhookView,
  type Page,
  type WebhookDeliveryView,
  type WebhookView,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { WebhooksService } from './webhooks.service';

@Controller()
export class WebhooksHandlers {
  constructor(private readonly webhooks: WebhooksService) {}

  @MessagePattern(Requests.referrals.createWebhook)
  create(@Payload() command: CreateWebhookCommand, @Actor() actor: ActorContext): Promise<CreatedWebhookView> {
    return this.webhooks.create(command, actor);
  }

  @MessagePattern(Requests.referrals.listWebhooks)
  list(@Payload() query: ListWebhooksQuery, @Actor() actor: ActorContext): Promise<Page<WebhookView>> {
    return this.webhooks.list(query, actor);
  }

  @MessagePattern(Requests.referrals.getWebhook)
  get(@Payload() query: GetWebhookQuery, @Actor() actor: ActorContext): Promise<WebhookView> {
    return this.webhooks.get(query, actor);
  }

  @MessagePattern(Requests.referrals.deleteWebhook)
  delete(@Payload() command: DeleteWebhookCommand, @Actor() actor: ActorContext): Promise<WebhookView> {
    return this.webhooks.delete(command, actor);
  }

  @MessagePattern(Requests.referrals.listWebhookDeliveries)
  listDeliveries(@Payload() query: ListWebhookDeliveriesQuery, @Actor() actor: ActorContext): Promise<Page<WebhookDeliveryView>> {
    return this.webhooks.listDeliveries(query, actor);
  }
}
