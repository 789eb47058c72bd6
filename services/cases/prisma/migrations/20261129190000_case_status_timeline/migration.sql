-- A case has a staff member who leads it, a status with an outcome when closed, a version, and a
-- timeline of what happened to it.
ALTER TABLE "cases"
    ADD COLUMN "lead_staff_id" UUID,
    ADD COLUMN "outcome" TEXT,
    ADD COLUMN "closed_at" TIMESTAMPTZ(3),
    ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "cases" SET "lead_staff_id" = "opened_by", "updated_at" = "opened_at";
ALTER TABLE "cases"
    ALTER COLUMN "lead_staff_id" SET NOT NULL,
    DROP CONSTRAINT "cases_status_check",
    ADD CONSTRAINT "cases_status_check" CHECK ("status" IN ('open', 'active', 'paused', 'closed')),
    ADD CONSTRAINT "cases_outcome_check" CHECK (("status" = 'closed') = ("outcome" IS NOT NULL)
        AND ("outcome" IS NULL OR "outcome" IN ('work', 'studies', 'other_support', 'moved_away', 'declined', 'unknown')));
CREATE INDEX "cases_lead_staff_id_opened_at_id_idx" ON "cases"("lead_staff_id", "opened_at", "id");

CREATE TABLE "case_timeline" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "staff_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "case_timeline_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "case_timeline_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "case_timeline_case_id_at_id_idx" ON "case_timeline"("case_id", "at", "id");

-- What happened so far: each case was opened, and consents were recorded or withdrawn.
INSERT INTO "case_timeline" ("id", "case_id", "at", "kind", "staff_id", "unit_id", "details")
SELECT "id", "id", "opened_at", 'case.opened', "opened_by", "owner_unit_id", '{}'::jsonb FROM "cases";
