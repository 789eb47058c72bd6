-- The rest of a referral's non-identifying state, which statistics are now grouped by.
ALTER TABLE "referral_facts"
    ADD COLUMN "to_unit_id" UUID,
    ADD COLUMN "support_resource_id" UUID,
    ADD COLUMN "outcome" TEXT,
    ADD COLUMN "exit_destination" TEXT,
    ADD COLUMN "external" BOOLEAN NOT NULL DEFAULT false;

CREATE INDEX "referral_facts_support_resource_id_sent_at_idx" ON "referral_facts"("support_resource_id", "sent_at");
CREATE INDEX "referral_facts_sent_at_idx" ON "referral_facts"("sent_at");
CREATE INDEX "referral_facts_ended_at_idx" ON "referral_facts"("ended_at");

-- The history of every referral: one row per event version, never changed, so durations and paths
-- can be derived and every projection rebuilt from it.
CREATE TABLE "referral_transitions" (
    "referral_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "event_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "event_time" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "municipality_code" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "decline_reason" TEXT,
    "from_organisation_id" UUID,
    "to_organisation_id" UUID,
    "to_unit_id" UUID,
    "support_resource_id" UUID,
    "outcome" TEXT,
    "exit_destination" TEXT,
    "external" BOOLEAN NOT NULL DEFAULT false,
    "sent_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "answered_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "acknowledge_by" DATE,
    "answer_by" DATE,
    "start_by" DATE,
    CONSTRAINT "referral_transitions_pkey" PRIMARY KEY ("referral_id", "version")
);
CREATE INDEX "referral_transitions_event_time_idx" ON "referral_transitions"("event_time");

-- Append-only: a transition once recorded is a fact of history.
CREATE FUNCTION "referral_transitions_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'referral_transitions is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "referral_transitions_append_only"
    BEFORE UPDATE OR DELETE ON "referral_transitions"
    FOR EACH ROW EXECUTE FUNCTION "referral_transitions_append_only"();
CREATE TRIGGER "referral_transitions_no_truncate"
    BEFORE TRUNCATE ON "referral_transitions"
    FOR EACH STATEMENT EXECUTE FUNCTION "referral_transitions_append_only"();

-- Facts projected before the history was kept enter it as the state they know, at their version.
INSERT INTO "referral_transitions" ("referral_id", "version", "event_id", "status", "event_time", "municipality_code", "target_group", "gender",
                                    "decline_reason", "from_organisation_id", "to_organisation_id", "sent_at", "acknowledged_at", "answered_at",
                                    "started_at", "ended_at", "acknowledge_by", "answer_by", "start_by")
SELECT "referral_id", "version", 'projected-before-history', "status", "event_time", "municipality_code", "target_group", "gender",
       "decline_reason", "from_organisation_id", "to_organisation_id", "sent_at", "acknowledged_at", "answered_at",
       "started_at", "ended_at", "acknowledge_by", "answer_by", "start_by"
  FROM "referral_facts";

-- The directory's units (where they are) and support resources (which needs they address), from actors' events.
CREATE TABLE "units" (
    "unit_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "municipality_code" TEXT,
    "active" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL,
    "projected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "units_pkey" PRIMARY KEY ("unit_id")
);

CREATE TABLE "support_resources" (
    "resource_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "addresses_needs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL,
    "projected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "support_resources_pkey" PRIMARY KEY ("resource_id")
);

-- Structural obstacles the referral flow suggests, for an analyst to confirm or dismiss.
CREATE TABLE "obstacle_candidates" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "need" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "basis" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "obstacle_id" UUID,
    "dismissal_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "obstacle_candidates_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "obstacle_candidates_rule_municipality_code_need_quarter_key" ON "obstacle_candidates"("rule", "municipality_code", "need", "quarter");
CREATE INDEX "obstacle_candidates_status_detected_at_idx" ON "obstacle_candidates"("status", "detected_at");

-- Rebuilds of a projection (replaying its stream into the history, then deriving the projection
-- from the history again), with their progress.
CREATE TABLE "projection_runs" (
    "id" UUID NOT NULL,
    "projection" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL,
    "events_total" INTEGER NOT NULL DEFAULT 0,
    "events_read" INTEGER NOT NULL DEFAULT 0,
    "events_invalid" INTEGER NOT NULL DEFAULT 0,
    "transitions_added" INTEGER NOT NULL DEFAULT 0,
    "referrals" INTEGER,
    "facts_corrected" INTEGER,
    "error" TEXT,
    "requested_by" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "projection_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "projection_runs_projection_started_at_idx" ON "projection_runs"("projection", "started_at");

-- The needs each support resource addresses, one row each, for statistics to join on.
CREATE TABLE "support_resource_needs" (
    "resource_id" UUID NOT NULL,
    "need" TEXT NOT NULL,
    CONSTRAINT "support_resource_needs_pkey" PRIMARY KEY ("resource_id", "need")
);
