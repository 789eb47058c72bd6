-- A referral records the consent it relied on, and is withdrawn, with the reason, when that consent
-- ends while it is open. Referrals sent before this have no consent id: cases is asked about any
-- consent covering their receiver instead.
ALTER TABLE "referrals"
    ADD COLUMN "consent_id" UUID,
    ADD COLUMN "withdrawal_reason" TEXT,
    ADD COLUMN "withdrawn_at" TIMESTAMPTZ(3);
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_status_check";
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_status_check" CHECK ("status" IN ('sent', 'accepted', 'declined', 'withdrawn'));
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_withdrawal_check" CHECK (
    ("status" = 'withdrawn') = ("withdrawal_reason" IS NOT NULL)
    AND ("withdrawal_reason" IS NULL) = ("withdrawn_at" IS NULL)
    AND ("withdrawal_reason" IS NULL OR "withdrawal_reason" IN ('consent_withdrawn', 'consent_expired'))
);
-- The consumer of consent.withdrawn and consent.expired finds the referrals relying on a consent.
CREATE INDEX "referrals_consent_id_idx" ON "referrals"("consent_id");
