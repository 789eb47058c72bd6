-- Scheduled work that must survive restarts and run once across replicas: each job's next run is
-- a row, claimed with FOR UPDATE SKIP LOCKED by whichever replica gets there first.
CREATE TABLE "scheduled_jobs" (
    "name" TEXT NOT NULL,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,
    "last_run_at" TIMESTAMPTZ(3),
    "last_items" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "scheduled_jobs_pkey" PRIMARY KEY ("name")
);
