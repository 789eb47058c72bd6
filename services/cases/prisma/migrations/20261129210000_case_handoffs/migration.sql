-- Hand-offs of a case's lead to another unit, answered by that unit by a day.
CREATE TABLE "case_handoffs" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "from_unit_id" UUID NOT NULL,
    "to_unit_id" UUID NOT NULL,
    "to_organisation_id" UUID NOT NULL,
    "requested_by" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respond_by" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "decline_reason" TEXT,
    "answered_by" UUID,
    "answered_at" TIMESTAMPTZ(3),
    CONSTRAINT "case_handoffs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "case_handoffs_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "case_handoffs_status_check" CHECK ("status" IN ('requested', 'accepted', 'declined')),
    CONSTRAINT "case_handoffs_other_unit_check" CHECK ("from_unit_id" <> "to_unit_id")
);
-- At most one open hand-off per case.
CREATE UNIQUE INDEX "case_handoffs_one_open_idx" ON "case_handoffs"("case_id") WHERE "status" = 'requested';
CREATE INDEX "case_handoffs_to_unit_id_requested_at_id_idx" ON "case_handoffs"("to_unit_id", "requested_at", "id");
CREATE INDEX "case_handoffs_from_unit_id_requested_at_id_idx" ON "case_handoffs"("from_unit_id", "requested_at", "id");
