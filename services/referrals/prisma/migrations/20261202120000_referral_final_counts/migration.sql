-- The inbox's counts per status: a referral that reached a final status (declined, completed,
-- interrupted, withdrawn, expired) never changes again, so those are counted once, as they end,
-- per box (organisation and direction) and per filter the inbox offers (unit, target group,
-- support resource, municipality); open referrals stay few and are counted live from their
-- index. The count is kept by a trigger, in the transaction that ends the referral, whichever
-- code path ends it. `key` joins the dimensions, so one row holds each combination.
CREATE TABLE "referral_final_counts" (
    "key" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "direction" TEXT NOT NULL,
    "unit_id" UUID,
    "target_group" TEXT NOT NULL,
    "support_resource_id" UUID,
    "municipality_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "referral_final_counts_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "referral_final_counts_direction_check" CHECK ("direction" IN ('incoming', 'outgoing')),
    CONSTRAINT "referral_final_counts_status_check" CHECK ("status" IN ('declined', 'completed', 'interrupted', 'withdrawn', 'expired')),
    CONSTRAINT "referral_final_counts_count_check" CHECK ("count" > 0)
);
CREATE INDEX "referral_final_counts_organisation_id_direction_idx" ON "referral_final_counts"("organisation_id", "direction");

CREATE FUNCTION "referral_final_count_key"(organisation UUID, direction TEXT, unit UUID, target_group TEXT, resource UUID, municipality TEXT, status TEXT)
    RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws('|', organisation, direction, coalesce(unit::text, '-'), target_group, coalesce(resource::text, '-'), municipality, status)
$$;

CREATE FUNCTION "count_final_referral"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "referral_final_counts" AS c
           ("key", "organisation_id", "direction", "unit_id", "target_group", "support_resource_id", "municipality_code", "status", "count")
    VALUES ("referral_final_count_key"(NEW."to_organisation_id", 'incoming', NEW."to_unit_id", NEW."target_group", NEW."support_resource_id", NEW."municipality_code", NEW."status"),
            NEW."to_organisation_id", 'incoming', NEW."to_unit_id", NEW."target_group", NEW."support_resource_id", NEW."municipality_code", NEW."status", 1),
           ("referral_final_count_key"(NEW."from_organisation_id", 'outgoing', NEW."from_unit_id", NEW."target_group", NEW."support_resource_id", NEW."municipality_code", NEW."status"),
            NEW."from_organisation_id", 'outgoing', NEW."from_unit_id", NEW."target_group", NEW."support_resource_id", NEW."municipality_code", NEW."status", 1)
    ON CONFLICT ("key") DO UPDATE SET "count" = c."count" + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "referrals_count_final_on_insert"
    AFTER INSERT ON "referrals"
    FOR EACH ROW
    WHEN (NEW."status" IN ('declined', 'completed', 'interrupted', 'withdrawn', 'expired'))
    EXECUTE FUNCTION "count_final_referral"();

CREATE TRIGGER "referrals_count_final_on_end"
    AFTER UPDATE OF "status" ON "referrals"
    FOR EACH ROW
    WHEN (NEW."status" IN ('declined', 'completed', 'interrupted', 'withdrawn', 'expired')
          AND OLD."status" NOT IN ('declined', 'completed', 'interrupted', 'withdrawn', 'expired'))
    EXECUTE FUNCTION "count_final_referral"();

-- What ended before this migration.
INSERT INTO "referral_final_counts" ("key", "organisation_id", "direction", "unit_id", "target_group", "support_resource_id", "municipality_code", "status", "count")
SELECT "referral_final_count_key"(organisation_id, direction, unit_id, target_group, support_resource_id, municipality_code, status),
       organisation_id, direction, unit_id, target_group, support_resource_id, municipality_code, status, count(*)
  FROM (SELECT to_organisation_id AS organisation_id, 'incoming' AS direction, to_unit_id AS unit_id, target_group, support_resource_id, municipality_code, status
          FROM "referrals" WHERE status IN ('declined', 'completed', 'interrupted', 'withdrawn', 'expired')
        UNION ALL
        SELECT from_organisation_id, 'outgoing', from_unit_id, target_group, support_resource_id, municipality_code, status
          FROM "referrals" WHERE status IN ('declined', 'completed', 'interrupted', 'withdrawn', 'expired')) AS ended
 GROUP BY organisation_id, direction, unit_id, target_group, support_resource_id, municipality_code, status;
