import { Module } from '@nestjs/common';
import { LiveNotifications } from './live-notifications';
import { NotificationEventsHandlers } from './notification-events.handlers';
import { NotificationRecorder } from './notification-recorder';
import { NotificationsHandlers } from './notifications.handlers';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Staff's notification feed of referral events (new, answered, withdrawn, overdue), their read marks, and the live announcements. */
@Module({
  controllers: [NotificationsHandlers],
  providers: [NotificationsService, NotificationsRepository, NotificationRecorder, LiveNotifications, NotificationEventsHandlers],
})
export class NotificationsModule {}
