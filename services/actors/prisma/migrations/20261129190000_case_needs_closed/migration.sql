-- A closed case no longer counts in the competence map. Kept as a row (not deleted), so a
-- case-opened event handled after the closing one cannot count it again.
ALTER TABLE "case_needs" ADD COLUMN "closed" BOOLEAN NOT NULL DEFAULT false;
