import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  assertRole,
  defaultPageSize,
  DomainError,
  ErrorCode,
  municipalities,
  ObstacleCandidateDecision,
  ObstacleCandidateStatus,
  StaffRole,
  type ActorContext,
  type DecideObstacleCandidateCommand,
  type ListObstacleCandidatesQuery,
  type ObstacleCandidateRule,
  type ObstacleCandidateView,
  type Page,
  validationFailed,
} from '@samverkan/contracts';
import { ScheduledJobs, type ScheduledJobRun } from '@samverkan/messaging';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import type { LearningConfig } from '../config';
import { LEARNING_CONFIG } from '../config.token';
import { LearningTransactional } from '../database';
import type { ObstacleCandidate } from '../generated/prisma/client';
import { ObstaclesService } from '../obstacles/obstacles.service';
import { candidateRule } from './candidate-rules';
import { candidateView, ObstacleCandidatesRepository } from './obstacle-candidates.repository';

const candidateNotFound = (candidateId: string) =>
  new DomainError(ErrorCode.ObstacleCandidateNotFound, `No obstacle candidate ${candidateId}`, [{ field: 'candidateId', message: 'no such candidate' }]);

const alreadyDecided = (candidate: ObstacleCandidate) =>
  new DomainError(ErrorCode.IllegalTransition, `The candidate was ${candidate.status} already`, [{ field: 'candidateId', message: `is ${candidate.status}` }]);

const candidateMoved = (candidate: ObstacleCandidate) =>
  new DomainError(ErrorCode.VersionConflict, `The candidate's figures changed since they were read; it is at version ${candidate.version}`, [
    { field: 'version', message: `must be ${candidate.version}` },
  ]);

const reasonRequired = () => validationFailed([{ field: 'reason', message: 'is required: why it is no structural obstacle' }]);

/**
 * Obstacles the referral flow suggests: a scheduled job (run from the database, once however
 * many replicas) counts each rule per municipality, need and quarter and proposes what crosses
 * the threshold; analysts list the candidates and confirm one (recording the structural obstacle,
 * with the candidate as its evidence, in the same transaction) or dismiss it with a reason.
 */
@Injectable()
export class ObstacleCandidatesService implements OnModuleInit {
  constructor(
    private readonly candidates: ObstacleCandidatesRepository,
    private readonly obstacles: ObstaclesService,
    private readonly scheduler: ScheduledJobs,
    @Inject(LEARNING_CONFIG) private readonly config: Pick<LearningConfig, 'obstacleCandidates'>,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'learning.obstacle-candidates', intervalMs: this.config.obstacleCandidates.intervalMs, run: () => this.detect() });
  }

  async detect(): Promise<ScheduledJobRun> {
    const { minCount, minShare } = this.config.obstacleCandidates;
    return { items: await this.candidates.detect({ minCount, minShare }), more: false };
  }

  async list(query: ListObstacleCandidatesQuery, actor: ActorContext): Promise<Page<ObstacleCandidateView>> {
    assertRole(actor, StaffRole.Analyst);
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.candidates.list({
      status: query.status,
      municipalityCode: query.municipalityCode,
      rule: query.rule,
      after: decodeCursor(query.after, isTimeKey),
      take: limit + 1,
    });
    return toPage(rows, limit, candidateView, (row) => ({ key: row.detectedAt.toISOString(), id: row.id }));
  }

  @LearningTransactional()
  async decide(command: DecideObstacleCandidateCommand, actor: ActorContext): Promise<ObstacleCandidateView> {
    assertRole(actor, StaffRole.Analyst);
    const candidate = await this.candidates.find(command.candidateId);
    if (!candidate) throw candidateNotFound(command.candidateId);
    if (candidate.status !== ObstacleCandidateStatus.Proposed) throw alreadyDecided(candidate);
    if (candidate.version !== command.version) throw candidateMoved(candidate);

    let decided: ObstacleCandidate | null;
    if (command.decision === ObstacleCandidateDecision.Confirm) {
      const summary = candidateRule(candidate.rule as ObstacleCandidateRule).describe({
        count: candidate.count,
        basis: candidate.basis,
        need: candidate.need,
        municipalityName: municipalities[candidate.municipalityCode as keyof typeof municipalities],
        quarter: candidate.quarter,
      });
      const obstacle = await this.obstacles.recordFromFlow(
        {
          category: candidateView(candidate).category,
          description: command.description ?? summary,
          municipalityCodes: [candidateView(candidate).municipalityCode],
          candidateId: candidate.id,
          summary,
        },
        actor,
      );
      decided = await this.candidates.decide(candidate.id, command.version, {
        status: ObstacleCandidateStatus.Confirmed,
        decidedBy: actor.staffId,
        obstacleId: obstacle.obstacleId,
      });
    } else {
      if (!command.reason) throw reasonRequired();
      decided = await this.candidates.decide(candidate.id, command.version, {
        status: ObstacleCandidateStatus.Dismissed,
        decidedBy: actor.staffId,
        dismissalReason: command.reason,
      });
    }
    // Moved or decided by someone else between the read and the write: the obstacle rolls back with it.
    if (!decided) throw candidateMoved((await this.candidates.find(candidate.id)) ?? candidate);
    return candidateView(decided);
  }
}
