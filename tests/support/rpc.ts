import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { isErrorPayload, type ErrorPayload, type ServiceName } from '@samverkan/contracts';
import { assertionHeader, AssertionSigner, Namespace, RpcClient, rpcClientProxy, type MessagingOptions } from '@samverkan/messaging';
import { correlationHeader, type SigningJwk } from '@samverkan/platform';
import { testNatsUrl } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import type { TestSystem } from './system';

/** A NATS request client that speaks for `service` with that service's key in the test system. */
export function rpcClientAs(system: TestSystem, service: ServiceName, signingKey: SigningJwk = system.secrets.signingKeys[service]): RpcClient {
  const options: MessagingOptions = {
    service,
    instance: `${service}-test-client`,
    natsUrl: testNatsUrl(),
    natsAuth: {},
    namespace: system.namespace,
    trust: { signingKey, trustedKeys: [] },
    rpcTimeoutMs: 3000,
  };
  const proxy = rpcClientProxy({ service: `${service}-test-client`, natsUrl: testNatsUrl(), natsAuth: {}, namespace: new Namespace(system.namespace) });
  return new RpcClient(proxy, options, new AssertionSigner(service, signingKey));
}

export interface RawReply {
  response?: unknown;
  error?: ErrorPayload;
}

/**
 * Sends a request the way Nest's NATS client frames it, with whatever assertion the test gives
 * (none, forged, replayed), to see what the receiving service makes of it.
 */
export async function rawRequest(
  connection: NatsConnection,
  system: TestSystem,
  subject: string,
  payload: unknown,
  options: { assertion?: string; correlationId?: string } = {},
): Promise<RawReply> {
  const headers = natsHeaders();
  headers.set(correlationHeader, options.correlationId ?? randomUUID());
  if (options.assertion) headers.set(assertionHeader, options.assertion);
  const reply = await connection.request(system.subject(subject), JSON.stringify({ pattern: subject, data: payload, id: randomUUID() }), {
    headers,
    timeout: 3000,
  });
  const packet = reply.json<{ response?: unknown; err?: unknown }>();
  if (packet.err !== undefined) {
    if (!isErrorPayload(packet.err)) throw new Error(`unexpected error reply ${JSON.stringify(packet.err)}`);
    return { error: packet.err };
  }
  return { response: packet.response };
}
