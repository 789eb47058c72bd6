import { DomainError, ErrorCode, validationFailed } from '@samverkan/contracts';

export const webhookNotFound = (webhookId: string) => new DomainError(ErrorCode.WebhookNotFound, `No webhook ${webhookId} of this organisation`);

export const notOwnOrganisation = () =>
  new DomainError(ErrorCode.Forbidden, "Only an organisation's own administrators and coordinators manage its webhooks", [
    { field: 'organisationId', message: 'is not your organisation' },
  ]);

export const badWebhookUrl = (problem: string) => validationFailed([{ field: 'url', message: `url ${problem}` }]);
