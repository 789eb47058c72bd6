-- What the region learns from its projects: results over time, lessons, critical factors for
-- lasting ordinary practice, and structural obstacles with their evidence. Nothing here is about a
-- person: staff are kept by id only, and texts are about the projects' work.

-- Indicators a project follows, and their measurements over time.
CREATE TABLE "project_indicators" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "target_value" DOUBLE PRECISION,
    "baseline" DOUBLE PRECISION,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "project_indicators_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "project_indicators_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "project_indicators_project_id_created_at_idx" ON "project_indicators"("project_id", "created_at");

CREATE TABLE "indicator_measurements" (
    "id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "measured_on" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "recorded_by" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "indicator_measurements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "indicator_measurements_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "project_indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "indicator_measurements_indicator_id_measured_on_idx" ON "indicator_measurements"("indicator_id", "measured_on");

-- Lessons learned, with the critical factors each bears on.
CREATE TABLE "project_lessons" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "critical_factors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "recorded_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "project_lessons_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "project_lessons_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "project_lessons_project_id_created_at_id_idx" ON "project_lessons"("project_id", "created_at", "id");

-- A project's assessment of each critical factor: one row per factor assessed.
CREATE TABLE "project_critical_factors" (
    "project_id" UUID NOT NULL,
    "factor" TEXT NOT NULL,
    "assessment" TEXT NOT NULL,
    "comment" TEXT,
    "assessed_by" UUID NOT NULL,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "project_critical_factors_pkey" PRIMARY KEY ("project_id", "factor"),
    CONSTRAINT "project_critical_factors_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Structural obstacles, where they are met, and the evidence they rest on.
CREATE TABLE "structural_obstacles" (
    "id" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "project_id" UUID,
    "recorded_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "structural_obstacles_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "structural_obstacles_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "structural_obstacles_created_at_id_idx" ON "structural_obstacles"("created_at", "id");
CREATE INDEX "structural_obstacles_category_created_at_id_idx" ON "structural_obstacles"("category", "created_at", "id");
CREATE INDEX "structural_obstacles_project_id_created_at_id_idx" ON "structural_obstacles"("project_id", "created_at", "id");

CREATE TABLE "structural_obstacle_municipalities" (
    "obstacle_id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    CONSTRAINT "structural_obstacle_municipalities_pkey" PRIMARY KEY ("obstacle_id", "municipality_code"),
    CONSTRAINT "structural_obstacle_municipalities_obstacle_id_fkey" FOREIGN KEY ("obstacle_id") REFERENCES "structural_obstacles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "structural_obstacle_municipalities_municipality_code_idx" ON "structural_obstacle_municipalities"("municipality_code");

CREATE TABLE "obstacle_evidence" (
    "id" UUID NOT NULL,
    "obstacle_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "project_id" UUID,
    "lesson_id" UUID,
    "candidate_id" UUID,
    "url" TEXT,
    "summary" TEXT NOT NULL,
    "recorded_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "obstacle_evidence_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "obstacle_evidence_obstacle_id_fkey" FOREIGN KEY ("obstacle_id") REFERENCES "structural_obstacles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "obstacle_evidence_obstacle_id_created_at_idx" ON "obstacle_evidence"("obstacle_id", "created_at");
CREATE INDEX "obstacle_evidence_candidate_id_idx" ON "obstacle_evidence"("candidate_id");
