import type { WebhookDeliveryStatus, WebhookDeliveryView, WebhookEventType, WebhookView } from '@samverkan/contracts';
import type { SealedSecret } from './webhook-secrets';

/** A webhook as the service works with it (its secret still sealed). */
export interface WebhookRecord {
  id: string;
  organisationId: string;
  url: string;
  eventTypes: WebhookEventType[];
  description: string | null;
  secret: SealedSecret;
  active: boolean;
  createdBy: string;
  createdAt: Date;
}

export interface DeliveryRecord {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** A delivery claimed for an attempt: what to send, where, and the attempt's number (already counted). */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  body: string;
  attempt: number;
  url: string;
  secret: SealedSecret;
}

/** What an attempt leads to: delivered, another attempt after a delay, or given up. */
export type AttemptResult =
  | { status: 'delivered'; statusCode: number | null }
  | { status: 'pending'; retryInMs: number; statusCode: number | null; error: string | null }
  | { status: 'failed'; statusCode: number | null; error: string | null };

export function toWebhookView(record: WebhookRecord): WebhookView {
  return {
    id: record.id,
    organisationId: record.organisationId,
    url: record.url,
    eventTypes: record.eventTypes,
    description: record.description,
    active: record.active,
    createdAt: record.createdAt.toISOString(),
  };
}

export function toDeliveryView(record: DeliveryRecord): WebhookDeliveryView {
  return {
    id: record.id,
    subscriptionId: record.subscriptionId,
    eventId: record.eventId,
    eventType: record.eventType,
    attempts: record.attempts,
    status: record.status,
    lastStatusCode: record.lastStatusCode,
    lastError: record.lastError,
    lastAttemptAt: record.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: record.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: record.deliveredAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
  };
}
