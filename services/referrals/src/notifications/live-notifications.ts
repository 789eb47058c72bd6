import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { liveNotificationSubject } from '@samverkan/contracts';
import { Namespace, NATS_CONNECTION } from '@samverkan/messaging';
import { toNotificationView, type NotificationRecord } from './notification';

/**
 * Tells the gateways' event streams of new notifications, on each audience's live subject (core
 * NATS: nothing is kept, so a message nobody listens for is gone, and the feed still has it).
 * The body is the notification's view, unread: ids and codes only.
 */
@Injectable()
export class LiveNotifications {
  private readonly encoder = new TextEncoder();

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly namespace: Namespace,
  ) {}

  publish(notifications: NotificationRecord[]): void {
    for (const notification of notifications) {
      const view = toNotificationView({ ...notification, readAt: null });
      this.connection.publish(this.namespace.subject(liveNotificationSubject(notification.audience)), this.encoder.encode(JSON.stringify(view)));
    }
  }
}
