import { connect, nkeyAuthenticator, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { describeError, InfrastructureUnavailableError, natsServerList, redactUrl, type NatsAuth } from '@samverkan/platform';

const natsStartHint =
  'start it with `start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server` or `docker compose --profile dev up -d nats-dev`';

/** Each service's replies come to inboxes under its own prefix, so NATS can let only it read them. */
export function inboxPrefixOf(service: string): string {
  return `_INBOX.${service}`;
}

/**
 * The options every NATS connection of a service shares: its servers, its credentials (one
 * NATS user per service, see infra/nats), TLS when configured, and its own inbox prefix.
 */
export function natsConnectionOptions(url: string, service: string, auth: NatsAuth): ConnectionOptions {
  return {
    servers: natsServerList(url),
    inboxPrefix: inboxPrefixOf(service),
    // nats.js would otherwise capture a stack trace for every request, to show on a timeout:
    // a measurable share of each hop's CPU, for a trace that names only nats.js itself.
    noAsyncTraces: true,
    ...(auth.user ? { user: auth.user, pass: auth.pass } : {}),
    ...(auth.token ? { token: auth.token } : {}),
    ...(auth.nkeySeed ? { authenticator: nkeyAuthenticator(new TextEncoder().encode(auth.nkeySeed)) } : {}),
    ...(auth.tls ? { tls: { ...auth.tls } } : {}),
  };
}

/** Connects to NATS, or fails with one line naming the URL and how to start NATS. */
export async function connectNats(url: string, service: string, connectionName: string, auth: NatsAuth): Promise<NatsConnection> {
  try {
    return await connect({
      ...natsConnectionOptions(url, service, auth),
      name: connectionName,
      timeout: 5000,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
    });
  } catch (error) {
    const refused = /authori[sz]ation|authentication/i.test(describeError(error));
    const hint = refused ? 'check NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_NKEY_SEED' : natsStartHint;
    throw new InfrastructureUnavailableError(`samverkan-${service}: cannot reach NATS at ${redactUrl(url)} (${describeError(error)}); ${hint}`);
  }
}
