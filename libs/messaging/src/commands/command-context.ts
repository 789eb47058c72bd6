import { Logger } from '@nestjs/common';
import type { EventEnvelope } from '@samverkan/contracts';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IdempotentCommand } from './idempotent-commands';

/**
 * What one command (a request a service handles, or a batch of events a consumer applies) has
 * going on besides its result: the Idempotency-Key it was sent with, and the events of its
 * changes that have committed, which are published as soon as it is done.
 *
 * Storages of their own rather than the CLS context: the interceptor that opens a command may
 * run before the one that opens the CLS context.
 */
export interface CommandContext {
  idempotency?: IdempotentCommand;
  committedEvents: EventEnvelope[];
}

const commands = new AsyncLocalStorage<CommandContext>();

/** The events announced inside the transaction that is open, published only once it commits. */
const transactionEvents = new AsyncLocalStorage<EventEnvelope[]>();

/** Work that may only happen once the open transaction committed (telling anyone of what it wrote). */
const transactionCommitted = new AsyncLocalStorage<Array<() => void>>();

const logger = new Logger('Transactions');

export function runCommand<T>(context: CommandContext, work: () => Promise<T>): Promise<T> {
  return commands.run(context, work);
}

export function currentCommand(): CommandContext | undefined {
  return commands.getStore();
}

/** Whether a transaction opened by this library is open (its events wait for its commit). */
export function inTransaction(): boolean {
  return transactionEvents.getStore() !== undefined;
}

/**
 * Runs `work` as the outermost transaction's body: events announced in it are handed to the
 * command when `commit` (the transaction around `work`) succeeds, and dropped if it fails.
 */
export async function collectingTransactionEvents<T>(commit: (work: () => Promise<T>) => Promise<T>, work: () => Promise<T>): Promise<T> {
  const events: EventEnvelope[] = [];
  const committed: Array<() => void> = [];
  const result = await commit(() => transactionCommitted.run(committed, () => transactionEvents.run(events, work)));
  currentCommand()?.committedEvents.push(...events);
  for (const callback of committed) runCommitted(callback);
  return result;
}

/**
 * Runs `callback` once the outermost transaction that is open commits, and never if it rolls
 * back; outside a transaction (the change committed on its own), at once. For what must not be
 * seen before the change is, and may be lost with the process: a live message, not an event
 * (events go through the outbox). A callback that throws is logged; the commit stands.
 */
export function afterCommit(callback: () => void): void {
  const open = transactionCommitted.getStore();
  if (open) open.push(callback);
  else runCommitted(callback);
}

function runCommitted(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    logger.error({ err: error }, 'work after a commit failed');
  }
}

/**
 * Records events whose outbox rows were just written: with the open transaction's, or, written
 * by a statement that committed on its own, straight with the command's committed events.
 */
export function announce(envelopes: EventEnvelope[]): void {
  const open = transactionEvents.getStore();
  if (open) open.push(...envelopes);
  else currentCommand()?.committedEvents.push(...envelopes);
}
