import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListNotificationsQuery,
  MarkNotificationReadCommand,
  Requests,
  type ActorContext,
  type NotificationFeedView,
  type NotificationsMarkedReadView,
  type NotificationView,
  type UnreadNotificationsView,
} from '@samverkan/contracts';
import { Actor } from '@samverkan/messaging';
import { NotificationsService } from './notifications.service';

@Controller()
export class NotificationsHandlers {
  constructor(private readonly notifications: NotificationsService) {}

  @MessagePattern(Requests.referrals.listNotifications)
  list(@Payload() query: ListNotificationsQuery, @Actor() actor: ActorContext): Promise<NotificationFeedView> {
    return this.notifications.list(query, actor);
  }

  @MessagePattern(Requests.referrals.countUnreadNotifications)
  countUnread(@Actor() actor: ActorContext): Promise<UnreadNotificationsView> {
    return this.notifications.countUnread(actor);
  }

  @MessagePattern(Requests.referrals.markNotificationRead)
  markRead(@Payload() command: MarkNotificationReadCommand, @Actor() actor: ActorContext): Promise<NotificationView> {
    return this.notifications.markRead(command, actor);
  }

  @MessagePattern(Requests.referrals.markAllNotificationsRead)
  markAllRead(@Actor() actor: ActorContext): Promise<NotificationsMarkedReadView> {
    return this.notifications.markAllRead(actor);
  }
}
