-- Municipality tracking: who sent and received each referral, when each step was taken (with the
-- version of the event that said so, so that step times converge whatever the order of events),
-- and the deadlines of its steps.
ALTER TABLE "referral_facts"
    ADD COLUMN "from_organisation_id" UUID,
    ADD COLUMN "to_organisation_id" UUID,
    ADD COLUMN "sent_at" TIMESTAMPTZ(3),
    ADD COLUMN "sent_at_version" INTEGER,
    ADD COLUMN "acknowledged_at" TIMESTAMPTZ(3),
    ADD COLUMN "acknowledged_at_version" INTEGER,
    ADD COLUMN "answered_at" TIMESTAMPTZ(3),
    ADD COLUMN "answered_at_version" INTEGER,
    ADD COLUMN "started_at" TIMESTAMPTZ(3),
    ADD COLUMN "started_at_version" INTEGER,
    ADD COLUMN "ended_at" TIMESTAMPTZ(3),
    ADD COLUMN "ended_at_version" INTEGER,
    ADD COLUMN "acknowledge_by" DATE,
    ADD COLUMN "answer_by" DATE,
    ADD COLUMN "start_by" DATE;

-- Facts projected before: the time of their last event is the time of the step its status announced.
UPDATE "referral_facts" SET "sent_at" = "event_time", "sent_at_version" = "version" WHERE "status" = 'sent';
UPDATE "referral_facts" SET "answered_at" = "event_time", "answered_at_version" = "version" WHERE "status" IN ('accepted', 'declined');
UPDATE "referral_facts" SET "ended_at" = "event_time", "ended_at_version" = "version" WHERE "status" = 'withdrawn';

CREATE INDEX "referral_facts_municipality_code_sent_at_idx" ON "referral_facts"("municipality_code", "sent_at");
CREATE INDEX "referral_facts_from_organisation_id_sent_at_idx" ON "referral_facts"("from_organisation_id", "sent_at");
CREATE INDEX "referral_facts_to_organisation_id_sent_at_idx" ON "referral_facts"("to_organisation_id", "sent_at");

-- The directory's organisations as far as statistics need them: which are municipalities, and their codes.
CREATE TABLE "organisations" (
    "organisation_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "municipality_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL,
    "projected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organisations_pkey" PRIMARY KEY ("organisation_id")
);
