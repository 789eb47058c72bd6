import { connect, type NatsConnection } from '@nats-io/transport-node';
import { describeError, InfrastructureUnavailableError, natsServerList, redactUrl } from '@samverkan/platform';

const natsStartHint =
  'start it with `start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server` or `docker compose up -d nats`';

/** Connects to NATS, or fails with one line naming the URL and how to start NATS. */
export async function connectNats(url: string, service: string, connectionName: string): Promise<NatsConnection> {
  try {
    return await connect({
      servers: natsServerList(url),
      name: connectionName,
      timeout: 5000,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
    });
  } catch (error) {
    throw new InfrastructureUnavailableError(`samverkan-${service}: cannot reach NATS at ${redactUrl(url)} (${describeError(error)}); ${natsStartHint}`);
  }
}
