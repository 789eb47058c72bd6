-- Webhook deliveries are enqueued in the transaction that writes the event, not by a consumer of
-- referrals' own stream: every referral event, whichever code path writes it to the outbox
-- (sending, answering, deadlines, expiry, withdrawal on an ended consent), gets one pending
-- delivery per active webhook of its two organisations that subscribes to its type, atomically
-- with the change. It saves each event a hop over NATS and a transaction of its own, and costs an
-- index look-up when nobody subscribes. The body is the envelope as stored, which is also what
-- the relay publishes.
CREATE FUNCTION "enqueue_webhook_deliveries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "webhook_deliveries" ("id", "subscription_id", "event_id", "event_type", "body", "status", "next_attempt_at")
    SELECT gen_random_uuid(), s."id", NEW."id", NEW."envelope"->>'type', NEW."envelope"::text, 'pending', now()
      FROM "webhook_subscriptions" s
     WHERE s."active"
       AND s."organisation_id" IN ((NEW."envelope"->'data'->>'fromOrganisationId')::uuid, (NEW."envelope"->'data'->>'toOrganisationId')::uuid)
       AND NEW."envelope"->>'type' = ANY (s."event_types")
       -- A deletion running at the same time waits for this transaction, then cancels what it enqueued.
       FOR SHARE OF s
    ON CONFLICT ("subscription_id", "event_id") DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "outbox_enqueue_webhook_deliveries"
    AFTER INSERT ON "outbox"
    FOR EACH ROW
    WHEN (NEW."subject" LIKE 'referrals.events.referral.%')
    EXECUTE FUNCTION "enqueue_webhook_deliveries"();

-- The look-up above, by organisation, of active webhooks only.
CREATE INDEX "webhook_subscriptions_active_organisation_idx" ON "webhook_subscriptions"("organisation_id") WHERE "active";
