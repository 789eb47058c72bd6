import { EventType, StaffRole, type CreateWebhookCommand, type WebhookEventType } from '@samverkan/contracts';
import { anActor, automock } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import type { WebhooksConfig } from '../config';
import type { WebhookRecord } from './webhook';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

function aWebhook(overrides: Partial<WebhookRecord> = {}): WebhookRecord {
  return {
    id: randomUUID(),
    organisationId: randomUUID(),
    url: 'https://system.example.se/hooks',
    eventTypes: [EventType.ReferralSent as WebhookEventType],
    description: null,
    secret: { keyId: 'k1', ciphertext: Buffer.from('sealed') },
    active: true,
    createdBy: randomUUID(),
    createdAt: new Date('2026-12-01T08:00:00Z'),
    ...overrides,
  };
}

// @Transactional needs a CLS context; in unit tests the methods run on their own.
jest.mock('@nestjs-cls/transactional', () => ({
  ...jest.requireActual('@nestjs-cls/transactional'),
  Transactional: () => () => undefined,
}));

describe('WebhooksService', () => {
  const setUp = (webhooks: Partial<WebhooksConfig> = {}) => {
    const repository = automock(WebhooksRepository);
    const secrets = automock(WebhookSecrets);
    secrets.generate.mockReturnValue('whsec_fresh');
    secrets.seal.mockReturnValue({ keyId: 'k1', ciphertext: Buffer.from('sealed') });
    repository.create.mockImplementation((record) => Promise.resolve({ ...record, active: true, createdAt: new Date('2026-12-01T08:00:00Z') }));
    const service = new WebhooksService(repository, secrets, { webhooks: { allowLocalHttp: false, ...webhooks } as WebhooksConfig });
    return { service, repository, secrets };
  };
  const administrator = (organisationId = randomUUID()) => anActor({ organisationId, roles: [StaffRole.Administrator] });
  const command = (organisationId: string, overrides: Partial<CreateWebhookCommand> = {}): CreateWebhookCommand => ({
    organisationId,
    url: 'https://system.example.se/hooks',
    eventTypes: [EventType.ReferralSent as WebhookEventType],
    ...overrides,
  });

  it('registers a webhook of the own organisation and answers with its secret, stored only sealed', async () => {
    const { service, repository, secrets } = setUp();
    const actor = administrator();

    const created = await service.create(command(actor.organisationId, { description: 'Vårt ärendesystem' }), actor);

    expect(created).toMatchObject({ organisationId: actor.organisationId, active: true, secret: 'whsec_fresh', description: 'Vårt ärendesystem' });
    expect(secrets.seal).toHaveBeenCalledWith(created.id, 'whsec_fresh');
    expect(repository.create).toHaveBeenCalledWith(expect.objectContaining({ id: created.id, secret: { keyId: 'k1', ciphertext: Buffer.from('sealed') } }));
    expect(JSON.stringify(repository.create.mock.calls)).not.toContain('whsec_fresh');
  });

  it('lets coordinators manage their organisation too, and refuses every other role', async () => {
    const { service } = setUp();
    const organisationId = randomUUID();

    await expect(service.create(command(organisationId), anActor({ organisationId, roles: [StaffRole.Coordinator] }))).resolves.toBeDefined();
    for (const role of [StaffRole.Caseworker, StaffRole.Analyst, StaffRole.Operator, StaffRole.UnitManager]) {
      await expect(service.create(command(organisationId), anActor({ organisationId, roles: [role] }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it("refuses another organisation's administrator everything, writing nothing", async () => {
    const { service, repository } = setUp();
    const organisationId = randomUUID();
    const stranger = administrator();

    await expect(service.create(command(organisationId), stranger)).rejects.toMatchObject({ code: 'FORBIDDEN', fields: [{ field: 'organisationId' }] });
    await expect(service.list({ organisationId }, stranger)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.get({ organisationId, webhookId: randomUUID() }, stranger)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.listDeliveries({ organisationId, webhookId: randomUUID() }, stranger)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(repository.create).not.toHaveBeenCalled();
    expect(repository.find).not.toHaveBeenCalled();
  });

  it('refuses plain http to localhost where the configuration does not allow it (production), naming url', async () => {
    const { service, repository } = setUp({ allowLocalHttp: false });
    const actor = administrator();

    for (const url of ['http://localhost:8080/hooks', 'http://127.0.0.1/hooks', 'http://[::1]/hooks']) {
      await expect(service.create(command(actor.organisationId, { url }), actor)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'url', message: 'url must use https' }],
      });
    }
    expect(repository.create).not.toHaveBeenCalled();
  });

  it('takes plain http to localhost where the configuration allows it (development, tests), and nowhere else', async () => {
    const { service } = setUp({ allowLocalHttp: true });
    const actor = administrator();

    await expect(service.create(command(actor.organisationId, { url: 'http://127.0.0.1:9999/hooks' }), actor)).resolves.toBeDefined();
    await expect(service.create(command(actor.organisationId, { url: 'http://system.example.se/hooks' }), actor)).rejects.toMatchObject({
      fields: [{ field: 'url' }],
    });
  });

  it("answers another organisation's webhook as not found, even under the own organisation", async () => {
    const { service, repository } = setUp();
    const actor = administrator();
    repository.find.mockResolvedValue(aWebhook());

    await expect(service.get({ organisationId: actor.organisationId, webhookId: randomUUID() }, actor)).rejects.toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
    await expect(service.delete({ organisationId: actor.organisationId, webhookId: randomUUID() }, actor)).rejects.toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
    expect(repository.deactivate).not.toHaveBeenCalled();
  });

  it('never shows the secret after creation', async () => {
    const { service, repository } = setUp();
    const actor = administrator();
    const webhook = aWebhook({ organisationId: actor.organisationId });
    repository.find.mockResolvedValue(webhook);
    repository.list.mockResolvedValue([webhook]);

    const read = await service.get({ organisationId: actor.organisationId, webhookId: webhook.id }, actor);
    const listed = await service.list({ organisationId: actor.organisationId }, actor);

    expect(Object.keys(read).sort()).toEqual(['active', 'createdAt', 'description', 'eventTypes', 'id', 'organisationId', 'url']);
    expect(listed.items).toEqual([read]);
  });

  it('deletes once: a deleted webhook is answered as it is', async () => {
    const { service, repository } = setUp();
    const actor = administrator();
    const webhook = aWebhook({ organisationId: actor.organisationId });
    repository.find.mockResolvedValueOnce(webhook).mockResolvedValueOnce({ ...webhook, active: false });
    repository.deactivate.mockResolvedValue({ ...webhook, active: false });

    expect(await service.delete({ organisationId: actor.organisationId, webhookId: webhook.id }, actor)).toMatchObject({ active: false });
    expect(await service.delete({ organisationId: actor.organisationId, webhookId: webhook.id }, actor)).toMatchObject({ active: false });
    expect(repository.deactivate).toHaveBeenCalledTimes(1);
    expect(repository.deactivate).toHaveBeenCalledWith(webhook.id, actor.staffId);
  });
});
