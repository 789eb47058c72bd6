import { Injectable } from '@nestjs/common';
import type { WebhookDeliveryStatus, WebhookEventType } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectReferralsTransactionHost, type ReferralsTransactionHost } from '../database';
import type { WebhookDelivery, WebhookSubscription } from '../generated/prisma/client';
import type { AttemptResult, ClaimedDelivery, DeliveryRecord, WebhookRecord } from './webhook';

function toWebhookRecord(row: WebhookSubscription): WebhookRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    url: row.url,
    eventTypes: row.eventTypes as WebhookEventType[],
    description: row.description,
    secret: { keyId: row.secretKeyId, ciphertext: Buffer.from(row.secretCiphertext) },
    active: row.active,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

function toDeliveryRecord(row: WebhookDelivery): DeliveryRecord {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventId: row.eventId,
    eventType: row.eventType as WebhookEventType,
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastAttemptAt: row.lastAttemptAt,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
  };
}

/** Newest first, after the cursor's row (keyset pagination on created_at, id). */
function newestFirstAfter(after: Cursor | undefined) {
  if (!after) return {};
  const createdAt = new Date(after.key);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: after.id } }] };
}

/** The webhook tables; every statement joins the transaction the caller has open, if any. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectReferralsTransactionHost() private readonly txHost: ReferralsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  async create(record: Omit<WebhookRecord, 'active' | 'createdAt'>): Promise<WebhookRecord> {
    const row = await this.db.webhookSubscription.create({
      data: {
        id: record.id,
        organisationId: record.organisationId,
        url: record.url,
        eventTypes: record.eventTypes,
        description: record.description,
        secretCiphertext: new Uint8Array(record.secret.ciphertext),
        secretKeyId: record.secret.keyId,
        createdBy: record.createdBy,
      },
    });
    return toWebhookRecord(row);
  }

  async find(id: string): Promise<WebhookRecord | null> {
    const row = await this.db.webhookSubscription.findUnique({ where: { id } });
    return row ? toWebhookRecord(row) : null;
  }

  async list(filter: { organisationId: string; after?: Cursor; take: number }): Promise<WebhookRecord[]> {
    const rows = await this.db.webhookSubscription.findMany({
      where: { organisationId: filter.organisationId, ...newestFirstAfter(filter.after) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
    });
    return rows.map(toWebhookRecord);
  }

  /**
   * Deletes a webhook: it stops being active, and what it still had to deliver fails as deleted
   * (an attempt under way at that moment too: its result is not recorded). Run in a transaction.
   * Taking the row first waits for an event's transaction that holds it (the outbox trigger takes
   * it FOR SHARE), so the deliveries that event enqueued are among those cancelled here.
   */
  async deactivate(id: string, deletedBy: string): Promise<WebhookRecord> {
    const row = await this.db.webhookSubscription.update({
      where: { id },
      data: { active: false, deletedAt: new Date(), deletedBy },
    });
    await this.db.$executeRaw`
      UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'webhook deleted'
       WHERE subscription_id = ${id}::uuid AND status = 'pending'`;
    return toWebhookRecord(row);
  }

  /**
   * Claims up to `limit` due deliveries for an attempt, in the caller's transaction: each counts
   * its attempt and moves its next attempt `leaseMs` ahead, so once this commits no replica takes
   * it again unless the attempt's result is never recorded (the replica died) and the lease runs
   * out. SKIP LOCKED lets replicas claim side by side.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await this.db.$queryRaw<
      Array<{
        id: string;
        subscription_id: string;
        event_id: string;
        event_type: string;
        body: string;
        attempts: number;
        url: string;
        secret_key_id: string;
        secret_ciphertext: Uint8Array;
      }>
    >`
      WITH due AS (
        SELECT id AS due_id FROM webhook_deliveries
         WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at
         LIMIT ${limit}
           FOR UPDATE SKIP LOCKED)
      UPDATE webhook_deliveries d
         SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
        FROM due, webhook_subscriptions s
       WHERE d.id = due.due_id AND s.id = d.subscription_id
      RETURNING d.id, d.subscription_id, d.event_id, d.event_type, d.body, d.attempts, s.url, s.secret_key_id, s.secret_ciphertext`;
    return rows.map((row) => ({
      id: row.id,
      subscriptionId: row.subscription_id,
      eventId: row.event_id,
      eventType: row.event_type,
      body: row.body,
      attempt: row.attempts,
      url: row.url,
      secret: { keyId: row.secret_key_id, ciphertext: Buffer.from(row.secret_ciphertext) },
    }));
  }

  /**
   * Records how an attempt went, unless the delivery moved on meanwhile (its lease ran out and
   * another attempt was claimed, or its webhook was deleted): then this result is stale and
   * nothing is written. Returns whether it was recorded.
   */
  async recordAttempt(id: string, attempt: number, result: AttemptResult): Promise<boolean> {
    const error = result.status === 'delivered' ? null : result.error;
    const retryInSeconds = result.status === 'pending' ? result.retryInMs / 1000 : null;
    const updated = await this.db.$executeRaw`
      UPDATE webhook_deliveries
         SET status = ${result.status}, last_status_code = ${result.statusCode}, last_error = ${error},
             next_attempt_at = CASE WHEN ${result.status} = 'pending' THEN now() + make_interval(secs => ${retryInSeconds}::double precision) END,
             delivered_at = CASE WHEN ${result.status} = 'delivered' THEN now() END
       WHERE id = ${id}::uuid AND attempts = ${attempt} AND status = 'pending'`;
    return updated === 1;
  }

  async listDeliveries(filter: { subscriptionId: string; status?: WebhookDeliveryStatus; after?: Cursor; take: number }): Promise<DeliveryRecord[]> {
    const rows = await this.db.webhookDelivery.findMany({
      where: { subscriptionId: filter.subscriptionId, ...(filter.status ? { status: filter.status } : {}), ...newestFirstAfter(filter.after) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.take,
    });
    return rows.map(toDeliveryRecord);
  }

  /** Removes up to `limit` finished deliveries created before the cutoff, oldest first; returns how many. */
  async pruneFinishedBefore(cutoff: Date, limit: number): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM webhook_deliveries WHERE id IN (
        SELECT id FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ${cutoff} ORDER BY created_at LIMIT ${limit})`;
  }
}
