import { Inject, Injectable, Logger } from '@nestjs/common';
import { errors, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import {
  DomainError,
  ErrorCode,
  idempotencyKeyHeader,
  isErrorPayload,
  servingService,
  ServiceUnavailableError,
  type ActorContext,
  type PublishingService,
  type RequestSubject,
} from '@samverkan/contracts';
import { BrokenCircuitError, circuitBreaker, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
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

/** When to ask a service again that did not answer. */
const retryUnavailableAfterSeconds = 5;

/** Without configuration: five failures in a row hold a service off for five seconds. */
const defaultBreaker = { failures: 5, openMs: 5000 };

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
 *
 * A service that stops answering is not waited for again and again: a circuit breaker per
 * service (cockatiel) counts the requests that got no answer (not running, or not in time) and,
 * after several in a row, refuses the next ones at once for a while, saying when to ask again;
 * then one request is let through, and its answer closes the circuit. A refusal by the service
 * itself is an answer, and counts as a success.
 */
@Injectable()
export class RpcClient {
  private readonly logger = new Logger(RpcClient.name);
  private readonly breakers = new Map<PublishingService, CircuitBreakerPolicy>();

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
    const breaker = this.breakerOf(servingService(subject));
    let reply: ReplyPacket<TResponse>;
    try {
      reply = await breaker.execute(async () => {
        try {
          const message = await this.connection.request(
            this.namespace.subject(subject),
            JSON.stringify({ pattern: subject, data: payload, id: randomUUID() }),
            {
              headers,
              timeout: timeoutMs,
            },
          );
          return message.json<ReplyPacket<TResponse>>();
        } catch (error) {
          throw this.unreachable(error, subject, timeoutMs);
        }
      });
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw this.heldOff(subject);
      throw error;
    }
    if (reply.err !== undefined) throw this.refusal(reply.err, subject);
    return reply.response as TResponse;
  }

  private breakerOf(service: PublishingService): CircuitBreakerPolicy {
    let breaker = this.breakers.get(service);
    if (!breaker) {
      const { failures, openMs } = this.options.rpcBreaker ?? defaultBreaker;
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof DomainError && error.code === ErrorCode.ServiceUnavailable),
        { halfOpenAfter: openMs, breaker: new ConsecutiveBreaker(failures) },
      );
      breaker.onBreak(() => this.logger.warn({ service, failures, openMs }, `${service} failed ${failures} times in a row; holding requests off`));
      breaker.onReset(() => this.logger.log({ service }, `${service} answers again`));
      this.breakers.set(service, breaker);
    }
    return breaker;
  }

  /** A request not sent, because the service failed too often just now. */
  private heldOff(subject: RequestSubject): ServiceUnavailableError {
    const service = servingService(subject);
    const seconds = Math.max(1, Math.ceil((this.options.rpcBreaker ?? defaultBreaker).openMs / 1000));
    return new ServiceUnavailableError(`The ${service} service failed several times in a row; it is not asked again for a few seconds`, seconds);
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
      return new ServiceUnavailableError(`The ${service} service did not answer within ${timeoutMs} ms`, retryUnavailableAfterSeconds);
    }
    if (error instanceof errors.RequestError && error.isNoResponders()) {
      return new ServiceUnavailableError(`The ${service} service is not running`, retryUnavailableAfterSeconds);
    }
    this.logger.error({ err: error, subject }, 'unexpected failure of a NATS request');
    return new ServiceUnavailableError(`The ${service} service could not be reached`, retryUnavailableAfterSeconds);
  }
}
