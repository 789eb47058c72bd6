import { Injectable } from '@nestjs/common';
import type { NotificationAudience, NotificationAudienceKind, NotificationKind, ReferralStatus, ReferralStep } from '@samverkan/contracts';
import type { Cursor } from '@samverkan/platform';
import { InjectReferralsTransactionHost, type ReferralsTransactionHost } from '../database';
import { Prisma } from '../generated/prisma/client';
import type { FeedEntry, NotificationRecord } from './notification';

/** A notification's columns under the record's names (`n` is the notifications table). */
const notificationColumns = Prisma.raw(
  `n.id, n.event_id AS "eventId", n.kind, n.referral_id AS "referralId", n.referral_status AS "referralStatus", n.overdue_step AS "overdueStep",
   n.audience_kind AS "audienceKind", n.audience_id AS "audienceId", n.occurred_at AS "occurredAt", n.created_at AS "createdAt"`,
);

interface NotificationRow {
  id: string;
  eventId: string;
  kind: string;
  referralId: string;
  referralStatus: string;
  overdueStep: string | null;
  audienceKind: string;
  audienceId: string;
  occurredAt: Date;
  createdAt: Date;
}

function toRecord(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    eventId: row.eventId,
    kind: row.kind as NotificationKind,
    referralId: row.referralId,
    referralStatus: row.referralStatus as ReferralStatus,
    overdueStep: row.overdueStep as ReferralStep | null,
    audience: { kind: row.audienceKind as NotificationAudienceKind, id: row.audienceId },
    occurredAt: row.occurredAt,
    createdAt: row.createdAt,
  };
}

const toEntry = (row: NotificationRow & { readAt: Date | null }): FeedEntry => ({ ...toRecord(row), readAt: row.readAt });

/** The audiences as a relation `audience(kind, id)`, to join or to look up pairs in. */
const audienceRelation = (audiences: NotificationAudience[]) =>
  Prisma.sql`unnest(${audiences.map((audience) => audience.kind)}::text[], ${audiences.map((audience) => audience.id)}::uuid[]) AS audience(kind, id)`;

/** The notifications and the read marks; every statement joins the transaction the caller has open, if any. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectReferralsTransactionHost() private readonly txHost: ReferralsTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  /** The staff member who sent the referral. */
  async sentBy(referralId: string): Promise<string | null> {
    const [row] = await this.db.$queryRaw<Array<{ sentBy: string }>>`SELECT sent_by AS "sentBy" FROM referrals WHERE id = ${referralId}::uuid`;
    return row?.sentBy ?? null;
  }

  /** Adds the notifications an event makes; those it already made (the event seen again) are left as they are. Returns the ones added. */
  async add(notifications: Array<Omit<NotificationRecord, 'createdAt'>>): Promise<NotificationRecord[]> {
    if (notifications.length === 0) return [];
    const column = <K extends 'id' | 'eventId' | 'kind' | 'referralId' | 'referralStatus' | 'overdueStep'>(key: K) =>
      notifications.map((notification) => notification[key]);
    const rows = await this.db.$queryRaw<NotificationRow[]>`
      INSERT INTO notifications AS n (id, event_id, kind, referral_id, referral_status, overdue_step, audience_kind, audience_id, occurred_at)
      SELECT * FROM unnest(${column('id')}::uuid[], ${column('eventId')}::uuid[], ${column('kind')}::text[], ${column('referralId')}::uuid[],
                           ${column('referralStatus')}::text[], ${column('overdueStep')}::text[],
                           ${notifications.map((notification) => notification.audience.kind)}::text[],
                           ${notifications.map((notification) => notification.audience.id)}::uuid[], ${notifications.map((notification) => notification.occurredAt.toISOString())}::timestamptz[])
      ON CONFLICT (event_id, audience_kind, audience_id) DO NOTHING
      RETURNING ${notificationColumns}`;
    return rows.map(toRecord);
  }

  /**
   * One page of the staff member's feed, newest first after the cursor: each audience's newest
   * along its index, merged. `read` narrows to read (true) or unread (false) notifications.
   */
  async feed(filter: { staffId: string; audiences: NotificationAudience[]; read?: boolean; after?: Cursor; take: number }): Promise<FeedEntry[]> {
    const { staffId, after, take } = filter;
    const afterCursor = after ? Prisma.sql`AND (n.created_at, n.id) < (${new Date(after.key)}::timestamptz, ${after.id}::uuid)` : Prisma.empty;
    const readMark = Prisma.sql`SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.staff_id = ${staffId}::uuid`;
    const readOrNot = filter.read === undefined ? Prisma.empty : filter.read ? Prisma.sql`AND EXISTS (${readMark})` : Prisma.sql`AND NOT EXISTS (${readMark})`;
    const rows = await this.db.$queryRaw<Array<NotificationRow & { readAt: Date | null }>>`
      SELECT ${notificationColumns}, r.read_at AS "readAt"
        FROM ${audienceRelation(filter.audiences)}
       CROSS JOIN LATERAL (
             SELECT * FROM notifications n
              WHERE n.audience_kind = audience.kind AND n.audience_id = audience.id ${afterCursor} ${readOrNot}
              ORDER BY n.created_at DESC, n.id DESC
              LIMIT ${take}) n
        LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.staff_id = ${staffId}::uuid
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT ${take}`;
    return rows.map(toEntry);
  }

  /** How many notifications of these audiences the staff member has not read. */
  async unreadCount(staffId: string, audiences: NotificationAudience[]): Promise<number> {
    const [row] = await this.db.$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count
        FROM ${audienceRelation(audiences)}
        JOIN notifications n ON n.audience_kind = audience.kind AND n.audience_id = audience.id
       WHERE NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.staff_id = ${staffId}::uuid)`;
    return row?.count ?? 0;
  }

  /**
   * Marks the notification read for the staff member, if it is for one of their audiences (once:
   * marking it again keeps the first time). One statement. Returns it with the mark, or null when
   * it is not theirs to read, and then nothing is written.
   */
  async markRead(notificationId: string, staffId: string, audiences: NotificationAudience[]): Promise<FeedEntry | null> {
    const [row] = await this.db.$queryRaw<Array<NotificationRow & { readAt: Date | null }>>`
      WITH theirs AS (
             SELECT n.* FROM notifications n JOIN ${audienceRelation(audiences)} ON n.audience_kind = audience.kind AND n.audience_id = audience.id
              WHERE n.id = ${notificationId}::uuid),
           marked AS (
             INSERT INTO notification_reads (staff_id, notification_id) SELECT ${staffId}::uuid, id FROM theirs
             ON CONFLICT (staff_id, notification_id) DO NOTHING
             RETURNING read_at)
      SELECT ${notificationColumns}, coalesce(r.read_at, (SELECT read_at FROM marked)) AS "readAt"
        FROM theirs n
        LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.staff_id = ${staffId}::uuid`;
    return row ? toEntry(row) : null;
  }

  /** Marks every notification of these audiences that the statement sees read for the staff member; returns how many it marked. */
  async markAllRead(staffId: string, audiences: NotificationAudience[]): Promise<number> {
    return this.db.$executeRaw`
      INSERT INTO notification_reads (staff_id, notification_id)
      SELECT ${staffId}::uuid, n.id
        FROM ${audienceRelation(audiences)}
        JOIN notifications n ON n.audience_kind = audience.kind AND n.audience_id = audience.id
      ON CONFLICT (staff_id, notification_id) DO NOTHING`;
  }
}
