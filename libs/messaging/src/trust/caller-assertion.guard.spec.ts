import { Logger, type ExecutionContext } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { DomainError, ErrorCode, Requests, StaffRole } from '@samverkan/contracts';
import { correlationHeader, generateSigningKey, publicJwkOf } from '@samverkan/platform';
import { anActor } from '@samverkan/testing';
import { Registry } from 'prom-client';
import { MessagingMetrics } from '../messaging-metrics';
import { Namespace } from '../namespace';
import { assertionHeader } from './assertion';
import { AssertionSigner } from './assertion-signer';
import { AssertionVerifier } from './assertion-verifier';
import { verifiedCallerOf } from './caller';
import { CallerAssertionGuard } from './caller-assertion.guard';

const gatewayKey = generateSigningKey('gateway', 'test');
const subject = Requests.cases.getCase;
const payload = { caseId: '0193a5b0-2222-7000-8000-000000000002' };

function rpcContext(token: string | undefined, data: unknown = payload, namespace = 'tns'): ExecutionContext {
  const headers = natsHeaders();
  headers.set(correlationHeader, 'corr-1');
  if (token) headers.set(assertionHeader, token);
  const nats = new NatsContext([`${namespace}.${subject}`, headers]);
  return { getType: () => 'rpc', switchToRpc: () => ({ getContext: () => nats, getData: () => data }) } as unknown as ExecutionContext;
}

function setUp() {
  const registry = new Registry();
  const metrics = new MessagingMetrics(registry);
  const guard = new CallerAssertionGuard(new AssertionVerifier('cases', [publicJwkOf(gatewayKey)]), new Namespace('tns'), metrics);
  return { guard, registry };
}

describe('CallerAssertionGuard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lets a verified request through and remembers its caller for the handler', async () => {
    const { guard } = setUp();
    const actor = anActor({ roles: [StaffRole.Caseworker] });
    const token = await new AssertionSigner('gateway', gatewayKey).sign({ audience: 'cases', subject, payload, actor, correlationId: 'corr-1' });
    const context = rpcContext(token);

    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(verifiedCallerOf(context)).toMatchObject({ service: 'gateway', actor });
  });

  it('refuses with a code, counts the refusal by subject and reason, and logs it with the correlation id', async () => {
    const { guard, registry } = setUp();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    const error = await guard.canActivate(rpcContext(undefined)).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.CallerNotVerified);
    expect(await registry.getSingleMetricAsString('rpc_caller_refusals_total')).toContain(`rpc_caller_refusals_total{subject="${subject}",reason="missing"} 1`);
    expect(warn).toHaveBeenCalledWith({ subject, reason: 'missing', correlationId: 'corr-1' }, expect.stringContaining('no caller assertion'));
  });

  it('leaves HTTP requests (health, metrics) to their own guards', async () => {
    const { guard } = setUp();

    await expect(guard.canActivate({ getType: () => 'http' } as unknown as ExecutionContext)).resolves.toBe(true);
  });
});
