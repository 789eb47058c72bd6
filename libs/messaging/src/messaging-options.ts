import type { ServiceName } from '@samverkan/contracts';
import type { NatsAuth, PublicJwk, SigningJwk } from '@samverkan/platform';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  service: ServiceName;
  instance: string;
  natsUrl: string;
  natsAuth: NatsAuth;
  namespace: string;
  /** The service's key for signing caller assertions, and the public keys it trusts. */
  trust: { signingKey: SigningJwk; trustedKeys: PublicJwk[] };
  /** Present for services that own a database, an outbox and consumers. */
  databaseUrl?: string;
  /** Durable consumers this service runs; each must be declared in the topology. */
  consumers?: string[];
  outboxPollIntervalMs?: number;
  /** Unsent outbox rows older than this are published by the relay's sweep; younger ones by their command. */
  outboxSweepAfterMs?: number;
  outboxBatchSize?: number;
  /** Sent outbox rows are kept this long, so the outbox can be republished from a point in time. */
  outboxRetentionHours?: number;
  /** Handled event ids are kept this long to recognise redeliveries. */
  inboxRetentionHours?: number;
  rpcTimeoutMs?: number;
  /**
   * Requests to a service that failed this many times in a row (no answer in time, or not running)
   * are refused at once for `openMs`; then one is let through, and its success lets the rest
   * through again.
   */
  rpcBreaker?: { failures: number; openMs: number };
  jetstreamReplicas?: number;
}
