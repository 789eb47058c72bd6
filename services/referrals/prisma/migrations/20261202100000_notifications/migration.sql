-- The notification feed of staff: referral events told to an audience (a staff member, a unit, or
-- the caseworkers, unit managers or coordinators of a unit or organisation), one row per audience
-- and never per staff member. Ids and codes only.
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "referral_id" UUID NOT NULL,
    "referral_status" TEXT NOT NULL,
    "overdue_step" TEXT,
    "audience_kind" TEXT NOT NULL,
    "audience_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notifications_kind_check" CHECK ("kind" IN ('new', 'overdue', 'answered', 'withdrawn')),
    CONSTRAINT "notifications_audience_kind_check" CHECK (
        "audience_kind" IN ('staff', 'unit', 'unit_managers', 'organisation_caseworkers', 'organisation_unit_managers', 'organisation_coordinators'))
);
-- An event is told to an audience once, however often the consumer sees it.
CREATE UNIQUE INDEX "notifications_event_id_audience_kind_audience_id_key" ON "notifications"("event_id", "audience_kind", "audience_id");
-- An audience's notifications, newest first: the feed reads each of a staff member's audiences backwards along it.
CREATE INDEX "notifications_audience_kind_audience_id_created_at_id_idx" ON "notifications"("audience_kind", "audience_id", "created_at", "id");

-- Read marks, per staff member: a notification for a whole unit is read by each of its staff on their own.
CREATE TABLE "notification_reads" (
    "staff_id" UUID NOT NULL,
    "notification_id" UUID NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_reads_pkey" PRIMARY KEY ("staff_id", "notification_id"),
    CONSTRAINT "notification_reads_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
