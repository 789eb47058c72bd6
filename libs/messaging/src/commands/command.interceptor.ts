import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { acceptIdempotencyKey, idempotencyKeyHeader } from '@samverkan/contracts';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import { OutboxRelay } from '../jetstream/outbox-relay';
import { MessagingMetrics } from '../messaging-metrics';
import { Namespace } from '../namespace';
import { serviceSubject } from '../trust/assertion';
import { verifiedCallerOf } from '../trust/caller';
import { runCommand, type CommandContext } from './command-context';
import {
  commandFingerprint,
  IdempotencyKeyTaken,
  idempotencyKeyReused,
  IdempotencyStore,
  type IdempotentCommand,
  type StoredCommand,
} from './idempotent-commands';

/**
 * Every request a service handles runs as a command:
 * - its events are published the moment it is done, from the outbox rows its committed changes
 *   wrote, instead of waiting for the relay (which still publishes whatever this misses);
 * - with an Idempotency-Key, it runs at most once per caller and key within 24 hours: a retry
 *   gets the first result and writes nothing, and the same key with another request is refused
 *   (IDEMPOTENCY_KEY_REUSED). The result lives in the service's database, so this holds across
 *   gateway replicas and service restarts.
 */
@Injectable()
export class CommandInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly relay: OutboxRelay,
    private readonly namespace: Namespace,
    private readonly metrics: MessagingMetrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const command: CommandContext = { idempotency: this.idempotentCommand(context), committedEvents: [] };
    return defer(async () => {
      const result = await this.run(command, next);
      this.relay.publishCommitted(command.committedEvents);
      return result;
    });
  }

  private async run(command: CommandContext, next: CallHandler): Promise<unknown> {
    const { idempotency } = command;
    if (idempotency) {
      const done = await this.store.find(idempotency.caller, idempotency.key);
      if (done) return this.replay(idempotency, done);
    }
    try {
      return await runCommand(command, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (error) {
      // A request with the same key committed while this one ran: its result is the answer.
      if (!(error instanceof IdempotencyKeyTaken) || !idempotency) throw error;
      const winner = await this.store.find(idempotency.caller, idempotency.key);
      if (!winner) throw error;
      return this.replay(idempotency, winner);
    }
  }

  private idempotentCommand(context: ExecutionContext): IdempotentCommand | undefined {
    const nats = context.switchToRpc().getContext<NatsContext>();
    const key = acceptIdempotencyKey(nats.getHeaders()?.get(idempotencyKeyHeader) || undefined);
    const caller = verifiedCallerOf(context);
    if (!key || !caller) return undefined;
    const subject = this.namespace.localSubject(nats.getSubject());
    return {
      caller: caller.actor?.staffId ?? serviceSubject(caller.service),
      key,
      subject,
      fingerprint: commandFingerprint(subject, context.switchToRpc().getData()),
      claimed: false,
    };
  }

  private replay(command: IdempotentCommand, stored: StoredCommand): unknown {
    if (stored.fingerprint !== command.fingerprint) throw idempotencyKeyReused();
    this.metrics.idempotentReplays.inc({ subject: command.subject });
    return stored.response;
  }
}
