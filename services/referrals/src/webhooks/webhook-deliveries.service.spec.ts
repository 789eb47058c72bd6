import { EventType } from '@samverkan/contracts';
import { automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import type { WebhooksConfig } from '../config';
import type { ClaimedDelivery } from './webhook';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';

function aClaimedDelivery(overrides: Partial<ClaimedDelivery> = {}): ClaimedDelivery {
  return {
    id: randomUUID(),
    subscriptionId: randomUUID(),
    eventId: randomUUID(),
    eventType: EventType.ReferralSent,
    body: '{"id":"evt"}',
    attempt: 1,
    url: 'https://system.example.se/hooks',
    secret: { keyId: 'k1', ciphertext: Buffer.from('sealed') },
    ...overrides,
  };
}

describe('WebhookDeliveries', () => {
  const config = { maxAttempts: 3, backoffBaseMs: 1000, backoffCapMs: 3000, timeoutMs: 5000 } as WebhooksConfig;
  const setUp = () => {
    const repository = automock(WebhooksRepository);
    const secrets = automock(WebhookSecrets);
    const sender = automock(WebhookSender);
    secrets.reveal.mockReturnValue('whsec_secret');
    repository.recordAttempt.mockResolvedValue(true);
    return { deliveries: new WebhookDeliveries(repository, secrets, sender, { webhooks: config }), repository, secrets, sender };
  };

  it('counts a 2xx as delivered', () => {
    const { deliveries } = setUp();

    expect(deliveries.nextStep({ delivered: true, statusCode: 204, error: null }, 2)).toEqual({ status: 'delivered', statusCode: 204 });
  });

  it('tries a failed attempt again after a backoff within the ceiling of its attempt, and gives up after the last', () => {
    const { deliveries } = setUp();
    const failure = { delivered: false, statusCode: 500, error: 'HTTP 500' };

    const first = deliveries.nextStep(failure, 1);
    const second = deliveries.nextStep(failure, 2);
    const last = deliveries.nextStep(failure, 3);

    expect(first).toMatchObject({ status: 'pending', statusCode: 500, error: 'HTTP 500', retryInMs: expect.any(Number) });
    expect(first.status === 'pending' && first.retryInMs).toBeLessThan(1000);
    expect(second.status === 'pending' && second.retryInMs).toBeLessThan(2000);
    expect(last).toEqual({ status: 'failed', statusCode: 500, error: 'HTTP 500' });
  });

  it('sends each claimed delivery signed with its own secret and records the result against the attempt it claimed', async () => {
    const { deliveries, repository, secrets, sender } = setUp();
    const delivery = aClaimedDelivery({ attempt: 2 });
    sender.send.mockResolvedValue({ delivered: false, statusCode: 503, error: 'HTTP 503' });

    await deliveries.attempt([delivery]);

    expect(secrets.reveal).toHaveBeenCalledWith(delivery.subscriptionId, delivery.secret);
    expect(sender.send).toHaveBeenCalledWith({
      url: delivery.url,
      body: delivery.body,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      secret: 'whsec_secret',
    });
    expect(repository.recordAttempt).toHaveBeenCalledWith(delivery.id, 2, expect.objectContaining({ status: 'pending', statusCode: 503, error: 'HTTP 503' }));
  });

  it('fails an attempt whose secret cannot be decrypted, without sending, so it is not tried for ever', async () => {
    const { deliveries, repository, secrets, sender } = setUp();
    secrets.reveal.mockImplementation(() => {
      throw new Error('webhook secret key old is not configured');
    });

    await deliveries.attempt([aClaimedDelivery({ attempt: 3 })]);

    expect(sender.send).not.toHaveBeenCalled();
    expect(repository.recordAttempt).toHaveBeenCalledWith(expect.any(String), 3, {
      status: 'failed',
      statusCode: null,
      error: 'signing secret cannot be decrypted',
    });
  });
});
