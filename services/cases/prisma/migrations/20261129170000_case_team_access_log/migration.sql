-- The case team: the units that work on a case, each with the legal basis it processes the data on.
CREATE TABLE "case_team" (
    "case_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "added_by" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "case_team_pkey" PRIMARY KEY ("case_id", "unit_id"),
    CONSTRAINT "case_team_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "case_team_role_check" CHECK ("role" IN ('lead', 'member')),
    CONSTRAINT "case_team_legal_basis_check" CHECK ("legal_basis" IN ('case_handling', 'consent', 'duty_to_disclose', 'social_services_and_health_care', 'youth_activity_responsibility'))
);
CREATE INDEX "case_team_unit_id_case_id_idx" ON "case_team"("unit_id", "case_id");
-- One lead per case.
CREATE UNIQUE INDEX "case_team_one_lead_idx" ON "case_team"("case_id") WHERE "role" = 'lead';

-- Every case so far is led by the unit that opened it.
INSERT INTO "case_team" ("case_id", "unit_id", "organisation_id", "role", "legal_basis", "added_by", "added_at")
SELECT "id", "owner_unit_id", "owner_organisation_id", 'lead', 'case_handling', "opened_by", "opened_at" FROM "cases";

-- The access log: who did (or tried) what with a person's data, append-only and hash-chained.
-- Each entry's hash is SHA-256 over the previous entry's hash and the entry's own content, so an
-- edited entry, a deleted one or a changed order shows when the chain is verified.
CREATE TABLE "access_log" (
    "sequence" BIGINT NOT NULL,
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "staff_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "roles" TEXT[],
    "action" TEXT NOT NULL,
    "case_id" UUID,
    "case_organisation_id" UUID,
    "person_id" UUID,
    "purpose" TEXT,
    "legal_basis" TEXT,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "correlation_id" TEXT NOT NULL,
    "previous_hash" BYTEA NOT NULL,
    "hash" BYTEA NOT NULL,
    CONSTRAINT "access_log_pkey" PRIMARY KEY ("sequence"),
    CONSTRAINT "access_log_outcome_check" CHECK ("outcome" IN ('allowed', 'denied'))
);
CREATE UNIQUE INDEX "access_log_id_key" ON "access_log"("id");
CREATE INDEX "access_log_organisation_id_sequence_idx" ON "access_log"("organisation_id", "sequence");
CREATE INDEX "access_log_case_organisation_id_sequence_idx" ON "access_log"("case_organisation_id", "sequence");
CREATE INDEX "access_log_case_id_sequence_idx" ON "access_log"("case_id", "sequence");
CREATE INDEX "access_log_person_id_sequence_idx" ON "access_log"("person_id", "sequence");

-- Append-only: the service's own role cannot change or remove an entry.
CREATE FUNCTION "access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "access_log_append_only" BEFORE UPDATE OR DELETE ON "access_log"
    FOR EACH ROW EXECUTE FUNCTION "access_log_append_only"();
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "access_log"
    FOR EACH STATEMENT EXECUTE FUNCTION "access_log_append_only"();
