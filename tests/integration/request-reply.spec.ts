import { DomainError, ErrorCode, Requests, type OrganisationView, type Page } from '@samverkan/contracts';
import { Namespace, RpcClient, rpcClientProxy, type MessagingOptions } from '@samverkan/messaging';
import { anActor, testNatsUrl } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { TestSystem } from '../support/system';

/** Services answer NATS requests themselves: they validate what they receive, whoever sent it. */
describe('request-reply between services over NATS', () => {
  let system: TestSystem;
  let rpc: RpcClient;

  beforeAll(async () => {
    system = await TestSystem.start('rpc', { services: ['actors', 'cases', 'referrals'] });
    const options: MessagingOptions = { service: 'gateway', instance: 'rpc-test', natsUrl: testNatsUrl(), namespace: system.namespace, rpcTimeoutMs: 2000 };
    rpc = new RpcClient(rpcClientProxy({ service: 'rpc-test', natsUrl: testNatsUrl(), namespace: new Namespace(system.namespace) }), options);
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await system?.shutdown();
  });

  async function failure(subject: string, payload: object): Promise<DomainError> {
    const error = await rpc.request(subject, payload).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  it('answers a valid query', async () => {
    const page = await rpc.request<Page<OrganisationView>>(Requests.actors.listOrganisations, { type: 'employment_service' });

    expect(page.items.map((organisation) => organisation.name)).toEqual(['Arbetsförmedlingen Örebro']);
  });

  it('refuses an invalid payload with VALIDATION_FAILED naming every field, as the gateway would', async () => {
    const error = await failure(Requests.referrals.sendReferral, { actor: { ...anActor(), roles: [] }, caseId: 'case-1', extra: true });

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fields?.map((violation) => violation.field).sort()).toEqual(['actor.roles', 'caseId', 'extra', 'toOrganisationId']);
  });

  it('carries a domain error from a service two hops away back with its code', async () => {
    const error = await failure(Requests.referrals.sendReferral, { actor: anActor(), caseId: randomUUID(), toOrganisationId: randomUUID() });

    expect(error).toMatchObject({ code: ErrorCode.CaseNotFound, fields: [{ field: 'caseId', message: 'no such case' }] });
  });

  it('reports a service that is not running as SERVICE_UNAVAILABLE', async () => {
    const error = await failure(Requests.learning.getReferralStatistics, {});

    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(error.message).toContain('learning');
  });
});
