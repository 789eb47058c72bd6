import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { collectingTransactionEvents, runCommand, type CommandContext } from '../commands/command-context';
import { OutboxRelay } from '../jetstream/outbox-relay';
import { MessagingMetrics } from '../messaging-metrics';
import type { SqlTransactionHost } from '../sql-client';
import { MESSAGING_TRANSACTION_HOST } from '../tokens';

export interface ScheduledJobRun {
  /** How many items the run handled (deleted, announced, escalated). */
  items: number;
  /** The run stopped at its batch size: run again at once instead of after the interval. */
  more: boolean;
  /**
   * Work that must not hold the job's transaction open (HTTP calls to other systems): it runs once
   * the run committed, before this replica runs the job again. What it changes it commits on its
   * own; a replica that dies during it leaves that to whatever the committed run arranged (a
   * lease that runs out, say).
   */
  afterCommit?: () => Promise<void>;
}

export interface ScheduledJob {
  /** Unique per service; the row in `scheduled_jobs` that carries its next run. */
  name: string;
  /** Time between runs once a run found nothing more to do. */
  intervalMs: number;
  /**
   * One bounded batch of work, in the transaction that holds the job's row: its changes and its
   * outbox events commit together with the job's next run, or not at all.
   */
  run(now: Date): Promise<ScheduledJobRun>;
}

/** How often a replica looks whether a job is due, at most. */
const maxPollMs = 1000;

/**
 * Runs a service's scheduled jobs from the database rather than from in-memory timers, so a job
 * survives restarts and runs once however many replicas there are: each job's next run is a row
 * of `scheduled_jobs`; a replica claims a due row with `FOR UPDATE SKIP LOCKED`, runs one batch
 * in that transaction and moves the row on. A replica that dies mid-run rolls back, and the row
 * is due again for the next one. Events the run wrote are published once it committed.
 */
@Injectable()
export class ScheduledJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ScheduledJobs.name);
  private readonly jobs: ScheduledJob[] = [];
  private readonly loops: Array<Promise<void>> = [];
  private running = false;
  private readonly wakers = new Set<() => void>();

  constructor(
    @Inject(MESSAGING_TRANSACTION_HOST) private readonly txHost: SqlTransactionHost,
    private readonly relay: OutboxRelay,
    private readonly metrics: MessagingMetrics,
  ) {}

  /** Call from a provider's constructor or onModuleInit: jobs start with the application. */
  register(job: ScheduledJob): void {
    if (this.jobs.some((known) => known.name === job.name)) throw new Error(`scheduled job ${job.name} is registered twice`);
    this.jobs.push(job);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    for (const job of this.jobs) {
      await this.txHost.tx.$executeRawUnsafe('INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, now()) ON CONFLICT (name) DO NOTHING', job.name);
      this.loops.push(this.loop(job));
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    await Promise.all(this.loops);
  }

  /**
   * Runs the job now if it is due (and no other replica is running it); returns what the run
   * did, or null when it was not this replica's turn. The loop calls it; tests may too.
   */
  async runIfDue(job: ScheduledJob): Promise<ScheduledJobRun | null> {
    const command: CommandContext = { committedEvents: [] };
    const result = await runCommand(command, () =>
      collectingTransactionEvents(
        (work) => this.txHost.withTransaction(work),
        async () => {
          const claimed = await this.txHost.tx.$queryRawUnsafe<Array<{ now: Date }>>(
            'SELECT now() AS now FROM scheduled_jobs WHERE name = $1 AND next_run_at <= now() FOR UPDATE SKIP LOCKED',
            job.name,
          );
          const now = claimed[0]?.now;
          if (!now) return null;
          const run = await job.run(now);
          const delayMs = run.more ? 0 : job.intervalMs;
          await this.txHost.tx.$executeRawUnsafe(
            `UPDATE scheduled_jobs SET last_run_at = $2, last_items = $3, next_run_at = $2::timestamptz + make_interval(secs => $4::double precision)
              WHERE name = $1`,
            job.name,
            now,
            run.items,
            delayMs / 1000,
          );
          return run;
        },
      ),
    );
    this.relay.publishCommitted(command.committedEvents);
    if (result) {
      this.metrics.scheduledJobRuns.inc({ job: job.name });
      this.metrics.scheduledJobLastRun.set({ job: job.name }, Date.now() / 1000);
      // The run committed: a failure here is not the run's, and the job is not due again for it.
      await result.afterCommit?.().catch((error: unknown) => this.logger.error({ err: error, job: job.name }, "scheduled job's work after its commit failed"));
    }
    return result;
  }

  private async loop(job: ScheduledJob): Promise<void> {
    const pollMs = Math.min(job.intervalMs, maxPollMs);
    while (this.running) {
      let more = false;
      try {
        more = (await this.runIfDue(job))?.more ?? false;
      } catch (error) {
        if (this.running) this.logger.error({ err: error, job: job.name }, 'scheduled job failed; it stays due');
      }
      if (!more) await this.sleep(pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}
