import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ReferralsConfig } from '../config';
import { REFERRALS_CONFIG } from '../config.token';
import { retryDelayMs } from './retry-delay';
import type { AttemptResult, ClaimedDelivery } from './webhook';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender, type AttemptOutcome } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';

/** Deliveries claimed at once: each is one HTTP request in flight from this replica. */
export const deliveryBatchSize = 10;
/** Beyond an attempt's timeout, the time its result has to be recorded before another replica may try again. */
const leaseMarginMs = 10_000;

/**
 * Referral events to organisations' webhooks: each event is one delivery per webhook that wants
 * it (enqueued with the event, by the outbox trigger), and each delivery is attempted until a 2xx
 * answer or the last allowed attempt.
 */
@Injectable()
export class WebhookDeliveries {
  private readonly logger = new Logger(WebhookDeliveries.name);

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
    @Inject(REFERRALS_CONFIG) private readonly config: Pick<ReferralsConfig, 'webhooks'>,
  ) {}

  /**
   * Claims the due deliveries, in the scheduled job's transaction: each attempt is counted and
   * leased for its timeout (plus a margin to record the result), so no other replica takes it
   * meanwhile and one that dies mid-attempt leaves it to be tried again when the lease runs out.
   */
  claimDue(): Promise<ClaimedDelivery[]> {
    return this.webhooks.claimDue(deliveryBatchSize, this.config.webhooks.timeoutMs + leaseMarginMs);
  }

  /** After the claim committed: the attempts side by side, each result in a short statement of its own. */
  async attempt(claimed: ClaimedDelivery[]): Promise<void> {
    await Promise.all(claimed.map((delivery) => this.attemptOne(delivery)));
  }

  /** What an attempt's outcome leads to: delivered, tried again after a backoff, or given up after the last attempt. */
  nextStep(outcome: AttemptOutcome, attempt: number): AttemptResult {
    const { maxAttempts, backoffBaseMs, backoffCapMs } = this.config.webhooks;
    if (outcome.delivered) return { status: 'delivered', statusCode: outcome.statusCode };
    if (attempt >= maxAttempts) return { status: 'failed', statusCode: outcome.statusCode, error: outcome.error };
    return {
      status: 'pending',
      retryInMs: retryDelayMs(attempt, { baseMs: backoffBaseMs, capMs: backoffCapMs }),
      statusCode: outcome.statusCode,
      error: outcome.error,
    };
  }

  private async attemptOne(delivery: ClaimedDelivery): Promise<void> {
    const outcome = await this.send(delivery);
    try {
      const recorded = await this.webhooks.recordAttempt(delivery.id, delivery.attempt, this.nextStep(outcome, delivery.attempt));
      if (!recorded)
        this.logger.warn({ deliveryId: delivery.id, attempt: delivery.attempt }, 'webhook delivery moved on during its attempt; result not recorded');
    } catch (error) {
      // The database is away: the lease runs out and the delivery is tried again.
      this.logger.error({ err: error, deliveryId: delivery.id, attempt: delivery.attempt }, 'webhook delivery attempt could not be recorded');
    }
  }

  /** The attempt itself; never throws. A secret that cannot be decrypted fails the attempt like a refused request. */
  private async send(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    let secret: string;
    try {
      secret = this.secrets.reveal(delivery.subscriptionId, delivery.secret);
    } catch (error) {
      this.logger.error({ err: error, deliveryId: delivery.id, subscriptionId: delivery.subscriptionId }, 'webhook secret cannot be decrypted');
      return { delivered: false, statusCode: null, error: 'signing secret cannot be decrypted' };
    }
    return this.sender.send({ url: delivery.url, body: delivery.body, eventId: delivery.eventId, eventType: delivery.eventType, secret });
  }
}
