-- The command that writes outbox rows publishes their events itself once it committed, and the
-- relay sweeps what stays unsent; nothing needs waking on every insert any more.
DROP TRIGGER "outbox_notify" ON "outbox";
DROP FUNCTION "notify_outbox"();
