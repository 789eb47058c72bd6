import { Inject, Injectable } from '@nestjs/common';
import {
  assertRole,
  defaultPageSize,
  StaffRole,
  webhookUrlProblem,
  type ActorContext,
  type CreatedWebhookView,
  type CreateWebhookCommand,
  type DeleteWebhookCommand,
  type GetWebhookQuery,
  type ListWebhookDeliveriesQuery,
  type ListWebhooksQuery,
  type Page,
  type WebhookDeliveryView,
  type WebhookView,
} from '@samverkan/contracts';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import type { ReferralsConfig } from '../config';
import { REFERRALS_CONFIG } from '../config.token';
import { ReferralsSingleStatement, ReferralsTransactional } from '../database';
import { toDeliveryView, toWebhookView, type WebhookRecord } from './webhook';
import { WebhookSecrets } from './webhook-secrets';
import { badWebhookUrl, notOwnOrganisation, webhookNotFound } from './webhooks.errors';
import { WebhooksRepository } from './webhooks.repository';

/**
 * An organisation's webhooks and their delivery log, kept by its own administrators and
 * coordinators: nobody sees or changes another organisation's.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    @Inject(REFERRALS_CONFIG) private readonly config: Pick<ReferralsConfig, 'webhooks'>,
  ) {}

  /**
   * Registers a webhook and answers with its secret, this once. What is recorded for a retry with
   * the same Idempotency-Key is the webhook without it (the secret is never stored in clear).
   */
  async create(command: CreateWebhookCommand, actor: ActorContext): Promise<CreatedWebhookView> {
    assertManages(actor, command.organisationId);
    const problem = webhookUrlProblem(command.url, this.config.webhooks.allowLocalHttp);
    if (problem) throw badWebhookUrl(problem);
    const id = uuidv7();
    const secret = this.secrets.generate();
    const view = await this.record({
      id,
      organisationId: command.organisationId,
      url: command.url,
      eventTypes: command.eventTypes,
      description: command.description ?? null,
      secret: this.secrets.seal(id, secret),
      createdBy: actor.staffId,
    });
    return { ...view, secret };
  }

  /** The organisation's webhooks, deleted ones included, newest first. */
  async list(query: ListWebhooksQuery, actor: ActorContext): Promise<Page<WebhookView>> {
    assertManages(actor, query.organisationId);
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.webhooks.list({ organisationId: query.organisationId, after: decodeCursor(query.after, isTimeKey), take: limit + 1 });
    return toPage(rows, limit, toWebhookView, (row) => ({ key: row.createdAt.toISOString(), id: row.id }));
  }

  async get(query: GetWebhookQuery, actor: ActorContext): Promise<WebhookView> {
    return toWebhookView(await this.ownWebhook(query, actor));
  }

  /** Stops a webhook: nothing more is sent, what was waiting fails as deleted, and its log stays. Deleting again changes nothing. */
  @ReferralsTransactional()
  async delete(command: DeleteWebhookCommand, actor: ActorContext): Promise<WebhookView> {
    const webhook = await this.ownWebhook(command, actor);
    if (!webhook.active) return toWebhookView(webhook);
    return toWebhookView(await this.webhooks.deactivate(webhook.id, actor.staffId));
  }

  /** What was sent to the webhook and how it went, newest first. */
  async listDeliveries(query: ListWebhookDeliveriesQuery, actor: ActorContext): Promise<Page<WebhookDeliveryView>> {
    const webhook = await this.ownWebhook(query, actor);
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.webhooks.listDeliveries({
      subscriptionId: webhook.id,
      status: query.status,
      after: decodeCursor(query.after, isTimeKey),
      take: limit + 1,
    });
    return toPage(rows, limit, toDeliveryView, (row) => ({ key: row.createdAt.toISOString(), id: row.id }));
  }

  /** One insert: with an Idempotency-Key, the key is claimed and this answer recorded with it. */
  @ReferralsSingleStatement()
  private async record(record: Omit<WebhookRecord, 'active' | 'createdAt'>): Promise<WebhookView> {
    return toWebhookView(await this.webhooks.create(record));
  }

  /** The webhook, if it is the organisation's and the actor manages the organisation; another organisation's is not found. */
  private async ownWebhook(query: GetWebhookQuery, actor: ActorContext): Promise<WebhookRecord> {
    assertManages(actor, query.organisationId);
    const webhook = await this.webhooks.find(query.webhookId);
    if (!webhook || webhook.organisationId !== query.organisationId) throw webhookNotFound(query.webhookId);
    return webhook;
  }
}

/** An organisation's administrators and coordinators manage its webhooks, and only its own. */
function assertManages(actor: ActorContext, organisationId: string): void {
  assertRole(actor, StaffRole.Administrator, StaffRole.Coordinator);
  if (actor.organisationId !== organisationId) throw notOwnOrganisation();
}
