-- Organisations' webhooks: the referral events an organisation's own systems receive, signed with
-- a secret that is stored only encrypted (AES-256-GCM: 12-byte IV ‖ 16-byte tag ‖ ciphertext, under
-- the key named by secret_key_id, the webhook's id as associated data).
CREATE TABLE "webhook_subscriptions" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    -- Nullable to the catalogue, as Prisma writes lists; the check below refuses null and empty.
    "event_types" TEXT[],
    "description" TEXT,
    "secret_ciphertext" BYTEA NOT NULL,
    "secret_key_id" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_by" UUID,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_subscriptions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_subscriptions_url_check" CHECK (char_length("url") BETWEEN 1 AND 2000),
    CONSTRAINT "webhook_subscriptions_event_types_check" CHECK ("event_types" IS NOT NULL AND cardinality("event_types") > 0),
    CONSTRAINT "webhook_subscriptions_description_check" CHECK (char_length("description") <= 200),
    CONSTRAINT "webhook_subscriptions_deleted_check" CHECK ("active" = ("deleted_at" IS NULL) AND ("deleted_at" IS NULL) = ("deleted_by" IS NULL))
);
-- The organisation's webhooks, newest first; and the fan-out's look-up of an organisation's.
CREATE INDEX "webhook_subscriptions_organisation_id_created_at_id_idx" ON "webhook_subscriptions"("organisation_id", "created_at", "id");

-- One row per event and webhook: the body to send (the event envelope, as sent every time, so the
-- signature covers the same bytes), the attempts and their last result, and the next attempt. A
-- row being attempted has next_attempt_at moved past the attempt's timeout (a lease), so another
-- replica takes it only once that ran out.
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed')),
    CONSTRAINT "webhook_deliveries_next_attempt_check" CHECK (("status" = 'pending') = ("next_attempt_at" IS NOT NULL)),
    CONSTRAINT "webhook_deliveries_delivered_check" CHECK (("status" = 'delivered') = ("delivered_at" IS NOT NULL)),
    CONSTRAINT "webhook_deliveries_attempts_check" CHECK ("attempts" >= 0),
    CONSTRAINT "webhook_deliveries_last_error_check" CHECK (char_length("last_error") <= 200)
);
-- An event is delivered to a webhook once, however often the consumer sees it.
CREATE UNIQUE INDEX "webhook_deliveries_subscription_id_event_id_key" ON "webhook_deliveries"("subscription_id", "event_id");
-- The delivery log of a webhook, newest first, and by status.
CREATE INDEX "webhook_deliveries_subscription_id_created_at_id_idx" ON "webhook_deliveries"("subscription_id", "created_at", "id");
CREATE INDEX "webhook_deliveries_subscription_id_status_created_at_id_idx" ON "webhook_deliveries"("subscription_id", "status", "created_at", "id");
-- What the delivery job claims: the pending rows that are due.
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries"("next_attempt_at") WHERE "status" = 'pending';
-- What retention removes: finished rows, oldest first.
CREATE INDEX "webhook_deliveries_finished_idx" ON "webhook_deliveries"("created_at") WHERE "status" <> 'pending';
