import { Injectable } from '@nestjs/common';
import { EventType, type EventEnvelope, type ReferralOverdueData, type ReferralStateData } from '@samverkan/contracts';
import { consumers, EventsHandler, OnEvent } from '@samverkan/messaging';
import { NotificationRecorder } from './notification-recorder';

/** Referrals' own events that staff are told of, fed back by the durable consumer declared in the topology. */
@Injectable()
@EventsHandler(consumers.referralsNotifications.durable)
export class NotificationEventsHandlers {
  constructor(private readonly recorder: NotificationRecorder) {}

  @OnEvent(EventType.ReferralSent)
  async onSent(referral: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    await this.recorder.record(EventType.ReferralSent, referral, envelope);
  }

  @OnEvent(EventType.ReferralAccepted)
  async onAccepted(referral: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    await this.recorder.record(EventType.ReferralAccepted, referral, envelope);
  }

  @OnEvent(EventType.ReferralDeclined)
  async onDeclined(referral: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    await this.recorder.record(EventType.ReferralDeclined, referral, envelope);
  }

  @OnEvent(EventType.ReferralWithdrawn)
  async onWithdrawn(referral: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    await this.recorder.record(EventType.ReferralWithdrawn, referral, envelope);
  }

  @OnEvent(EventType.ReferralOverdue)
  async onOverdue(overdue: ReferralOverdueData, envelope: EventEnvelope): Promise<void> {
    await this.recorder.record(EventType.ReferralOverdue, overdue, envelope);
  }

  @OnEvent(EventType.ReferralExpired)
  async onExpired(referral: ReferralStateData, envelope: EventEnvelope): Promise<void> {
    await this.recorder.record(EventType.ReferralExpired, referral, envelope);
  }
}
