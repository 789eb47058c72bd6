import { Inject, Injectable, Logger } from '@nestjs/common';
import { errors, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { DomainError, ErrorCode, idempotencyKeyHeader, isErrorPayload, servingService, type ActorContext, type RequestSubject } from '@samverkan/contracts';
import { correlationHeader, currentCorrelationId } from '@samverkan/platform';
import { randomUUID } from 'node:crypto';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { Namespace } from '../namespace';
import { NATS_CONNECTION } from '../tokens';
import { assertionHeader } from '../trust/assertion';
import { AssertionSigner } from '../trust/assertion-signer';
import { currentActingStaff } from '../trust/caller';

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

/** The reply of Nest's NATS server: the handler's result, or its error as a structured payload. */
interface ReplyPacket<T> {
  response?: T;
  err?: unknown;
}

/**
 * Request-reply to another service's Nest NATS handlers, in the packet format Nest's NATS
 * transport speaks, on the service's one NATS connection with its multiplexed inbox: one publish
 * per request, and one subscription for all replies. Every request carries a caller assertion
 * signed by this service, bound to its subject and payload, and the correlation id; structured
 * errors from the other side come back as the same DomainError.
 */
@Injectable()
export class RpcClient {
  private readonly logger = new Logger(RpcClient.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly namespace: Namespace,
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
    const timeoutMs = options.timeoutMs ?? this.options.rpcTimeoutMs ?? 5000;
    let reply: ReplyPacket<TResponse>;
    try {
      const message = await this.connection.request(this.namespace.subject(subject), JSON.stringify({ pattern: subject, data: payload, id: randomUUID() }), {
        headers,
        timeout: timeoutMs,
      });
      reply = message.json<ReplyPacket<TResponse>>();
    } catch (error) {
      throw this.unreachable(error, subject, timeoutMs);
    }
    if (reply.err !== undefined) throw this.refusal(reply.err, subject);
    return reply.response as TResponse;
  }

  private refusal(error: unknown, subject: string): DomainError {
    const service = subject.split('.')[0];
    if (!isErrorPayload(error)) {
      this.logger.error({ subject, reply: typeof error }, `the ${service} service answered with an error of unknown shape`);
      return new DomainError(ErrorCode.Internal, `The ${service} service failed to handle the request`);
    }
    if (error.code === ErrorCode.CallerNotVerified || error.code === ErrorCode.CallerNotAllowed) {
      // Our own assertion was refused: a key or a caller table out of step, never the user's doing.
      this.logger.error({ subject, code: error.code, reason: error.message }, `the ${service} service refused this service's caller assertion`);
      return new DomainError(ErrorCode.Internal, `The ${service} service did not accept this service as a caller`);
    }
    return DomainError.fromPayload(error);
  }

  private unreachable(error: unknown, subject: string, timeoutMs: number): DomainError {
    const service = subject.split('.')[0];
    if (error instanceof errors.TimeoutError) {
      return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service did not answer within ${timeoutMs} ms`);
    }
    if (error instanceof errors.RequestError && error.isNoResponders()) {
      return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service is not running`);
    }
    this.logger.error({ err: error, subject }, 'unexpected failure of a NATS request');
    return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service could not be reached`);
  }
}
