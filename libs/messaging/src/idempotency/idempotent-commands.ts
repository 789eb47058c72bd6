import { applyDecorators } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import { DomainError, ErrorCode, idempotencyKeyHours } from '@samverkan/contracts';
import { copyMethodMetadata } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { SqlClient } from '../sql-client';

export interface IdempotentCommand {
  /** Whose key it is: the staff member, or `service:<name>`. Keys of different callers never meet. */
  caller: string;
  key: string;
  subject: string;
  fingerprint: string;
  /** Set once the command's transaction holds the key, so nested transactions leave it alone. */
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

// The command being handled with an Idempotency-Key. A storage of its own rather than the CLS
// context: the interceptor that sets it may run before the one that opens the CLS context.
const idempotentCommands = new AsyncLocalStorage<IdempotentCommand>();

/** Runs the handling of a command sent with an Idempotency-Key; its transaction finds the command. */
export function runIdempotentCommand<T>(command: IdempotentCommand, handle: () => Promise<T>): Promise<T> {
  return idempotentCommands.run(command, handle);
}

function pendingCommand(): IdempotentCommand | undefined {
  const command = idempotentCommands.getStore();
  return command && !command.claimed ? command : undefined;
}

/**
 * Inside a service's transactional method: when the request carries an Idempotency-Key, the key
 * is claimed first in the same transaction and the method's result recorded before it commits.
 * A concurrent request with the same key waits on the claim and then finds that result; a crash
 * before commit leaves no claim, so a retry runs the command afresh. A command's transactional
 * method therefore returns what the command answers.
 */
export function ClaimIdempotencyKey(connection: string): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as (...args: unknown[]) => Promise<unknown>;
    descriptor.value = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
      const command = pendingCommand();
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
    copyMethodMetadata(original, descriptor.value as (...args: unknown[]) => unknown);
  };
}

/**
 * One transaction on the named connection (joining one already open); for a command with an
 * Idempotency-Key, the outermost also claims the key and records the result. Applied in order,
 * so the claim happens inside the transaction.
 */
export function TransactionalCommand(connection: string): MethodDecorator {
  return applyDecorators(ClaimIdempotencyKey(connection), Transactional(connection));
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
