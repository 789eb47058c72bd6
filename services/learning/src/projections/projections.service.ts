import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import {
  assertRole,
  decodeEventData,
  DomainError,
  ErrorCode,
  StaffRole,
  type ActorContext,
  type EventEnvelope,
  type GetProjectionRunQuery,
  type ProjectionRunView,
  type RebuildProjectionCommand,
  type ReferralStateData,
} from '@samverkan/contracts';
import { consumers, JETSTREAM, JETSTREAM_MANAGER, Namespace, replayStream, replays, runCommand } from '@samverkan/messaging';
import { v7 as uuidv7 } from 'uuid';
import { InjectLearningTransactionHost, type LearningTransactionHost } from '../database';
import { ReferralFactsRepository } from '../referral-statistics/referral-facts.repository';
import { ReferralStatisticsService } from '../referral-statistics/referral-statistics.service';
import { ProjectionRunsRepository } from './projection-runs.repository';

const projectionBusy = (projection: string) =>
  new DomainError(ErrorCode.ProjectionBusy, `A rebuild of ${projection} is running already; follow it, or start again once it has finished`);

const runNotFound = (runId: string) =>
  new DomainError(ErrorCode.ProjectionRunNotFound, `No projection run ${runId}`, [{ field: 'runId', message: 'is not a run' }]);

const handledTypes: ReadonlySet<string> = new Set(consumers.learningReferralStatistics.eventTypes);

/**
 * Rebuilds learning's referral facts while the service runs: referrals' stream is replayed into
 * the append-only history (a version already recorded is kept, so a replay adds only what is
 * missing and a second one adds nothing), then every fact is derived from the history again and
 * those that differ are put right. The live consumer goes on meanwhile: both only ever move a
 * fact to what its history says.
 */
@Injectable()
export class ProjectionsService {
  private readonly logger = new Logger(ProjectionsService.name);
  /** Runs of this replica, so a shutdown can wait for them. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly runs: ProjectionRunsRepository,
    private readonly statistics: ReferralStatisticsService,
    private readonly facts: ReferralFactsRepository,
    @InjectLearningTransactionHost() private readonly txHost: LearningTransactionHost,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    private readonly namespace: Namespace,
  ) {}

  /** Starts a run and answers at once; its progress is read with `run`. */
  async rebuild(command: RebuildProjectionCommand, actor: ActorContext): Promise<ProjectionRunView> {
    assertRole(actor, StaffRole.Operator);
    const id = uuidv7();
    const since = command.since ? new Date(command.since) : null;
    const started = await this.runs.startUnlessRunning({ id, projection: command.projection, since, requestedBy: actor.staffId });
    if (!started) throw projectionBusy(command.projection);
    const work = this.replayAndDerive(id, since).finally(() => this.running.delete(work));
    this.running.add(work);
    return started;
  }

  async run(query: GetProjectionRunQuery, actor: ActorContext): Promise<ProjectionRunView> {
    assertRole(actor, StaffRole.Operator);
    const found = await this.runs.find(query.runId);
    if (!found) throw runNotFound(query.runId);
    return found;
  }

  /** For tests and shutdown: the runs this replica has going. */
  async settled(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async replayAndDerive(id: string, since: Date | null): Promise<void> {
    let invalid = 0;
    let added = 0;
    try {
      const replayed = await replayStream(
        { js: this.js, jsm: this.jsm, namespace: this.namespace },
        replays.learningReferralFacts,
        since ? { since } : {},
        async (batch, progress) => {
          const handled = batch.filter((envelope): envelope is EventEnvelope => envelope !== null && handledTypes.has(envelope.type));
          invalid += batch.filter((envelope) => envelope === null).length;
          added += await this.inTransaction(async () => {
            let fresh = 0;
            for (const envelope of handled) {
              const state = decodeReferralState(envelope);
              if (!state) {
                invalid += 1;
                continue;
              }
              if (await this.statistics.record(state, envelope)) fresh += 1;
            }
            return fresh;
          });
          await this.runs.progress(id, { eventsTotal: progress.total, eventsRead: progress.read, eventsInvalid: invalid, transitionsAdded: added });
        },
      );
      await this.runs.progress(id, { eventsTotal: replayed.total, eventsRead: replayed.read, eventsInvalid: invalid, transitionsAdded: added });
      const derived = await this.inTransaction(() => this.facts.rebuildFromHistory());
      await this.runs.finish(id, { referrals: derived.referrals, factsCorrected: derived.corrected });
    } catch (error) {
      this.logger.error({ err: error, runId: id }, 'rebuilding referral facts failed');
      await this.runs.finish(id, { error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    }
  }

  private inTransaction<T>(work: () => Promise<T>): Promise<T> {
    return runCommand({ committedEvents: [] }, () => this.txHost.withTransaction(work));
  }
}

function decodeReferralState(envelope: EventEnvelope): ReferralStateData | null {
  try {
    return decodeEventData(envelope as EventEnvelope & { type: (typeof consumers.learningReferralStatistics.eventTypes)[number] }) as ReferralStateData;
  } catch {
    return null;
  }
}
