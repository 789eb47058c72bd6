import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { ServiceName } from '@samverkan/contracts';
import type { Namespace } from '../namespace';
import { deadLetterSubject } from './topology';

export type DeadLetterReason = 'invalid' | 'rejected' | 'exhausted';

export const DeadLetterHeader = {
  Reason: 'Samverkan-Dead-Letter-Reason',
  Error: 'Samverkan-Dead-Letter-Error',
  Consumer: 'Samverkan-Dead-Letter-Consumer',
  OriginalSubject: 'Samverkan-Original-Subject',
  OriginalStream: 'Samverkan-Original-Stream',
  OriginalSequence: 'Samverkan-Original-Sequence',
  Deliveries: 'Samverkan-Deliveries',
} as const;

/**
 * Moves a message that cannot be handled to `deadletter.<service>.<consumer>` in the DEADLETTER
 * stream, with why and where it came from, so an operator can inspect and replay it.
 */
export class DeadLetters {
  constructor(
    private readonly js: JetStreamClient,
    private readonly namespace: Namespace,
    private readonly service: ServiceName,
  ) {}

  async send(consumer: string, message: JsMsg, reason: DeadLetterReason, error: string): Promise<void> {
    const headers = natsHeaders();
    headers.set(DeadLetterHeader.Reason, reason);
    // Header values must stay on one line; error texts never carry personal data.
    headers.set(DeadLetterHeader.Error, error.replace(/[\r\n]+/g, ' ').slice(0, 500));
    headers.set(DeadLetterHeader.Consumer, consumer);
    headers.set(DeadLetterHeader.OriginalSubject, this.namespace.localSubject(message.subject));
    headers.set(DeadLetterHeader.OriginalStream, message.info.stream);
    headers.set(DeadLetterHeader.OriginalSequence, String(message.info.streamSequence));
    headers.set(DeadLetterHeader.Deliveries, String(message.info.deliveryCount));
    await this.js.publish(this.namespace.subject(deadLetterSubject(this.service, consumer)), message.data, {
      msgID: `${message.info.stream}:${message.info.streamSequence}:${consumer}`,
      headers,
      timeout: 5000,
    });
  }
}
