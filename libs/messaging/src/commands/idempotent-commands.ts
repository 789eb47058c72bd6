import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import { DomainError, ErrorCode, idempotencyKeyHours } from '@samverkan/contracts';
import { copyMethodMetadata } from 'nestjs-cls';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { SqlClient } from '../sql-client';
import { collectingTransactionEvents, currentCommand, inTransaction } from './command-context';

export interface IdempotentCommand {
  /** Whose key it is: the staff member, or `service:<name>`. Keys of different callers never meet. */
  caller: string;
  key: string;
  subject: string;
  fingerprint: string;
  /** Set once the command's transaction holds the key. */
  claimed: boolean;
}

/** Another request holds the key: it committed first, so its result is the answer. */
export class IdempotencyKeyTaken extends Error {
  override readonly name = 'IdempotencyKeyTaken';
}

export function commandFingerprint(subject: string, payload: unknown): string {
  return createHash('sha256')
    .update(`${subject}\n${JSON.stringify(payload) ?? ''}`)
    .digest('base64url');
}

export function idempotencyKeyReused(): DomainError {
  return new DomainError(ErrorCode.IdempotencyKeyReused, `This Idempotency-Key was used in the last ${idempotencyKeyHours} hours for a different request`, [
    { field: 'Idempotency-Key', message: 'was used for a different request; use a new key for a new request' },
  ]);
}

function unclaimedKey(): IdempotentCommand | undefined {
  const command = currentCommand()?.idempotency;
  return command && !command.claimed ? command : undefined;
}

type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * The body of a command's outermost transaction: when the request carries an Idempotency-Key,
 * the key is claimed first in the same transaction and the method's result recorded before it
 * commits. A concurrent request with the same key waits on the claim and then finds that result;
 * a crash before commit leaves no claim, so a retry runs the command afresh. A command's
 * transactional method therefore returns what the command answers.
 */
function claimingKey(connection: string, original: Method): Method {
  return async function (this: unknown, ...args: unknown[]): Promise<unknown> {
    const command = unclaimedKey();
    if (!command) return original.apply(this, args);
    const tx = TransactionHost.getInstance(connection).tx as SqlClient;
    const claimed = await tx.$executeRawUnsafe(
      `INSERT INTO idempotency_keys (caller, key, subject, fingerprint) VALUES ($1, $2, $3, $4)
       ON CONFLICT (caller, key) DO UPDATE SET subject = EXCLUDED.subject, fingerprint = EXCLUDED.fingerprint, response = NULL, created_at = now()
       WHERE idempotency_keys.created_at < now() - make_interval(hours => $5)`,
      command.caller,
      command.key,
      command.subject,
      command.fingerprint,
      idempotencyKeyHours,
    );
    if (claimed === 0) throw new IdempotencyKeyTaken(`idempotency key of ${command.caller} is taken`);
    command.claimed = true;
    const result = await original.apply(this, args);
    await tx.$executeRawUnsafe(
      'UPDATE idempotency_keys SET response = $3::jsonb WHERE caller = $1 AND key = $2',
      command.caller,
      command.key,
      JSON.stringify(result ?? null),
    );
    return result;
  };
}

/** `original` in one transaction on the connection, joining one already open. */
function inOneTransaction(connection: string, original: Method): Method {
  // The transaction itself is @nestjs-cls/transactional's, applied to the body.
  const transaction: PropertyDescriptor = { value: claimingKey(connection, original) };
  Transactional(connection)({}, original.name, transaction);
  const transactional = transaction.value as Method;
  return function (this: unknown, ...args: unknown[]): Promise<unknown> {
    if (inTransaction()) return original.apply(this, args);
    return collectingTransactionEvents(
      (work) => work(),
      () => transactional.apply(this, args),
    );
  };
}

function decorate(wrap: (original: Method) => Method): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as Method;
    descriptor.value = wrap(original);
    copyMethodMetadata(original, descriptor.value as Method);
  };
}

/**
 * One transaction on the named connection (joining one already open). The events its outbox
 * rows announce are published once it commits; for a command with an Idempotency-Key it also
 * claims the key and records the result.
 */
export function TransactionalCommand(connection: string): MethodDecorator {
  return decorate((original) => inOneTransaction(connection, original));
}

/**
 * For a command whose change is one statement (a row and its events' outbox rows in one
 * `Outbox.withEvents` statement), atomic by itself: no transaction, one round trip. Only a
 * command with an Idempotency-Key gets a transaction, to claim the key and record the result
 * with the change.
 */
export function SingleStatementCommand(connection: string): MethodDecorator {
  return decorate((original) => {
    const transactional = inOneTransaction(connection, original);
    return function (this: unknown, ...args: unknown[]): Promise<unknown> {
      return unclaimedKey() && !inTransaction() ? transactional.apply(this, args) : original.apply(this, args);
    };
  });
}

export interface StoredCommand {
  fingerprint: string;
  response: unknown;
}

/** Reads and prunes the recorded results, outside any command's transaction. */
export class IdempotencyStore {
  constructor(private readonly pool: Pool) {}

  async find(caller: string, key: string): Promise<StoredCommand | undefined> {
    const { rows } = await this.pool.query<StoredCommand>(
      `SELECT fingerprint, response FROM idempotency_keys
        WHERE caller = $1 AND key = $2 AND created_at >= now() - make_interval(hours => $3)`,
      [caller, key, idempotencyKeyHours],
    );
    return rows[0];
  }

  async prune(): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)', [idempotencyKeyHours]);
  }
}
