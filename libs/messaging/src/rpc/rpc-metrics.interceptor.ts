import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { DomainError } from '@samverkan/contracts';
import { tap, type Observable } from 'rxjs';
import { MessagingMetrics } from '../messaging-metrics';
import { Namespace } from '../namespace';

/** Counts and times every NATS request a service answers, by subject and outcome. */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  constructor(
    private readonly metrics: MessagingMetrics,
    private readonly namespace: Namespace,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const subject = this.namespace.localSubject(context.switchToRpc().getContext<NatsContext>().getSubject());
    const stop = this.metrics.rpcSeconds.startTimer({ subject });
    return next.handle().pipe(
      tap({
        next: () => undefined,
        complete: () => {
          stop();
          this.metrics.rpcRequests.inc({ subject, outcome: 'ok' });
        },
        error: (error: unknown) => {
          stop();
          this.metrics.rpcRequests.inc({ subject, outcome: error instanceof DomainError ? error.code : 'INTERNAL' });
        },
      }),
    );
  }
}
