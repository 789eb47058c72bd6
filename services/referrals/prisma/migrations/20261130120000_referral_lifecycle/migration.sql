-- The whole closed loop: acknowledged, started, ended (completed, interrupted, withdrawn by the
-- sender, expired), each step with its time and who took it.
ALTER TABLE "referrals"
    ADD COLUMN "acknowledged_at" TIMESTAMPTZ(3),
    ADD COLUMN "acknowledged_by" UUID,
    ADD COLUMN "decline_text" TEXT,
    ADD COLUMN "started_at" TIMESTAMPTZ(3),
    ADD COLUMN "started_by" UUID,
    ADD COLUMN "ended_at" TIMESTAMPTZ(3),
    ADD COLUMN "ended_by" UUID,
    ADD COLUMN "exit_destination" TEXT,
    ADD COLUMN "outcome" TEXT;
-- Withdrawn referrals so far ended when they were withdrawn.
UPDATE "referrals" SET "ended_at" = "withdrawn_at" WHERE "status" = 'withdrawn';
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_status_check",
    ADD CONSTRAINT "referrals_status_check" CHECK ("status" IN ('sent', 'acknowledged', 'accepted', 'declined', 'started', 'completed', 'interrupted', 'withdrawn', 'expired'));
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_withdrawal_check",
    ADD CONSTRAINT "referrals_withdrawal_check" CHECK (
        ("status" = 'withdrawn') = ("withdrawal_reason" IS NOT NULL)
        AND ("withdrawal_reason" IS NULL) = ("withdrawn_at" IS NULL)
        AND ("withdrawal_reason" IS NULL OR "withdrawal_reason" IN ('consent_withdrawn', 'consent_expired', 'by_sender')));
ALTER TABLE "referrals"
    -- "Other" needs its text, and only "other" has one.
    ADD CONSTRAINT "referrals_decline_text_check" CHECK (("decline_reason" = 'other') = ("decline_text" IS NOT NULL)),
    -- A completed referral has its exit destination; a referral that did not end has none.
    ADD CONSTRAINT "referrals_exit_check" CHECK (("status" <> 'completed' OR ("exit_destination" IS NOT NULL AND "outcome" IS NOT NULL))
        AND ("status" IN ('completed', 'interrupted') OR ("exit_destination" IS NULL AND "outcome" IS NULL))),
    -- Declining answers (answered at); the other final statuses end (ended at).
    ADD CONSTRAINT "referrals_ended_check" CHECK (("status" IN ('completed', 'interrupted', 'withdrawn', 'expired')) = ("ended_at" IS NOT NULL));
