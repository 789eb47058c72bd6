import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { acceptIdempotencyKey, idempotencyKeyHeader } from '@samverkan/contracts';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import { MessagingMetrics } from '../messaging-metrics';
import { Namespace } from '../namespace';
import { serviceSubject } from '../trust/assertion';
import { verifiedCallerOf } from '../trust/caller';
import {
  commandFingerprint,
  IdempotencyKeyTaken,
  idempotencyKeyReused,
  IdempotencyStore,
  runIdempotentCommand,
  type IdempotentCommand,
  type StoredCommand,
} from './idempotent-commands';

/**
 * A command that carries an Idempotency-Key runs at most once per caller and key within 24
 * hours: a retry gets the first result and writes nothing; the same key with another request is
 * refused (IDEMPOTENCY_KEY_REUSED). The result lives in the service's database, so this holds
 * across gateway replicas and service restarts. Requests without a key pass through untouched.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly namespace: Namespace,
    private readonly metrics: MessagingMetrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<NatsContext>();
    const key = acceptIdempotencyKey(nats.getHeaders()?.get(idempotencyKeyHeader) || undefined);
    const caller = verifiedCallerOf(context);
    if (!key || !caller) return next.handle();
    const subject = this.namespace.localSubject(nats.getSubject());
    const command: IdempotentCommand = {
      caller: caller.actor?.staffId ?? serviceSubject(caller.service),
      key,
      subject,
      fingerprint: commandFingerprint(subject, context.switchToRpc().getData()),
      claimed: false,
    };
    return defer(async () => {
      const done = await this.store.find(command.caller, command.key);
      if (done) return this.replay(command, done);
      try {
        return await runIdempotentCommand(command, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
      } catch (error) {
        // A request with the same key committed while this one ran: its result is the answer.
        if (!(error instanceof IdempotencyKeyTaken)) throw error;
        const winner = await this.store.find(command.caller, command.key);
        if (!winner) throw error;
        return this.replay(command, winner);
      }
    });
  }

  private replay(command: IdempotentCommand, stored: StoredCommand): unknown {
    if (stored.fingerprint !== command.fingerprint) throw idempotencyKeyReused();
    this.metrics.idempotentReplays.inc({ subject: command.subject });
    return stored.response;
  }
}
