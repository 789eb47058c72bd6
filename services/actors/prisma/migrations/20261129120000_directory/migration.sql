-- The region's directory: organisation numbers and the municipalities served, unit contact
-- details, staff languages and competences, the competence catalogue, support resources with
-- eligibility, capacity and active period, workplaces, and the support needs of open cases.
-- Rows from before keep their data: codes are mapped to the new vocabulary.

-- Organisations -------------------------------------------------------------------------------
ALTER TABLE "organisations" DROP CONSTRAINT "organisations_type_check";
UPDATE "organisations" SET "type" = CASE "type"
    WHEN 'employment_service' THEN 'state_agency'
    WHEN 'social_insurance' THEN 'state_agency'
    WHEN 'adult_education' THEN 'municipality'
    ELSE "type" END;
ALTER TABLE "organisations"
    ADD CONSTRAINT "organisations_type_check" CHECK ("type" IN ('state_agency', 'municipality', 'region', 'county_administrative_board', 'civil_society', 'employer', 'other')),
    ADD COLUMN "organisation_number" TEXT,
    ADD COLUMN "municipality_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "description" TEXT,
    ADD COLUMN "website" TEXT,
    ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- An organisation without a municipality served the whole county.
UPDATE "organisations" SET "municipality_codes" = CASE
    WHEN "municipality_code" IS NULL THEN ARRAY['1814','1860','1861','1862','1863','1864','1880','1881','1882','1883','1884','1885']
    ELSE ARRAY["municipality_code"] END;
DROP INDEX "organisations_municipality_code_name_id_idx";
ALTER TABLE "organisations" DROP CONSTRAINT "organisations_municipality_code_check", DROP COLUMN "municipality_code";
ALTER TABLE "organisations"
    ADD CONSTRAINT "organisations_municipality_codes_check" CHECK ("municipality_codes" <@ ARRAY['1814','1860','1861','1862','1863','1864','1880','1881','1882','1883','1884','1885']),
    ADD CONSTRAINT "organisations_organisation_number_check" CHECK ("organisation_number" ~ '^[0-9]{2}[2-9][0-9]{3}-[0-9]{4}$');
CREATE UNIQUE INDEX "organisations_organisation_number_key" ON "organisations"("organisation_number");
CREATE INDEX "organisations_municipality_codes_idx" ON "organisations" USING GIN ("municipality_codes");

-- Units ----------------------------------------------------------------------------------------
ALTER TABLE "units"
    ADD COLUMN "email" TEXT,
    ADD COLUMN "phone" TEXT,
    ADD COLUMN "street" TEXT,
    ADD COLUMN "postal_code" TEXT,
    ADD COLUMN "city" TEXT,
    ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX "units_name_id_idx" ON "units"("name", "id");

-- Staff ----------------------------------------------------------------------------------------
ALTER TABLE "staff_members"
    ADD COLUMN "email" TEXT,
    ADD COLUMN "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "competences" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX "staff_members_display_name_id_idx" ON "staff_members"("display_name", "id");
CREATE INDEX "staff_members_competences_idx" ON "staff_members" USING GIN ("competences");

-- The competence catalogue ---------------------------------------------------------------------
CREATE TABLE "competences" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "addresses_needs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "target_groups" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "competences_pkey" PRIMARY KEY ("code"),
    CONSTRAINT "competences_code_check" CHECK ("code" ~ '^[a-z][a-z0-9_]{1,49}$')
);

-- Support resources ----------------------------------------------------------------------------
ALTER TABLE "support_resources"
    ADD COLUMN "unit_id" UUID,
    ADD COLUMN "description" TEXT,
    ADD COLUMN "age_min" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "age_max" INTEGER NOT NULL DEFAULT 120,
    ADD COLUMN "municipality_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "eligibility" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "addresses_needs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "places" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "taken" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "expected_wait_days" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "active_from" DATE NOT NULL DEFAULT CURRENT_DATE,
    ADD COLUMN "active_until" DATE,
    ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Resources from before belong to their organisation's first unit and serve its municipalities.
UPDATE "support_resources" r SET
    "unit_id" = (SELECT u."id" FROM "units" u WHERE u."organisation_id" = r."organisation_id" ORDER BY u."created_at", u."id" LIMIT 1),
    "municipality_codes" = (SELECT o."municipality_codes" FROM "organisations" o WHERE o."id" = r."organisation_id"),
    "accessibility" = ARRAY(
        SELECT DISTINCT CASE feature WHEN 'wheelchair' THEN 'physical_access' WHEN 'cognitive_support' THEN 'adapted_pace' ELSE feature END
          FROM unnest(r."accessibility") AS feature
         WHERE feature IN ('wheelchair', 'cognitive_support', 'physical_access', 'interpreter', 'easy_swedish', 'sign_language', 'remote', 'adapted_pace'));
ALTER TABLE "support_resources"
    ALTER COLUMN "unit_id" SET NOT NULL,
    ADD CONSTRAINT "support_resources_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    ADD CONSTRAINT "support_resources_age_check" CHECK ("age_min" >= 0 AND "age_min" <= "age_max" AND "age_max" <= 120),
    ADD CONSTRAINT "support_resources_capacity_check" CHECK ("places" >= 0 AND "taken" >= 0 AND "expected_wait_days" >= 0),
    ADD CONSTRAINT "support_resources_active_period_check" CHECK ("active_until" IS NULL OR "active_until" >= "active_from");
CREATE INDEX "support_resources_municipality_codes_idx" ON "support_resources" USING GIN ("municipality_codes");

-- Workplaces -----------------------------------------------------------------------------------
CREATE TABLE "workplaces" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "employer_name" TEXT NOT NULL,
    "employer_organisation_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "industry" TEXT,
    "municipality_code" TEXT NOT NULL,
    "street" TEXT,
    "postal_code" TEXT,
    "city" TEXT,
    "offers" TEXT[],
    "adaptations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "support_needed" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "places" INTEGER NOT NULL DEFAULT 0,
    "email" TEXT,
    "phone" TEXT,
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "workplaces_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "workplaces_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "workplaces_places_check" CHECK ("places" >= 0),
    CONSTRAINT "workplaces_municipality_code_check" CHECK ("municipality_code" ~ '^18[0-9]{2}$')
);
CREATE INDEX "workplaces_name_id_idx" ON "workplaces"("name", "id");
CREATE INDEX "workplaces_municipality_code_name_id_idx" ON "workplaces"("municipality_code", "name", "id");
CREATE INDEX "workplaces_adaptations_idx" ON "workplaces" USING GIN ("adaptations");

-- Support needs of open cases (from cases' events) ---------------------------------------------
CREATE TABLE "case_needs" (
    "case_id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "needs" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "case_needs_pkey" PRIMARY KEY ("case_id")
);
CREATE INDEX "case_needs_municipality_code_idx" ON "case_needs"("municipality_code");
