import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EventType, todayInSweden } from '@samverkan/contracts';
import { Outbox, ScheduledJobs, type ScheduledJob } from '@samverkan/messaging';
import type { CasesConfig } from '../config';
import { CASES_CONFIG } from '../config.token';
import { RetentionRepository } from './retention.repository';

const dayMs = 24 * 60 * 60 * 1000;
const caseBatch = 100;
const accessLogBatch = 1000;
const consentBatch = 100;

/** The retention rules' names, as deletion records and events carry them. */
export const RetentionRule = {
  ClosedCase: 'closed-case-after-last-entry',
  AccessLog: 'access-log-age',
} as const;

/**
 * The scheduled work of cases, run from the database (see ScheduledJobs): retention of closed
 * cases and of the access log, and the announcement of consents whose last day has passed.
 * Access is refused from the first day after a consent's last day without waiting for this: the
 * policy compares dates on every request. The announcement is for the other services, which
 * withdraw what relied on the consent.
 */
@Injectable()
export class RetentionJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: ScheduledJobs,
    private readonly retention: RetentionRepository,
    private readonly outbox: Outbox,
    @Inject(CASES_CONFIG) private readonly config: Pick<CasesConfig, 'retention'>,
  ) {}

  onModuleInit(): void {
    for (const job of this.jobs()) this.scheduler.register(job);
  }

  jobs(): ScheduledJob[] {
    const { retention } = this.config;
    return [
      { name: 'cases.retention.closed-cases', intervalMs: retention.intervalMs, run: (now) => this.purgeClosedCases(now) },
      { name: 'cases.retention.access-log', intervalMs: retention.intervalMs, run: (now) => this.pruneAccessLog(now) },
      { name: 'cases.consents.expiry', intervalMs: retention.consentExpiryIntervalMs, run: () => this.announceExpiries() },
    ];
  }

  private async purgeClosedCases(now: Date) {
    const cutoff = new Date(now.getTime() - this.config.retention.closedCaseDays * dayMs);
    const caseIds = await this.retention.claimClosedCasesBefore(cutoff, caseBatch);
    const purged = await this.retention.purgeCases(caseIds);
    for (const caseId of purged.caseIds) {
      await this.outbox.add(EventType.CasePurged, { type: 'case', id: caseId }, { caseId, rule: RetentionRule.ClosedCase });
    }
    await this.retention.recordDeletion(RetentionRule.ClosedCase, 'case', purged.caseIds.length);
    await this.retention.recordDeletion(RetentionRule.ClosedCase, 'person', purged.persons);
    return { items: purged.caseIds.length, more: caseIds.length === caseBatch };
  }

  private async pruneAccessLog(now: Date) {
    const cutoff = new Date(now.getTime() - this.config.retention.accessLogDays * dayMs);
    const pruned = await this.retention.pruneAccessLogBefore(cutoff, accessLogBatch);
    await this.retention.recordDeletion(RetentionRule.AccessLog, 'access_log_entry', pruned);
    return { items: pruned, more: pruned === accessLogBatch };
  }

  private async announceExpiries() {
    const expired = await this.retention.claimUnannouncedExpiries(todayInSweden(), consentBatch);
    for (const consent of expired) {
      await this.outbox.add(
        EventType.ConsentExpired,
        { type: 'consent', id: consent.id },
        { consentId: consent.id, caseId: consent.caseId, receivers: consent.receivers, purpose: consent.purpose },
      );
    }
    await this.retention.markExpiryAnnounced(expired.map((consent) => consent.id));
    return { items: expired.length, more: expired.length === consentBatch };
  }
}
