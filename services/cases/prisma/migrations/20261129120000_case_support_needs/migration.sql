-- The support needs recorded when a case opens; they travel (codes only) in its event.
ALTER TABLE "cases" ADD COLUMN "support_needs" TEXT[] DEFAULT ARRAY[]::TEXT[];
