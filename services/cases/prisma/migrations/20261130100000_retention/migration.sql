-- Retention (gallring): a case whose person's identity was deleted keeps only its codes, as
-- pseudonymous statistics; its person reference goes.
ALTER TABLE "cases" ALTER COLUMN "person_id" DROP NOT NULL,
    ADD COLUMN "purged_at" TIMESTAMPTZ(3),
    ADD CONSTRAINT "cases_purged_check" CHECK ("purged_at" IS NULL OR "person_id" IS NULL);
CREATE INDEX "cases_status_closed_at_idx" ON "cases"("status", "closed_at");

-- A consent past its last day is announced once, so that what relied on it stops.
ALTER TABLE "consents" ADD COLUMN "expiry_announced_at" TIMESTAMPTZ(3);
-- Only the consents still to announce: the job asks every second, so the index stays small.
CREATE INDEX "consents_unannounced_expiry_idx" ON "consents"("expires_on") WHERE "expiry_announced_at" IS NULL AND "withdrawn_at" IS NULL;

-- What retention deleted, without personal data: which rule deleted how many of what kind, when.
CREATE TABLE "deletion_records" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "data_kind" TEXT NOT NULL,
    "items" INTEGER NOT NULL,
    "deleted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "deletion_records_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "deletion_records_items_check" CHECK ("items" > 0)
);
CREATE INDEX "deletion_records_deleted_at_idx" ON "deletion_records"("deleted_at");

-- The access log has retention too: its oldest entries may go, as a prefix only, and only by
-- the retention job, which records the last pruned entry's hash so the remaining chain still
-- verifies from that anchor. Anything else stays refused.
CREATE TABLE "access_log_prunes" (
    "through_sequence" BIGINT NOT NULL,
    "through_hash" BYTEA NOT NULL,
    "pruned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "access_log_prunes_pkey" PRIMARY KEY ("through_sequence")
);
CREATE OR REPLACE FUNCTION "access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD."sequence" <= (SELECT max("through_sequence") FROM "access_log_prunes") THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
