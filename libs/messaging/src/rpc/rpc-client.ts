import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { NatsRecordBuilder, type ClientProxy } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { DomainError, ErrorCode, idempotencyKeyHeader, isErrorPayload, servingService, type ActorContext, type RequestSubject } from '@samverkan/contracts';
import { correlationHeader, currentCorrelationId } from '@samverkan/platform';
import { randomUUID } from 'node:crypto';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { assertionHeader } from '../trust/assertion';
import { AssertionSigner } from '../trust/assertion-signer';
import { currentActingStaff } from '../trust/caller';

export const RPC_CLIENT_PROXY = Symbol('RPC_CLIENT_PROXY');

export interface RequestOptions {
  timeoutMs?: number;
  /**
   * The staff member to make the request for. By default, the one the current request is made
   * for (the gateway's verified user, or a service's verified caller); null for none.
   */
  actor?: ActorContext | null;
  /** Makes the command safe to retry: the receiving service runs it at most once for this key. */
  idempotencyKey?: string;
}

/**
 * Request-reply over Nest's NATS transport. Every request carries a caller assertion signed by
 * this service, bound to its subject and payload, and the correlation id; structured errors from
 * the other side come back as the same DomainError.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly logger = new Logger(RpcClient.name);

  constructor(
    @Inject(RPC_CLIENT_PROXY) private readonly proxy: Pick<ClientProxy, 'send' | 'close'>,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly signer: AssertionSigner,
  ) {}

  async request<TResponse>(subject: RequestSubject, payload: object, options: RequestOptions = {}): Promise<TResponse> {
    const correlationId = currentCorrelationId() ?? randomUUID();
    const actor = options.actor === undefined ? currentActingStaff() : (options.actor ?? undefined);
    const headers = natsHeaders();
    headers.set(correlationHeader, correlationId);
    const { idempotencyKey } = options;
    if (idempotencyKey) headers.set(idempotencyKeyHeader, idempotencyKey);
    headers.set(assertionHeader, await this.signer.sign({ audience: servingService(subject), subject, payload, actor, correlationId, idempotencyKey }));
    const record = new NatsRecordBuilder(payload).setHeaders(headers).build();
    const timeoutMs = options.timeoutMs ?? this.options.rpcTimeoutMs ?? 5000;
    try {
      return await firstValueFrom(this.proxy.send<TResponse>(subject, record).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw this.toDomainError(error, subject, timeoutMs);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }

  private toDomainError(error: unknown, subject: string, timeoutMs: number): DomainError {
    const service = subject.split('.')[0];
    const domainError = error instanceof DomainError ? error : isErrorPayload(error) ? DomainError.fromPayload(error) : undefined;
    if (domainError?.code === ErrorCode.CallerNotVerified || domainError?.code === ErrorCode.CallerNotAllowed) {
      // Our own assertion was refused: a key or a caller table out of step, never the user's doing.
      this.logger.error({ subject, code: domainError.code, reason: domainError.message }, `the ${service} service refused this service's caller assertion`);
      return new DomainError(ErrorCode.Internal, `The ${service} service did not accept this service as a caller`);
    }
    if (domainError) return domainError;
    if (error instanceof TimeoutError) {
      return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service did not answer within ${timeoutMs} ms`);
    }
    this.logger.error({ err: error, subject }, 'unexpected failure of a NATS request');
    return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service could not be reached`);
  }
}
