import { ClientNats, ServerNats, type CustomStrategy, type NatsOptions } from '@nestjs/microservices';
import type { NatsAuth } from '@samverkan/platform';
import { natsConnectionOptions } from '../nats-connection';
import type { Namespace } from '../namespace';

type NatsTransportOptions = NonNullable<NatsOptions['options']>;

/** Nest's NATS server, with every request subject in the namespace and a queue group per service. */
export class NamespacedNatsServer extends ServerNats {
  constructor(
    private readonly namespace: Namespace,
    options: NatsTransportOptions,
  ) {
    super(options);
  }

  override addHandler(pattern: unknown, callback: Parameters<ServerNats['addHandler']>[1], isEventHandler?: boolean, extras?: Record<string, unknown>): void {
    const subject = typeof pattern === 'string' ? this.namespace.subject(pattern) : pattern;
    super.addHandler(subject, callback, isEventHandler, extras);
  }
}

/** Nest's NATS client, sending to the namespaced subjects. */
export class NamespacedNatsClient extends ClientNats {
  constructor(
    private readonly namespace: Namespace,
    options: NatsTransportOptions,
  ) {
    super(options);
  }

  protected override normalizePattern(pattern: Parameters<ClientNats['send']>[0]): string {
    return this.namespace.subject(super.normalizePattern(pattern));
  }
}

const resilientConnection = { maxReconnectAttempts: -1, reconnectTimeWait: 1000 } as const;

export interface RpcTransportOptions {
  service: string;
  natsUrl: string;
  natsAuth: NatsAuth;
  namespace: Namespace;
}

export function rpcServerStrategy(options: RpcTransportOptions): CustomStrategy {
  return {
    strategy: new NamespacedNatsServer(options.namespace, {
      ...natsConnectionOptions(options.natsUrl, options.service, options.natsAuth),
      name: `${options.service}-rpc`,
      // Replicas of a service share its queue group, so each request reaches one of them.
      queue: options.namespace.queue(options.service),
      // In-flight requests get a moment to finish after the subscriptions close.
      gracefulShutdown: true,
      gracePeriod: 1000,
      ...resilientConnection,
    }),
  };
}

export function rpcClientProxy(options: RpcTransportOptions): NamespacedNatsClient {
  return new NamespacedNatsClient(options.namespace, {
    ...natsConnectionOptions(options.natsUrl, options.service, options.natsAuth),
    name: `${options.service}-rpc-client`,
    ...resilientConnection,
  });
}
