-- Referral facts: the anonymised projection statistics are computed from
CREATE TABLE "referral_facts" (
    "referral_id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decline_reason" TEXT,
    "version" INTEGER NOT NULL,
    "event_time" TIMESTAMPTZ(3) NOT NULL,
    "projected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "referral_facts_pkey" PRIMARY KEY ("referral_id")
);
CREATE INDEX "referral_facts_municipality_code_status_idx" ON "referral_facts"("municipality_code", "status");
CREATE INDEX "referral_facts_status_idx" ON "referral_facts"("status");
