-- Persons (encrypted identity), cases and consents
CREATE TABLE "persons" (
    "id" UUID NOT NULL,
    "identity_hash" BYTEA NOT NULL,
    "identity_ciphertext" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "persons_identity_hash_key" ON "persons"("identity_hash");

CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "owner_organisation_id" UUID NOT NULL,
    "owner_unit_id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "opened_by" UUID NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cases_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "cases_municipality_code_check" CHECK ("municipality_code" ~ '^18[0-9]{2}$'),
    CONSTRAINT "cases_target_group_check" CHECK ("target_group" IN ('uvas', 'disability', 'foreign_background')),
    CONSTRAINT "cases_gender_check" CHECK ("gender" IN ('female', 'male')),
    CONSTRAINT "cases_status_check" CHECK ("status" IN ('open'))
);
CREATE INDEX "cases_person_id_idx" ON "cases"("person_id");
CREATE INDEX "cases_owner_organisation_id_opened_at_id_idx" ON "cases"("owner_organisation_id", "opened_at", "id");

CREATE TABLE "consents" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "recorded_by" UUID NOT NULL,
    "given_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "consents_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "consents_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "consents_purpose_check" CHECK ("purpose" IN ('referral', 'coordination'))
);
CREATE INDEX "consents_case_id_organisation_id_purpose_idx" ON "consents"("case_id", "organisation_id", "purpose");
-- At most one active consent per case, organisation and purpose.
CREATE UNIQUE INDEX "consents_active_key" ON "consents"("case_id", "organisation_id", "purpose") WHERE "revoked_at" IS NULL;
