-- A consent names its receivers (organisations, or only some of their units), how it was given,
-- and the last day it holds; it can be withdrawn.
CREATE TABLE "consent_receivers" (
    "id" UUID NOT NULL,
    "consent_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "unit_id" UUID,
    CONSTRAINT "consent_receivers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "consent_receivers_consent_id_fkey" FOREIGN KEY ("consent_id") REFERENCES "consents"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "consent_receivers_consent_id_idx" ON "consent_receivers"("consent_id");
CREATE INDEX "consent_receivers_organisation_id_consent_id_idx" ON "consent_receivers"("organisation_id", "consent_id");

-- Consents so far had one receiving organisation, no form and no expiry: they were written, and
-- hold for a year from when they were given.
INSERT INTO "consent_receivers" ("id", "consent_id", "organisation_id", "unit_id")
SELECT "id", "id", "organisation_id", NULL FROM "consents";

DROP INDEX "consents_active_key";
DROP INDEX "consents_case_id_organisation_id_purpose_idx";
ALTER TABLE "consents" RENAME COLUMN "revoked_at" TO "withdrawn_at";
ALTER TABLE "consents"
    DROP COLUMN "organisation_id",
    ADD COLUMN "given_as" TEXT NOT NULL DEFAULT 'written',
    ADD COLUMN "expires_on" DATE,
    ADD COLUMN "withdrawn_by" UUID;
UPDATE "consents" SET "expires_on" = ("given_at" AT TIME ZONE 'Europe/Stockholm')::date + 365;
ALTER TABLE "consents"
    ALTER COLUMN "given_as" DROP DEFAULT,
    ALTER COLUMN "expires_on" SET NOT NULL,
    ADD CONSTRAINT "consents_given_as_check" CHECK ("given_as" IN ('written', 'oral', 'digital')),
    ADD CONSTRAINT "consents_withdrawn_check" CHECK ("withdrawn_by" IS NULL OR "withdrawn_at" IS NOT NULL);
CREATE INDEX "consents_case_id_purpose_idx" ON "consents"("case_id", "purpose");
