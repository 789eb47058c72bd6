import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  registerDecorator,
} from 'class-validator';
import { IsOmittable } from '../field-rules';
import { PageQuery } from '../pagination';
import { EventType } from '../subjects';

/**
 * The events an organisation's webhooks can carry: referrals' own, about referrals the
 * organisation sent or received. Every referral event type, so a type added to the lifecycle can
 * be subscribed to without a change here.
 */
export type WebhookEventType = Extract<EventType, `referrals.events.referral.${string}`>;
export const webhookEventTypes: WebhookEventType[] = Object.values(EventType).filter((type): type is WebhookEventType =>
  type.startsWith('referrals.events.referral.'),
);

export const WebhookDeliveryStatus = {
  /** Waiting for its first attempt, being attempted, or waiting to be tried again. */
  Pending: 'pending',
  Delivered: 'delivered',
  /** Attempted as often as allowed without a 2xx answer, or its webhook was deleted first. */
  Failed: 'failed',
} as const;
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatus)[keyof typeof WebhookDeliveryStatus];

/** The longest webhook URL taken. */
export const webhookUrlMaxLength = 2000;

/** The hosts a plain-http webhook may point at, where the configuration allows it (development and tests). */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What is wrong with a webhook URL, or undefined when nothing is: an absolute https URL of
 * printable ASCII (an international host in punycode) without credentials; http only to this
 * machine (localhost, 127.0.0.1, [::1]) and only when `allowLocalHttp`. The contract checks it
 * with local http allowed; the service again with its configuration.
 */
export function webhookUrlProblem(value: unknown, allowLocalHttp: boolean): string | undefined {
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) return 'must be a URL of printable ASCII characters without spaces';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'may not contain credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowLocalHttp && loopbackHosts.has(url.hostname)) return undefined;
  return allowLocalHttp ? 'must use https (http only to localhost)' : 'must use https';
}

export function IsWebhookUrl(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isWebhookUrl',
      target: target.constructor,
      propertyName: propertyKey.toString(),
      options: { message: (args) => `${args.property} ${webhookUrlProblem(args.value, true) ?? 'is not a webhook URL'}` },
      validator: { validate: (value: unknown) => webhookUrlProblem(value, true) === undefined },
    });
}

export class CreateWebhookBody {
  /** Where the events are POSTed: https (plain http only to localhost in development and tests), no credentials. */
  @IsString()
  @MaxLength(webhookUrlMaxLength)
  @IsWebhookUrl()
  url!: string;

  /** The referral events to send, each at most once. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(webhookEventTypes.length)
  @ArrayUnique()
  @IsIn(webhookEventTypes, { each: true })
  eventTypes!: WebhookEventType[];

  /** What the receiving system is, for the organisation's own administrators. Never about a person. */
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class CreateWebhookCommand extends CreateWebhookBody {
  @IsUUID()
  organisationId!: string;
}

export class GetWebhookQuery {
  @IsUUID()
  organisationId!: string;

  @IsUUID()
  webhookId!: string;
}

export class DeleteWebhookCommand extends GetWebhookQuery {}

export class ListWebhooksFilter extends PageQuery {}

export class ListWebhooksQuery extends ListWebhooksFilter {
  @IsUUID()
  organisationId!: string;
}

export class ListWebhookDeliveriesFilter extends PageQuery {
  @IsOmittable()
  @IsIn(Object.values(WebhookDeliveryStatus))
  status?: WebhookDeliveryStatus;
}

export class ListWebhookDeliveriesQuery extends ListWebhookDeliveriesFilter {
  @IsUUID()
  organisationId!: string;

  @IsUUID()
  webhookId!: string;
}

/** A webhook as its organisation sees it: never its secret (only the answer that created it has that). */
export class WebhookView {
  @IsUUID()
  id!: string;

  @IsUUID()
  organisationId!: string;

  @IsString()
  url!: string;

  @IsIn(webhookEventTypes, { each: true })
  eventTypes!: WebhookEventType[];

  @IsOptional()
  @IsString()
  description!: string | null;

  /** False once deleted: nothing more is sent, and its delivery log stays readable. */
  @IsBoolean()
  active!: boolean;

  @IsISO8601()
  createdAt!: string;
}

/**
 * The answer that created a webhook, the only one with its secret. The receiver checks each
 * request's `samverkan-signature: t=<unix seconds>,v1=<hex>` header: v1 is HMAC-SHA256, keyed with
 * the secret (its UTF-8 bytes, prefix included), of `<t>.<raw body>`; a `t` far from the
 * receiver's clock is a replay. The secret is stored only encrypted, so a retry of the create with
 * the same Idempotency-Key answers the webhook without it (delete it and create another if the
 * first answer was lost).
 */
export class CreatedWebhookView extends WebhookView {
  @IsOmittable()
  @IsString()
  secret?: string;
}

/** One event for one webhook: what was tried, how it went, and what happens next. Never a response body. */
export class WebhookDeliveryView {
  @IsUUID()
  id!: string;

  @IsUUID()
  subscriptionId!: string;

  @IsUUID()
  eventId!: string;

  @IsIn(webhookEventTypes)
  eventType!: WebhookEventType;

  @IsInt()
  @Min(0)
  attempts!: number;

  @IsIn(Object.values(WebhookDeliveryStatus))
  status!: WebhookDeliveryStatus;

  /** The HTTP status of the last attempt; null before one answered (or when none could connect). */
  @IsOptional()
  @IsInt()
  lastStatusCode!: number | null;

  /** Why the last attempt failed, in a few words (`HTTP 500`, `timed out after 5000 ms`); never the response body. */
  @IsOptional()
  @IsString()
  lastError!: string | null;

  @IsOptional()
  @IsISO8601()
  lastAttemptAt!: string | null;

  /** When it is (or was, while being attempted) due next; null once delivered or failed. */
  @IsOptional()
  @IsISO8601()
  nextAttemptAt!: string | null;

  @IsOptional()
  @IsISO8601()
  deliveredAt!: string | null;

  @IsISO8601()
  createdAt!: string;
}
