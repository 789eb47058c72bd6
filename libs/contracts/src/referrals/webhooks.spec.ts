import { validatePayload } from '../validation';
import { CreateWebhookBody, webhookEventTypes, webhookUrlProblem } from './webhooks';

describe('webhook URLs', () => {
  it('take https, with a port, path and query', () => {
    for (const url of ['https://system.example.se/hooks', 'HTTPS://system.example.se:8443/samverkan?source=samverkan', 'https://xn--rebro-jua.se/hooks']) {
      expect(webhookUrlProblem(url, false)).toBeUndefined();
    }
  });

  it('take plain http only to this machine, and only where allowed', () => {
    for (const url of ['http://localhost:9999/hooks', 'http://127.0.0.1/hooks', 'http://[::1]:8080/hooks']) {
      expect(webhookUrlProblem(url, true)).toBeUndefined();
      expect(webhookUrlProblem(url, false)).toBe('must use https');
    }
    for (const url of ['http://system.example.se/hooks', 'http://127.0.0.2/hooks', 'http://localhost.example.se/hooks', 'http://[::2]/hooks']) {
      expect(webhookUrlProblem(url, true)).toBe('must use https (http only to localhost)');
    }
  });

  it('refuse credentials, other schemes, relative URLs and anything but printable ASCII', () => {
    expect(webhookUrlProblem('https://user@system.example.se/hooks', true)).toBe('may not contain credentials');
    expect(webhookUrlProblem('https://user:secret@system.example.se/hooks', true)).toBe('may not contain credentials');
    expect(webhookUrlProblem('ftp://system.example.se/hooks', true)).toBe('must use https (http only to localhost)');
    expect(webhookUrlProblem('/hooks', true)).toBe('must be an absolute URL');
    expect(webhookUrlProblem('https://örebro.se/hooks', true)).toMatch(/printable ASCII/);
    expect(webhookUrlProblem(' https://system.example.se/hooks', true)).toMatch(/printable ASCII/);
    expect(webhookUrlProblem(42, true)).toMatch(/printable ASCII/);
  });
});

describe('CreateWebhookBody', () => {
  it('takes the referral event types, each once, and names every bad field', () => {
    expect(webhookEventTypes).toContain('referrals.events.referral.sent');
    expect(webhookEventTypes.every((type) => type.startsWith('referrals.events.referral.'))).toBe(true);

    expect(() => validatePayload(CreateWebhookBody, { url: 'https://system.example.se/hooks', eventTypes: webhookEventTypes })).not.toThrow();
    expect(() => validatePayload(CreateWebhookBody, { url: 'http://system.example.se', eventTypes: ['cases.events.case.opened', 'x'] })).toThrow(
      expect.objectContaining({
        fields: expect.arrayContaining([expect.objectContaining({ field: 'url' }), expect.objectContaining({ field: 'eventTypes' })]),
      }),
    );
  });
});
