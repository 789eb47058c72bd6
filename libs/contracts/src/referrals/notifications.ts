import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import type { ActorContext } from '../actor-context';
import { IsOmittable } from '../field-rules';
import { PageQuery } from '../pagination';
import { LiveSubjects } from '../subjects';
import { ReferralStatus, ReferralStep, StaffRole } from '../vocabulary';

/** What a staff member is told about a referral. */
export const NotificationKind = {
  /** A referral was sent to the staff member's unit or organisation. */
  New: 'new',
  /** A step of a referral is past its last day (escalated to a manager or coordinator), or the referral expired unanswered. */
  Overdue: 'overdue',
  /** A referral the staff member sent was accepted or declined. */
  Answered: 'answered',
  /** A referral to the staff member's unit or organisation was withdrawn, by its sender or because its consent ended. */
  Withdrawn: 'withdrawn',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/**
 * Whom a notification is for. A notification is stored once per audience, never per staff member,
 * and a staff member reads those of every audience they belong to (`audiencesOf`). Ids only.
 */
export const NotificationAudienceKind = {
  /** One staff member; the id is the staff member's. */
  Staff: 'staff',
  /** Everyone in a unit; the id is the unit's. */
  Unit: 'unit',
  /** The unit managers of a unit; the id is the unit's. */
  UnitManagers: 'unit_managers',
  /** The caseworkers of an organisation; the id is the organisation's. */
  OrganisationCaseworkers: 'organisation_caseworkers',
  /** The unit managers of an organisation; the id is the organisation's. */
  OrganisationUnitManagers: 'organisation_unit_managers',
  /** The coordinators of an organisation; the id is the organisation's. */
  OrganisationCoordinators: 'organisation_coordinators',
} as const;
export type NotificationAudienceKind = (typeof NotificationAudienceKind)[keyof typeof NotificationAudienceKind];

export interface NotificationAudience {
  kind: NotificationAudienceKind;
  id: string;
}

type Member = Pick<ActorContext, 'staffId' | 'unitId' | 'organisationId' | 'roles'>;

/** The audiences a role adds, in the staff member's own unit and organisation. */
const roleAudiences: Partial<Record<StaffRole, (member: Member) => NotificationAudience[]>> = {
  [StaffRole.Caseworker]: (member) => [{ kind: NotificationAudienceKind.OrganisationCaseworkers, id: member.organisationId }],
  [StaffRole.UnitManager]: (member) => [
    { kind: NotificationAudienceKind.UnitManagers, id: member.unitId },
    { kind: NotificationAudienceKind.OrganisationUnitManagers, id: member.organisationId },
  ],
  [StaffRole.Coordinator]: (member) => [{ kind: NotificationAudienceKind.OrganisationCoordinators, id: member.organisationId }],
};

/**
 * The audiences a staff member belongs to: themselves, their unit, and, by role, their unit's
 * managers and their organisation's caseworkers, unit managers or coordinators. Their feed is the
 * notifications of these audiences, and their live stream listens on these audiences' subjects.
 */
export function audiencesOf(member: Member): NotificationAudience[] {
  return [
    { kind: NotificationAudienceKind.Staff, id: member.staffId },
    { kind: NotificationAudienceKind.Unit, id: member.unitId },
    ...[...new Set(member.roles)].flatMap((role) => roleAudiences[role]?.(member) ?? []),
  ];
}

/**
 * The core NATS subject (not JetStream: nothing is kept) on which referrals announces an
 * audience's new notifications once they are committed, e.g. `live.notifications.unit.<id>`.
 */
export function liveNotificationSubject(audience: NotificationAudience): string {
  return `${LiveSubjects.referralNotifications.prefix}.${audience.kind}.${audience.id}`;
}

export class ListNotificationsFilter extends PageQuery {
  /** `true`: only unread notifications; `false`: only read ones. */
  @IsOmittable()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class ListNotificationsQuery extends ListNotificationsFilter {}

export class MarkNotificationReadCommand {
  @IsUUID()
  notificationId!: string;
}

/**
 * A notification as a staff member sees it, in the feed and on the live stream: what happened to
 * which referral, and to whom it was addressed. Ids and codes only, never anything about the person.
 */
export class NotificationView {
  @IsUUID()
  id!: string;

  @IsIn(Object.values(NotificationKind))
  kind!: NotificationKind;

  @IsUUID()
  referralId!: string;

  /** The referral's status when it happened. */
  @IsIn(Object.values(ReferralStatus))
  referralStatus!: ReferralStatus;

  /** For an escalated deadline, the step that is late; null otherwise (an expired referral has none). */
  @IsOptional()
  @IsIn(Object.values(ReferralStep))
  overdueStep!: ReferralStep | null;

  /** Why the staff member sees it: addressed to them, their unit, or their role in their unit or organisation. */
  @IsIn(Object.values(NotificationAudienceKind))
  audienceKind!: NotificationAudienceKind;

  @IsUUID()
  audienceId!: string;

  /** When it happened (the event's time). */
  @IsISO8601()
  occurredAt!: string;

  /** When the notification was recorded; the feed is newest first by it. */
  @IsISO8601()
  createdAt!: string;

  /** Whether this staff member has read it (read marks are per staff member, whoever else it is for). */
  @IsBoolean()
  read!: boolean;

  @IsOptional()
  @IsISO8601()
  readAt!: string | null;
}

/** A page of the feed, newest first, and how many of all the staff member's notifications are unread. */
export class NotificationFeedView {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NotificationView)
  items!: NotificationView[];

  /** Pass as `after` to get the next page; null on the last page. */
  @IsOptional()
  @IsString()
  nextCursor!: string | null;

  @IsInt()
  @Min(0)
  unreadCount!: number;
}

export class UnreadNotificationsView {
  @IsInt()
  @Min(0)
  unreadCount!: number;
}

/** What marking everything read did: how many notifications it marked, and how many are still unread (those that came since). */
export class NotificationsMarkedReadView {
  @IsInt()
  @Min(0)
  marked!: number;

  @IsInt()
  @Min(0)
  unreadCount!: number;
}
