import { Controller, Injectable } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommutingQuery,
  EventType,
  ReferralDurationsQuery,
  ReferralStatisticsQuery,
  Requests,
  StatisticsPeriodQuery,
  SupportResourceFollowUpQuery,
  type ActorContext,
  type EventEnvelope,
  type GenderBalanceView,
  type ReferralDurationsView,
  type ReferralStateData,
  type ReferralStatisticsTable,
  type SupportResourceFollowUpView,
} from '@samverkan/contracts';
import { Actor, consumers, EventsHandler, OnEvent } from '@samverkan/messaging';
import { FlowStatisticsService } from './flow-statistics.service';
import { ReferralStatisticsService } from './referral-statistics.service';

/**
 * Events from referrals, fed by the durable consumer declared in the topology. Every type carries
 * the referral's whole state, so each moves the same fact forward.
 */
@Injectable()
@EventsHandler(consumers.learningReferralStatistics.durable)
export class ReferralEventsHandlers {
  constructor(private readonly statistics: ReferralStatisticsService) {}

  @OnEvent(EventType.ReferralSent)
  onSent(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.record(state, envelope);
  }

  @OnEvent(EventType.ReferralAcknowledged)
  onAcknowledged(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.record(state, envelope);
  }

  @OnEvent(EventType.ReferralAccepted)
  onAccepted(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.record(state, envelope);
  }

  @OnEvent(EventType.ReferralDeclined)
  onDeclined(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.record(state, envelope);
  }

  @OnEvent(EventType.ReferralStarted)
  onStarted(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.record(state, envelope);
  }

  @OnEvent(EventType.ReferralCompleted)
  onCompleted(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.record(state, envelope);
  }

  @OnEvent(EventType.ReferralInterrupted)
  onInterrupted(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.record(state, envelope);
  }

  /** By the sender, or because the consent it relied on ended while it was open. */
  @OnEvent(EventType.ReferralWithdrawn)
  onWithdrawn(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.record(state, envelope);
  }

  @OnEvent(EventType.ReferralExpired)
  onExpired(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.record(state, envelope);
  }

  private async record(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    await this.statistics.record(state, envelope);
  }
}

@Controller()
export class ReferralStatisticsHandlers {
  constructor(private readonly flow: FlowStatisticsService) {}

  @MessagePattern(Requests.learning.getReferralStatistics)
  table(@Payload() query: ReferralStatisticsQuery, @Actor() actor: ActorContext): Promise<ReferralStatisticsTable> {
    return this.flow.table(query, actor);
  }

  @MessagePattern(Requests.learning.getReferralDurations)
  durations(@Payload() query: ReferralDurationsQuery, @Actor() actor: ActorContext): Promise<ReferralDurationsView> {
    return this.flow.durations(query, actor);
  }

  @MessagePattern(Requests.learning.getSupportResourceFollowUp)
  followUp(@Payload() query: SupportResourceFollowUpQuery, @Actor() actor: ActorContext): Promise<SupportResourceFollowUpView> {
    return this.flow.followUp(query, actor);
  }

  @MessagePattern(Requests.learning.getCommuting)
  commuting(@Payload() query: CommutingQuery, @Actor() actor: ActorContext): Promise<ReferralStatisticsTable> {
    return this.flow.commuting(query, actor);
  }

  @MessagePattern(Requests.learning.getGenderBalance)
  genderBalance(@Payload() query: StatisticsPeriodQuery, @Actor() actor: ActorContext): Promise<GenderBalanceView> {
    return this.flow.genderBalance(query, actor);
  }
}
