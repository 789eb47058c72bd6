-- The referral facts as statistics scan them: one narrow row per referral of fixed-width columns
-- (the coded attributes as enums, the days of its steps as Swedish calendar dates, its durations in
-- days), kept by a trigger on referral_facts in the same transaction, so that a table over a year
-- of the whole county reads a third of the bytes and no time zone arithmetic per row.
CREATE TYPE "stat_municipality" AS ENUM ('1814', '1860', '1861', '1862', '1863', '1864', '1880', '1881', '1882', '1883', '1884', '1885');
CREATE TYPE "stat_target_group" AS ENUM ('uvas', 'disability', 'foreign_background');
CREATE TYPE "stat_gender" AS ENUM ('female', 'male', 'other', 'not_stated');
CREATE TYPE "stat_status" AS ENUM ('sent', 'acknowledged', 'accepted', 'declined', 'started', 'completed', 'interrupted', 'withdrawn', 'expired');
CREATE TYPE "stat_decline_reason" AS ENUM ('no_capacity', 'not_eligible', 'could_not_reach_person', 'person_declined', 'referred_elsewhere', 'other', 'wrong_recipient');
CREATE TYPE "stat_outcome" AS ENUM ('achieved', 'partly_achieved', 'not_achieved');
CREATE TYPE "stat_exit_destination" AS ENUM ('work', 'studies', 'other_support', 'moved_away', 'interrupted', 'unknown');

CREATE TABLE "referral_figures" (
    "referral_id" UUID NOT NULL,
    "sent_on" DATE NOT NULL,
    "started_on" DATE,
    "ended_on" DATE,
    "municipality" "stat_municipality" NOT NULL,
    "target_group" "stat_target_group" NOT NULL,
    "gender" "stat_gender" NOT NULL,
    "status" "stat_status" NOT NULL,
    "decline_reason" "stat_decline_reason",
    "outcome" "stat_outcome",
    "exit_destination" "stat_exit_destination",
    "answer_days" REAL,
    "start_days" REAL,
    "in_resource_days" REAL,
    "from_organisation_id" UUID,
    "to_organisation_id" UUID,
    "to_unit_id" UUID,
    "support_resource_id" UUID,
    CONSTRAINT "referral_figures_pkey" PRIMARY KEY ("referral_id")
);
CREATE INDEX "referral_figures_sent_on_idx" ON "referral_figures"("sent_on");
CREATE INDEX "referral_figures_started_on_idx" ON "referral_figures"("started_on");
CREATE INDEX "referral_figures_ended_on_idx" ON "referral_figures"("ended_on");
CREATE INDEX "referral_figures_support_resource_id_idx" ON "referral_figures"("support_resource_id");

-- A fact without the day it was sent (one projected before step times were kept, and not sent)
-- has no place in a period: it has no figures.
CREATE FUNCTION "referral_figures_follow_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.sent_at IS NULL THEN
        DELETE FROM referral_figures WHERE referral_id = coalesce(NEW.referral_id, OLD.referral_id);
        RETURN NULL;
    END IF;
    INSERT INTO referral_figures (referral_id, sent_on, started_on, ended_on, municipality, target_group, gender, status, decline_reason,
                                  outcome, exit_destination, answer_days, start_days, in_resource_days,
                                  from_organisation_id, to_organisation_id, to_unit_id, support_resource_id)
    VALUES (NEW.referral_id,
            (NEW.sent_at AT TIME ZONE 'Europe/Stockholm')::date,
            (NEW.started_at AT TIME ZONE 'Europe/Stockholm')::date,
            (NEW.ended_at AT TIME ZONE 'Europe/Stockholm')::date,
            NEW.municipality_code::stat_municipality, NEW.target_group::stat_target_group, NEW.gender::stat_gender, NEW.status::stat_status,
            NEW.decline_reason::stat_decline_reason, NEW.outcome::stat_outcome, NEW.exit_destination::stat_exit_destination,
            extract(epoch FROM NEW.answered_at - NEW.sent_at) / 86400,
            extract(epoch FROM NEW.started_at - NEW.sent_at) / 86400,
            extract(epoch FROM NEW.ended_at - NEW.started_at) / 86400,
            NEW.from_organisation_id, NEW.to_organisation_id, NEW.to_unit_id, NEW.support_resource_id)
    ON CONFLICT (referral_id) DO UPDATE SET
        sent_on = EXCLUDED.sent_on, started_on = EXCLUDED.started_on, ended_on = EXCLUDED.ended_on,
        municipality = EXCLUDED.municipality, target_group = EXCLUDED.target_group, gender = EXCLUDED.gender, status = EXCLUDED.status,
        decline_reason = EXCLUDED.decline_reason, outcome = EXCLUDED.outcome, exit_destination = EXCLUDED.exit_destination,
        answer_days = EXCLUDED.answer_days, start_days = EXCLUDED.start_days, in_resource_days = EXCLUDED.in_resource_days,
        from_organisation_id = EXCLUDED.from_organisation_id, to_organisation_id = EXCLUDED.to_organisation_id,
        to_unit_id = EXCLUDED.to_unit_id, support_resource_id = EXCLUDED.support_resource_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "referral_figures_follow_facts"
    AFTER INSERT OR UPDATE OR DELETE ON "referral_facts"
    FOR EACH ROW EXECUTE FUNCTION "referral_figures_follow_facts"();

-- The facts projected so far.
UPDATE "referral_facts" SET "projected_at" = "projected_at" WHERE "sent_at" IS NOT NULL;
