-- Persons as staff record them: a name (encrypted like the number), a gender as the person gives
-- it, a municipality of residence, and protected identity (skyddade personuppgifter), under
-- which neither the name nor the municipality is stored.
ALTER TABLE "persons"
    ADD COLUMN "name_ciphertext" BYTEA,
    ADD COLUMN "name_key_id" TEXT,
    ADD COLUMN "gender" TEXT NOT NULL DEFAULT 'not_stated',
    ADD COLUMN "municipality_code" TEXT,
    ADD COLUMN "protected_identity" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "duplicate_key_hash" BYTEA,
    ADD COLUMN "duplicate_key_id" TEXT,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD CONSTRAINT "persons_gender_check" CHECK ("gender" IN ('female', 'male', 'other', 'not_stated')),
    ADD CONSTRAINT "persons_name_key_check" CHECK (("name_ciphertext" IS NULL) = ("name_key_id" IS NULL)),
    ADD CONSTRAINT "persons_protected_identity_check" CHECK (NOT "protected_identity" OR ("name_ciphertext" IS NULL AND "municipality_code" IS NULL AND "duplicate_key_hash" IS NULL));
-- Persons so far had the legal gender of their number, recorded on their cases.
UPDATE "persons" p SET "gender" = c."gender"
  FROM (SELECT DISTINCT ON ("person_id") "person_id", "gender" FROM "cases" ORDER BY "person_id", "opened_at") c
 WHERE c."person_id" = p."id";
CREATE INDEX "persons_duplicate_key_hash_idx" ON "persons"("duplicate_key_hash");
ALTER TABLE "cases" DROP CONSTRAINT "cases_gender_check",
    ADD CONSTRAINT "cases_gender_check" CHECK ("gender" IN ('female', 'male', 'other', 'not_stated'));

-- Two persons with different numbers but the same name and birth date: perhaps one person (a
-- samordningsnummer later replaced by a personnummer). Staff merge or dismiss; a dismissed pair
-- is never proposed again.
CREATE TABLE "person_duplicates" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "other_person_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kept_person_id" UUID,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    CONSTRAINT "person_duplicates_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "person_duplicates_status_check" CHECK ("status" IN ('proposed', 'merged', 'dismissed')),
    CONSTRAINT "person_duplicates_pair_check" CHECK ("person_id" <> "other_person_id")
);
CREATE UNIQUE INDEX "person_duplicates_pair_idx" ON "person_duplicates"(LEAST("person_id", "other_person_id"), GREATEST("person_id", "other_person_id"));
CREATE INDEX "person_duplicates_person_id_idx" ON "person_duplicates"("person_id");
CREATE INDEX "person_duplicates_other_person_id_idx" ON "person_duplicates"("other_person_id");

-- The support plan: steps at support resources, each the responsibility of a unit on the team.
CREATE TABLE "plan_steps" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "support_resource_id" UUID,
    "responsible_unit_id" UUID NOT NULL,
    "responsible_organisation_id" UUID NOT NULL,
    "support_needs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "planned_start" DATE NOT NULL,
    "planned_end" DATE,
    "actual_start" DATE,
    "actual_end" DATE,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "plan_steps_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "plan_steps_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "plan_steps_status_check" CHECK ("status" IN ('planned', 'ongoing', 'done', 'cancelled')),
    CONSTRAINT "plan_steps_planned_check" CHECK ("planned_end" IS NULL OR "planned_end" >= "planned_start"),
    CONSTRAINT "plan_steps_actual_check" CHECK ("actual_end" IS NULL OR ("actual_start" IS NOT NULL AND "actual_end" >= "actual_start"))
);
CREATE INDEX "plan_steps_case_id_planned_start_idx" ON "plan_steps"("case_id", "planned_start", "id");
