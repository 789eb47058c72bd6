import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { idempotencyKeyHeader, isRequestSubject, requestCallers } from '@samverkan/contracts';
import { correlationHeader } from '@samverkan/platform';
import { MessagingMetrics } from '../messaging-metrics';
import { Namespace } from '../namespace';
import { AssertionRefused, assertionHeader } from './assertion';
import { AssertionVerifier } from './assertion-verifier';
import { rememberCaller } from './caller';

/**
 * Runs before every NATS handler of a service: the request must carry a caller assertion that
 * this service verifies, from a service the subject allows (`requestCallers`), and its payload
 * must not carry an actor of its own. A refusal is answered with CALLER_NOT_VERIFIED or
 * CALLER_NOT_ALLOWED before validation or the handler run, counted and logged; nothing is written.
 */
@Injectable()
export class CallerAssertionGuard implements CanActivate {
  private readonly logger = new Logger('CallerAssertion');

  constructor(
    private readonly verifier: AssertionVerifier,
    private readonly namespace: Namespace,
    private readonly metrics: MessagingMetrics,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'rpc') return true;
    const rpc = context.switchToRpc();
    const nats = rpc.getContext<NatsContext>();
    const subject = this.namespace.localSubject(nats.getSubject());
    const headers = nats.getHeaders();
    const payload: unknown = rpc.getData();
    try {
      const caller = await this.verifier.verify(headers?.get(assertionHeader) || undefined, {
        subject,
        payload,
        idempotencyKey: headers?.get(idempotencyKeyHeader) || undefined,
      });
      if (!isRequestSubject(subject) || !(requestCallers[subject] as readonly string[]).includes(caller.service)) {
        throw new AssertionRefused('caller', `${caller.service} may not send ${subject}`);
      }
      if (typeof payload === 'object' && payload !== null && Object.hasOwn(payload, 'actor')) {
        throw new AssertionRefused('actor_in_payload', 'A payload must not carry an actor; who acts travels in the caller assertion');
      }
      rememberCaller(nats, caller);
      return true;
    } catch (error) {
      if (!(error instanceof AssertionRefused)) throw error;
      this.metrics.callerRefusals.inc({ subject, reason: error.reason });
      this.logger.warn({ subject, reason: error.reason, correlationId: headers?.get(correlationHeader) || undefined }, `request refused: ${error.message}`);
      throw error.toDomainError();
    }
  }
}
