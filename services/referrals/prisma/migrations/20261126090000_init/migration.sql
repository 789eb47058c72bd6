-- Referrals between organisations
CREATE TABLE "referrals" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "from_organisation_id" UUID NOT NULL,
    "from_unit_id" UUID NOT NULL,
    "sent_by" UUID NOT NULL,
    "to_organisation_id" UUID NOT NULL,
    "support_resource_id" UUID,
    "municipality_code" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decline_reason" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "responded_at" TIMESTAMPTZ(3),
    "responded_by" UUID,
    "version" INTEGER NOT NULL,
    CONSTRAINT "referrals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "referrals_status_check" CHECK ("status" IN ('sent', 'accepted', 'declined')),
    CONSTRAINT "referrals_decline_reason_check" CHECK (("status" = 'declined') = ("decline_reason" IS NOT NULL)),
    CONSTRAINT "referrals_not_to_self_check" CHECK ("from_organisation_id" <> "to_organisation_id")
);
CREATE INDEX "referrals_to_organisation_id_sent_at_id_idx" ON "referrals"("to_organisation_id", "sent_at", "id");
CREATE INDEX "referrals_to_organisation_id_status_sent_at_id_idx" ON "referrals"("to_organisation_id", "status", "sent_at", "id");
CREATE INDEX "referrals_from_organisation_id_sent_at_id_idx" ON "referrals"("from_organisation_id", "sent_at", "id");
CREATE INDEX "referrals_from_organisation_id_status_sent_at_id_idx" ON "referrals"("from_organisation_id", "status", "sent_at", "id");
CREATE INDEX "referrals_case_id_idx" ON "referrals"("case_id");
