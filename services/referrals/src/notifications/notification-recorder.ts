import { Injectable } from '@nestjs/common';
import { NotificationAudienceKind, type EventData, type EventEnvelope, type NotificationAudience } from '@samverkan/contracts';
import { afterCommit, PoisonMessageError } from '@samverkan/messaging';
import { v7 as uuidv7 } from 'uuid';
import { LiveNotifications } from './live-notifications';
import type { NotificationRecord } from './notification';
import { notificationsFor, TheSender, type NotifiedEventType } from './notification-audiences';
import { NotificationsRepository } from './notifications.repository';

/**
 * Turns referral events into notifications, in the consumer's transaction with its record of the
 * handled event, and once that committed announces the ones it added on the live subjects.
 */
@Injectable()
export class NotificationRecorder {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly live: LiveNotifications,
  ) {}

  /** Records what the event tells whom; an event recorded before adds nothing and announces nothing. Returns what it added. */
  async record<T extends NotifiedEventType>(type: T, data: EventData<T>, event: Pick<EventEnvelope, 'id' | 'time'>): Promise<NotificationRecord[]> {
    const planned = notificationsFor(type, data);
    const rows: Array<Omit<NotificationRecord, 'createdAt'>> = [];
    for (const notification of planned) {
      rows.push({
        id: uuidv7(),
        eventId: event.id,
        kind: notification.kind,
        referralId: data.referralId,
        referralStatus: data.status,
        overdueStep: notification.overdueStep,
        audience: notification.to === TheSender ? await this.senderOf(data.referralId) : notification.to,
        occurredAt: new Date(event.time),
      });
    }
    const added = await this.notifications.add(rows);
    if (added.length > 0) afterCommit(() => this.live.publish(added));
    return added;
  }

  /** The sending staff member, from the referral itself: events do not name staff. */
  private async senderOf(referralId: string): Promise<NotificationAudience> {
    const sentBy = await this.notifications.sentBy(referralId);
    // The event is published only after its referral committed, and referrals are never deleted.
    if (!sentBy) throw new PoisonMessageError(`referral ${referralId} of the event is not in the database`);
    return { kind: NotificationAudienceKind.Staff, id: sentBy };
  }
}
