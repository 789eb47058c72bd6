export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const JETSTREAM = Symbol('JETSTREAM');
export const JETSTREAM_MANAGER = Symbol('JETSTREAM_MANAGER');
export const PG_POOL = Symbol('PG_POOL');
/** The owning service's named transaction host, for the outbox and the consumers' inbox. */
export const MESSAGING_TRANSACTION_HOST = Symbol('MESSAGING_TRANSACTION_HOST');
