import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { NatsRecordBuilder, type ClientProxy } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { DomainError, ErrorCode, isErrorPayload } from '@samverkan/contracts';
import { correlationHeader, currentCorrelationId } from '@samverkan/platform';
import { randomUUID } from 'node:crypto';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';

export const RPC_CLIENT_PROXY = Symbol('RPC_CLIENT_PROXY');

/**
 * Request-reply over Nest's NATS transport. The correlation id rides in the NATS headers;
 * structured errors from the other side come back as the same DomainError.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly logger = new Logger(RpcClient.name);

  constructor(
    @Inject(RPC_CLIENT_PROXY) private readonly proxy: Pick<ClientProxy, 'send' | 'close'>,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async request<TResponse>(subject: string, payload: object, options: { timeoutMs?: number } = {}): Promise<TResponse> {
    const headers = natsHeaders();
    headers.set(correlationHeader, currentCorrelationId() ?? randomUUID());
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
    if (error instanceof DomainError) return error;
    if (isErrorPayload(error)) return DomainError.fromPayload(error);
    const service = subject.split('.')[0];
    if (error instanceof TimeoutError) {
      return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service did not answer within ${timeoutMs} ms`);
    }
    this.logger.error({ err: error, subject }, 'unexpected failure of a NATS request');
    return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service could not be reached`);
  }
}
