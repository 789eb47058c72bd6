import { DomainError, ErrorCode, Requests, StaffRole, type OrganisationView, type Page } from '@samverkan/contracts';
import type { NatsConnection } from '@nats-io/transport-node';
import type { RpcClient } from '@samverkan/messaging';
import { anActor } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import { rpcClientAs } from '../support/rpc';
import { TestSystem } from '../support/system';
import { orebroKommunId } from '../support/seeded';

/** Services answer NATS requests themselves: they validate what they receive, whoever sent it. */
describe('request-reply between services over NATS', () => {
  let system: TestSystem;
  let gateway: RpcClient;
  let gatewayConnection: NatsConnection;
  const caseworker = anActor({ roles: [StaffRole.Caseworker] });

  beforeAll(async () => {
    system = await TestSystem.start('rpc', { services: ['actors', 'cases', 'referrals'] });
    ({ rpc: gateway, connection: gatewayConnection } = await rpcClientAs(system, 'gateway'));
  });

  afterAll(async () => {
    await gatewayConnection?.close();
    await system?.shutdown();
  });

  async function failure(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  it('answers a valid query', async () => {
    const page = await gateway.request<Page<OrganisationView>>(Requests.actors.listOrganisations, { type: 'state_agency' });

    expect(page.items.map((organisation) => organisation.name)).toEqual(['Arbetsförmedlingen Örebro', 'Försäkringskassan Örebro']);
  });

  it('refuses an invalid payload with VALIDATION_FAILED naming every field, as the gateway would', async () => {
    const error = await failure(gateway.request(Requests.referrals.sendReferral, { caseId: 'case-1', extra: true }, { actor: caseworker }));

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fields?.map((violation) => violation.field).sort()).toEqual(['caseId', 'extra', 'toOrganisationId']);
  });

  it('carries a domain error from a service two hops away back with its code, the staff member passed on', async () => {
    const error = await failure(
      gateway.request(Requests.referrals.sendReferral, { caseId: randomUUID(), toOrganisationId: orebroKommunId }, { actor: caseworker }),
    );

    expect(error).toMatchObject({ code: ErrorCode.CaseNotFound, fields: [{ field: 'caseId', message: 'no such case' }] });
  });

  it('reports a service that is not running as SERVICE_UNAVAILABLE', async () => {
    const error = await failure(gateway.request(Requests.learning.getReferralStatistics, { from: '2026-01-01', to: '2026-01-31' }, { actor: caseworker }));

    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(error.message).toContain('learning');
  });
});
