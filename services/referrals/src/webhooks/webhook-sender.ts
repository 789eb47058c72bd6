import { Inject, Injectable } from '@nestjs/common';
import type { ReferralsConfig } from '../config';
import { REFERRALS_CONFIG } from '../config.token';
import { signatureHeader, signWebhookBody } from './webhook-signature';

export interface WebhookRequest {
  url: string;
  /** The event envelope as JSON: the exact bytes signed and sent. */
  body: string;
  eventId: string;
  eventType: string;
  secret: string;
}

/** How one attempt went: a 2xx answer delivers; anything else is tried again or given up. */
export interface AttemptOutcome {
  delivered: boolean;
  /** The answer's status, or null when none came (no connection, timeout). */
  statusCode: number | null;
  /** A few words on why it failed; never the response body. */
  error: string | null;
}

const maxErrorLength = 200;

/**
 * POSTs one signed event to a webhook: Node's fetch, with a timeout over the whole exchange, and
 * redirects never followed (a 3xx is a failed attempt), so a receiver cannot steer the request
 * to another address. The response body is never read.
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(REFERRALS_CONFIG) private readonly config: Pick<ReferralsConfig, 'webhooks'>) {}

  async send(request: WebhookRequest, now: () => number = Date.now): Promise<AttemptOutcome> {
    const { timeoutMs } = this.config.webhooks;
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'samverkan-webhooks/1',
          'samverkan-event-id': request.eventId,
          'samverkan-event-type': request.eventType,
          [signatureHeader]: signWebhookBody(request.secret, Math.floor(now() / 1000), request.body),
        },
        body: request.body,
      });
      await response.body?.cancel().catch(() => undefined);
      const { status } = response;
      if (status >= 200 && status < 300) return { delivered: true, statusCode: status, error: null };
      const error = status >= 300 && status < 400 ? `redirect (HTTP ${status}) not followed` : `HTTP ${status}`;
      return { delivered: false, statusCode: status, error };
    } catch (error) {
      return { delivered: false, statusCode: null, error: describeFailure(error, timeoutMs).slice(0, maxErrorLength) };
    }
  }
}

/** Why no answer came, in a few words: the timeout, or the network error's code. */
export function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return `could not connect (${cause.code})`;
  if (typeof cause?.message === 'string') return `request failed (${cause.message})`;
  return 'request failed';
}
