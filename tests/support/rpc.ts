import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { isErrorPayload, type ErrorPayload, type ServiceName } from '@samverkan/contracts';
import { assertionHeader, AssertionSigner, Namespace, RpcClient, type MessagingOptions } from '@samverkan/messaging';
import { correlationHeader, type SigningJwk } from '@samverkan/platform';
import { testNatsUrl } from '@samverkan/testing';
import { randomUUID } from 'node:crypto';
import type { TestSystem } from './system';

/** A NATS request client that speaks for `service` with that service's key in the test system; close its connection after. */
export async function rpcClientAs(
  system: TestSystem,
  service: ServiceName,
  signingKey: SigningJwk = system.secrets.signingKeys[service],
): Promise<{ rpc: RpcClient; connection: NatsConnection }> {
  const options: MessagingOptions = {
    service,
    instance: `${service}-test-client`,
    natsUrl: testNatsUrl(),
    natsAuth: {},
    namespace: system.namespace,
    trust: { signingKey, trustedKeys: [] },
    rpcTimeoutMs: 3000,
  };
  const connection = await connect({ servers: testNatsUrl(), inboxPrefix: `_INBOX.${service}` });
  return { rpc: new RpcClient(connection, options, new Namespace(system.namespace), new AssertionSigner(service, signingKey)), connection };
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
