import { ServerNats, type CustomStrategy, type NatsOptions } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
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

  /** The server's connection once it listens; undefined before (Nest's unwrap throws then). */
  connection(): NatsConnection | undefined {
    try {
      return this.unwrap<NatsConnection>();
    } catch {
      return undefined;
    }
  }

  override addHandler(pattern: unknown, callback: Parameters<ServerNats['addHandler']>[1], isEventHandler?: boolean, extras?: Record<string, unknown>): void {
    const subject = typeof pattern === 'string' ? this.namespace.subject(pattern) : pattern;
    super.addHandler(subject, callback, isEventHandler, extras);
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
