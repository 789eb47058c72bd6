import type { NotificationAudience, NotificationKind, NotificationView, ReferralStatus, ReferralStep } from '@samverkan/contracts';

/** A notification as stored: what happened to which referral, told to one audience. */
export interface NotificationRecord {
  id: string;
  eventId: string;
  kind: NotificationKind;
  referralId: string;
  referralStatus: ReferralStatus;
  overdueStep: ReferralStep | null;
  audience: NotificationAudience;
  occurredAt: Date;
  createdAt: Date;
}

/** A notification as one staff member sees it: with their own read mark, if any. */
export interface FeedEntry extends NotificationRecord {
  readAt: Date | null;
}

export function toNotificationView(entry: FeedEntry): NotificationView {
  return {
    id: entry.id,
    kind: entry.kind,
    referralId: entry.referralId,
    referralStatus: entry.referralStatus,
    overdueStep: entry.overdueStep,
    audienceKind: entry.audience.kind,
    audienceId: entry.audience.id,
    occurredAt: entry.occurredAt.toISOString(),
    createdAt: entry.createdAt.toISOString(),
    read: entry.readAt !== null,
    readAt: entry.readAt?.toISOString() ?? null,
  };
}
