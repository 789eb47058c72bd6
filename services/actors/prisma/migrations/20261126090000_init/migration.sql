-- Actors directory
CREATE TABLE "organisations" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "municipality_code" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "organisations_type_check" CHECK ("type" IN ('employment_service', 'social_insurance', 'municipality', 'region', 'county_administrative_board', 'civil_society', 'adult_education')),
    CONSTRAINT "organisations_municipality_code_check" CHECK ("municipality_code" ~ '^18[0-9]{2}$')
);
CREATE UNIQUE INDEX "organisations_name_key" ON "organisations"("name");
CREATE INDEX "organisations_name_id_idx" ON "organisations"("name", "id");
CREATE INDEX "organisations_type_name_id_idx" ON "organisations"("type", "name", "id");
CREATE INDEX "organisations_municipality_code_name_id_idx" ON "organisations"("municipality_code", "name", "id");

CREATE TABLE "units" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "municipality_code" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "units_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "units_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "units_organisation_id_name_key" ON "units"("organisation_id", "name");

CREATE TABLE "staff_members" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "display_name" TEXT NOT NULL,
    "roles" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_members_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_members_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "staff_members_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "staff_members_organisation_id_display_name_id_idx" ON "staff_members"("organisation_id", "display_name", "id");

CREATE TABLE "support_resources" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "target_groups" TEXT[],
    "accessibility" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "support_resources_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "support_resources_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "support_resources_organisation_id_name_id_idx" ON "support_resources"("organisation_id", "name", "id");
CREATE INDEX "support_resources_name_id_idx" ON "support_resources"("name", "id");
CREATE INDEX "support_resources_target_groups_idx" ON "support_resources" USING GIN ("target_groups");
