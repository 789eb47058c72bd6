-- Organisations keep their name, which imported project pages are linked by.
ALTER TABLE "organisations" ADD COLUMN "name" TEXT;

-- The project portfolio: projects imported from their ESF pages, without their contact person.
CREATE TABLE "projects" (
    "id" UUID NOT NULL,
    "project_key" TEXT NOT NULL,
    "project_number" TEXT,
    "title" TEXT NOT NULL,
    "programme_area" TEXT,
    "phase" TEXT,
    "owner_name" TEXT,
    "owner_organisation_id" UUID,
    "granted_esf_kronor" BIGINT,
    "total_budget_kronor" BIGINT,
    "period_start" DATE,
    "period_end" DATE,
    "region" TEXT,
    "summary" TEXT,
    "summary_english" TEXT,
    "background" TEXT,
    "goals" TEXT,
    "target_groups_text" TEXT,
    "accessibility" TEXT,
    "gender_equality" TEXT,
    "transnational_cooperation" TEXT,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "imported_by" UUID NOT NULL,
    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "projects_project_key_key" ON "projects"("project_key");
CREATE INDEX "projects_created_at_id_idx" ON "projects"("created_at", "id");

CREATE TABLE "project_partners" (
    "project_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "organisation_id" UUID,
    CONSTRAINT "project_partners_pkey" PRIMARY KEY ("project_id", "position"),
    CONSTRAINT "project_partners_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "project_partners_organisation_id_idx" ON "project_partners"("organisation_id");

CREATE TABLE "project_municipalities" (
    "project_id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    CONSTRAINT "project_municipalities_pkey" PRIMARY KEY ("project_id", "municipality_code"),
    CONSTRAINT "project_municipalities_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "project_municipalities_municipality_code_idx" ON "project_municipalities"("municipality_code");
