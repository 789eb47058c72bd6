import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ScheduledJobs, type ScheduledJob, type ScheduledJobRun } from '@samverkan/messaging';
import type { ReferralsConfig } from '../config';
import { REFERRALS_CONFIG } from '../config.token';
import { deliveryBatchSize, WebhookDeliveries } from './webhook-deliveries.service';
import { WebhooksRepository } from './webhooks.repository';

const dayMs = 24 * 60 * 60 * 1000;
const retentionBatch = 1000;

/**
 * The scheduled work of webhooks, run from the database (see ScheduledJobs), so it survives
 * restarts and replicas share it: attempting due deliveries, and removing finished ones from the
 * log after the retention period. The attempts run after the claim committed, so no transaction
 * stays open while a receiver answers.
 */
@Injectable()
export class WebhookDeliveryJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: ScheduledJobs,
    private readonly deliveries: WebhookDeliveries,
    private readonly webhooks: WebhooksRepository,
    @Inject(REFERRALS_CONFIG) private readonly config: Pick<ReferralsConfig, 'webhooks'>,
  ) {}

  onModuleInit(): void {
    for (const job of this.jobs()) this.scheduler.register(job);
  }

  jobs(): ScheduledJob[] {
    const { webhooks } = this.config;
    return [
      { name: 'referrals.webhooks.deliver', intervalMs: webhooks.deliveryIntervalMs, run: () => this.deliver() },
      { name: 'referrals.webhooks.delivery-log-retention', intervalMs: 60 * 60 * 1000, run: (now) => this.pruneLog(now) },
    ];
  }

  private async deliver(): Promise<ScheduledJobRun> {
    const claimed = await this.deliveries.claimDue();
    return { items: claimed.length, more: claimed.length === deliveryBatchSize, afterCommit: () => this.deliveries.attempt(claimed) };
  }

  private async pruneLog(now: Date): Promise<ScheduledJobRun> {
    const cutoff = new Date(now.getTime() - this.config.webhooks.deliveryRetentionDays * dayMs);
    const pruned = await this.webhooks.pruneFinishedBefore(cutoff, retentionBatch);
    return { items: pruned, more: pruned === retentionBatch };
  }
}
