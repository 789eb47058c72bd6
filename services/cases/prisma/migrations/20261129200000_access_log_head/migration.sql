-- The end of the access log's chain, one row: an append moves it on and inserts the entry in one
-- statement. Updating the row waits for an append in progress and then continues from what that
-- one committed, so concurrent appends chain one after another without a separate lock.
CREATE TABLE "access_log_head" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "sequence" BIGINT NOT NULL,
    "previous_hash" BYTEA NOT NULL,
    "hash" BYTEA NOT NULL,
    CONSTRAINT "access_log_head_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "access_log_head_single_row" CHECK ("id")
);
INSERT INTO "access_log_head" ("id", "sequence", "previous_hash", "hash")
SELECT true, COALESCE(max("sequence"), 0), '\x'::bytea,
       COALESCE((SELECT "hash" FROM "access_log" ORDER BY "sequence" DESC LIMIT 1), decode(repeat('00', 32), 'hex'))
  FROM "access_log";
