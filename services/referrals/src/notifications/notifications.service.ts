import { Injectable } from '@nestjs/common';
import {
  audiencesOf,
  defaultPageSize,
  validationFailed,
  type ActorContext,
  type ListNotificationsQuery,
  type MarkNotificationReadCommand,
  type NotificationFeedView,
  type NotificationsMarkedReadView,
  type NotificationView,
  type UnreadNotificationsView,
} from '@samverkan/contracts';
import { decodeCursor, isTimeKey, toPage, type Cursor } from '@samverkan/platform';
import { isUUID } from 'class-validator';
import { toNotificationView } from './notification';
import { notificationNotFound } from './notifications.errors';
import { NotificationsRepository } from './notifications.repository';

/**
 * A staff member's notification feed: what was told to any of their audiences (themselves, their
 * unit, their roles in their unit and organisation), with their own read marks. Nobody reads or
 * marks another's: the audiences come from the asserted actor, never from the request.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** Newest first, all or only the unread (or read) ones, with how many are unread in all. */
  async list(query: ListNotificationsQuery, actor: ActorContext): Promise<NotificationFeedView> {
    const limit = query.limit ?? defaultPageSize;
    const audiences = audiencesOf(actor);
    const rows = await this.notifications.feed({
      staffId: actor.staffId,
      audiences,
      read: query.unread === undefined ? undefined : query.unread === 'false',
      after: feedCursor(query.after),
      take: limit + 1,
    });
    const page = toPage(rows, limit, toNotificationView, (row) => ({ key: row.createdAt.toISOString(), id: row.id }));
    return { ...page, unreadCount: await this.notifications.unreadCount(actor.staffId, audiences) };
  }

  async countUnread(actor: ActorContext): Promise<UnreadNotificationsView> {
    return { unreadCount: await this.notifications.unreadCount(actor.staffId, audiencesOf(actor)) };
  }

  /** Marks one of the staff member's notifications read (again: it keeps the first time); another's is not found, and nothing is written. */
  async markRead(command: MarkNotificationReadCommand, actor: ActorContext): Promise<NotificationView> {
    const marked = await this.notifications.markRead(command.notificationId, actor.staffId, audiencesOf(actor));
    if (!marked) throw notificationNotFound(command.notificationId);
    return toNotificationView(marked);
  }

  /** Marks everything the staff member has been told so far read; what comes after stays unread. */
  async markAllRead(actor: ActorContext): Promise<NotificationsMarkedReadView> {
    const audiences = audiencesOf(actor);
    const marked = await this.notifications.markAllRead(actor.staffId, audiences);
    return { marked, unreadCount: await this.notifications.unreadCount(actor.staffId, audiences) };
  }
}

/** The cursor of a previous page: its time and a notification id, both checked before SQL sees them. */
function feedCursor(after: string | undefined): Cursor | undefined {
  const cursor = decodeCursor(after, isTimeKey);
  if (cursor && !isUUID(cursor.id)) throw validationFailed([{ field: 'after', message: 'after must be a cursor returned by a previous page' }]);
  return cursor;
}
