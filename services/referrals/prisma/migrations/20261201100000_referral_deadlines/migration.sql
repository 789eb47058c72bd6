-- Deadlines in Swedish working days: to acknowledge and to answer from sending, to start from
-- accepting; each referral keeps the days of the policy it was sent under, and the last day of
-- each step as a Swedish calendar date.
ALTER TABLE "referrals"
    ADD COLUMN "to_unit_id" UUID,
    ADD COLUMN "acknowledge_by" DATE,
    ADD COLUMN "answer_by" DATE,
    ADD COLUMN "start_by" DATE,
    ADD COLUMN "start_days" INTEGER,
    -- The first day something may be due (an escalation, an expiry): the deadline job reads only
    -- referrals whose day has come, and sets the next one, or none.
    ADD COLUMN "deadline_check_on" DATE;

-- The deadlines a receiving organisation, or one of its support resources, gives itself; a
-- resource's policy goes before its organisation's, and the configured defaults before neither.
CREATE TABLE "deadline_policies" (
    "scope" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "acknowledge_days" INTEGER NOT NULL,
    "answer_days" INTEGER NOT NULL,
    "start_days" INTEGER NOT NULL,
    "updated_by" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "deadline_policies_pkey" PRIMARY KEY ("scope", "subject_id"),
    CONSTRAINT "deadline_policies_scope_check" CHECK ("scope" IN ('organisation', 'support_resource')),
    CONSTRAINT "deadline_policies_days_check" CHECK ("acknowledge_days" BETWEEN 0 AND 60 AND "answer_days" BETWEEN "acknowledge_days" AND 120 AND "start_days" BETWEEN 0 AND 250)
);

-- Each overdue step escalates once per level: the key makes a second firing (another replica, a
-- rerun after a crash) a no-op.
CREATE TABLE "referral_escalations" (
    "referral_id" UUID NOT NULL,
    "step" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "escalated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "referral_escalations_pkey" PRIMARY KEY ("referral_id", "step", "level"),
    CONSTRAINT "referral_escalations_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "referral_escalations_step_check" CHECK ("step" IN ('acknowledge', 'answer', 'start')),
    CONSTRAINT "referral_escalations_level_check" CHECK ("level" IN (1, 2))
);
CREATE INDEX "referrals_deadline_check_on_idx" ON "referrals"("deadline_check_on") WHERE "deadline_check_on" IS NOT NULL;
