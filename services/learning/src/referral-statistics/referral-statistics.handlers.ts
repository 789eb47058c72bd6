import { Controller, Injectable } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EventType, GetReferralStatisticsQuery, Requests, type EventEnvelope, type ReferralStateData, type ReferralStatisticsView } from '@samverkan/contracts';
import { consumers, EventsHandler, OnEvent } from '@samverkan/messaging';
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

  private record(state: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    return this.statistics.record(state, new Date(envelope.time));
  }
}

@Controller()
export class ReferralStatisticsHandlers {
  constructor(private readonly statistics: ReferralStatisticsService) {}

  @MessagePattern(Requests.learning.getReferralStatistics)
  get(@Payload() query: GetReferralStatisticsQuery): Promise<ReferralStatisticsView> {
    return this.statistics.countByMunicipalityAndStatus(query);
  }
}
