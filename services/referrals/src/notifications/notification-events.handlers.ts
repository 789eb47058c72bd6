import { Injectable } from '@nestjs/common';
import { type EventData, type EventEnvelope } from '@samverkan/contracts';
import { consumers, EventsHandler, OnEvent } from '@samverkan/messaging';
import { NotificationRecorder } from './notification-recorder';
import type { NotifiedEventType } from './notification-audiences';

const [firstType, ...otherTypes] = consumers.referralsNotifications.eventTypes;

/**
 * Referrals' own events that staff are told of, fed back by the durable consumer declared in the
 * topology: every type it declares is handled alike, by the audience rules.
 */
@Injectable()
@EventsHandler(consumers.referralsNotifications.durable)
export class NotificationEventsHandlers {
  constructor(private readonly recorder: NotificationRecorder) {}

  @OnEvent(firstType, ...otherTypes)
  async onReferralEvent(data: EventData<NotifiedEventType>, envelope: EventEnvelope): Promise<void> {
    await this.recorder.record(envelope.type as NotifiedEventType, data, envelope);
  }
}
