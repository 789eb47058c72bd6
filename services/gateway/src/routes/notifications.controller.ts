import { Controller, Get, HttpCode, Post, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ListNotificationsFilter,
  NotificationFeedView,
  NotificationsMarkedReadView,
  NotificationView,
  Requests,
  type ActorContext,
} from '@samverkan/contracts';
import { RpcClient } from '@samverkan/messaging';
import type { Observable } from 'rxjs';
import { AuthenticatedActor } from '../auth/auth.decorators';
import { schemaRef } from '../http/openapi';
import { UuidParam } from '../http/uuid-param';
import { heartbeatMs, LiveNotificationStreams } from '../notifications/live-notification-streams';

/** The signed-in staff member's notifications of referrals: new, answered, withdrawn and overdue. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly streams: LiveNotificationStreams,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Your notification feed, newest first: referrals sent to your unit (or, when no unit was named, to your organisation as a caseworker), ' +
      'answers to referrals you sent, withdrawals, and missed deadlines escalated to you as unit manager or coordinator; with how many are unread',
  })
  @ApiOkResponse({ schema: schemaRef(NotificationFeedView) })
  list(@Query() filter: ListNotificationsFilter): Promise<NotificationFeedView> {
    return this.rpc.request(Requests.referrals.listNotifications, filter);
  }

  @Sse('stream')
  @ApiOperation({
    summary: 'Your notifications as they come (text/event-stream)',
    description:
      'First an `unread` event ({"unreadCount": n}), then a `notification` event (a NotificationView) for each new notification while the stream ' +
      `is open, and a comment every ${heartbeatMs / 1000} s. Nothing is replayed: after a reconnect, read the feed. An \`error\` event ({code, message}) ends the stream.`,
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'Server-sent events', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  stream(@AuthenticatedActor() actor: ActorContext): Observable<MessageEvent> {
    return this.streams.streamFor(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification you have been told of so far read (for you only); later ones stay unread' })
  @ApiOkResponse({ schema: schemaRef(NotificationsMarkedReadView) })
  markAllRead(): Promise<NotificationsMarkedReadView> {
    return this.rpc.request(Requests.referrals.markAllNotificationsRead, {});
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read, for you only; marking it again keeps the first time. Another’s is not found' })
  @ApiOkResponse({ schema: schemaRef(NotificationView) })
  markRead(@UuidParam('notificationId') notificationId: string): Promise<NotificationView> {
    return this.rpc.request(Requests.referrals.markNotificationRead, { notificationId });
  }
}
