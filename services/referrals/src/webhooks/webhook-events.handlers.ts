import { Injectable } from '@nestjs/common';
import { webhookEventTypes, type EventEnvelope, type ReferralStateData } from '@samverkan/contracts';
import { consumers, EventsHandler, OnEvent } from '@samverkan/messaging';
import { WebhookDeliveries } from './webhook-deliveries.service';

const [firstType, ...otherTypes] = webhookEventTypes as [(typeof webhookEventTypes)[number], ...typeof webhookEventTypes];

/**
 * Referrals' own events, fed back to it by the durable consumer declared in the topology, to be
 * delivered to the webhooks of the two organisations of each referral. Every referral event type
 * is handled alike (the topology declares them all, from the same list), so a type added to the
 * lifecycle reaches webhooks without a change here; the webhooks choose.
 */
@Injectable()
@EventsHandler(consumers.referralsWebhooks.durable)
export class WebhookEventsHandlers {
  constructor(private readonly deliveries: WebhookDeliveries) {}

  @OnEvent(firstType, ...otherTypes)
  async onReferralEvent(referral: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    await this.deliveries.enqueue(envelope, referral);
  }
}
