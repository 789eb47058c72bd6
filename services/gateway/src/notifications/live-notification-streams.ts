import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type MessageEvent } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  audiencesOf,
  DomainError,
  ErrorCode,
  liveNotificationSubject,
  NotificationView,
  Requests,
  validatePayload,
  type ActorContext,
  type NotificationAudience,
  type UnreadNotificationsView,
} from '@samverkan/contracts';
import { Namespace, NATS_CONNECTION, RpcClient } from '@samverkan/messaging';
import { Observable, type Subscriber } from 'rxjs';

/** How often a quiet stream sends a comment, so that proxies keep it open and a client that left is noticed. */
export const heartbeatMs = 15_000;

/**
 * Staff members' live notification streams (server-sent events): each listens, on this gateway's
 * own NATS connection, to the live subjects of the audiences the staff member belongs to, so
 * nobody hears another's. Referrals announces a notification there once it is committed; nothing
 * is kept, so a stream tells what happens while it is open, and the feed tells the rest.
 */
@Injectable()
export class LiveNotificationStreams implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveNotificationStreams.name);
  private readonly decoder = new TextDecoder();
  private readonly open = new Set<Subscriber<MessageEvent>>();

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly namespace: Namespace,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * The staff member's stream: first `unread` with how many notifications they have not read,
   * then a `notification` for each new one, and a comment every `heartbeatMs`. It listens before
   * it counts, so a notification committed meanwhile is not missed (it may be counted and sent
   * both). Unsubscribing, when the client goes away, stops listening.
   */
  streamFor(actor: ActorContext): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const waiting: MessageEvent[] = [];
      let counted = false;
      const deliver = (event: MessageEvent) => (counted ? subscriber.next(event) : waiting.push(event));
      const subscriptions = audiencesOf(actor).map((audience) => this.listen(audience, subscriber, deliver));
      const heartbeat = setInterval(() => subscriber.next({ comment: 'heartbeat' }), heartbeatMs);
      this.open.add(subscriber);
      this.rpc.request<UnreadNotificationsView>(Requests.referrals.countUnreadNotifications, {}, { actor }).then(
        (unread) => {
          subscriber.next({ type: 'unread', data: { unreadCount: unread.unreadCount } });
          counted = true;
          for (const event of waiting.splice(0)) subscriber.next(event);
        },
        (error: unknown) => {
          // The headers are out by now: the client hears why in an event, and reconnects later.
          const failure = error instanceof DomainError ? error : new DomainError(ErrorCode.Internal, 'The notification stream could not start');
          if (!(error instanceof DomainError)) this.logger.error({ err: error }, 'notification stream could not count unread notifications');
          subscriber.next({ type: 'error', data: { code: failure.code, message: failure.message } });
          subscriber.complete();
        },
      );
      return () => {
        clearInterval(heartbeat);
        this.open.delete(subscriber);
        for (const subscription of subscriptions) subscription.unsubscribe();
      };
    });
  }

  /** Ends the open streams, so the HTTP server can close; clients reconnect to another replica. */
  beforeApplicationShutdown(): void {
    for (const subscriber of [...this.open]) subscriber.complete();
  }

  private listen(audience: NotificationAudience, subscriber: Subscriber<MessageEvent>, deliver: (event: MessageEvent) => void): Subscription {
    return this.connection.subscribe(this.namespace.subject(liveNotificationSubject(audience)), {
      callback: (error, message) => {
        if (error) {
          subscriber.error(error);
          return;
        }
        const notification = this.decode(message.data, audience);
        if (notification) deliver({ type: 'notification', data: notification });
      },
    });
  }

  /** The notification announced, if it is one, and for the audience whose subject it came on; anything else is dropped. */
  private decode(data: Uint8Array, audience: NotificationAudience): NotificationView | undefined {
    try {
      const notification = validatePayload(NotificationView, JSON.parse(this.decoder.decode(data)), { unknownFields: 'drop' });
      if (notification.audienceKind === audience.kind && notification.audienceId === audience.id) return notification;
      this.logger.warn({ audienceKind: audience.kind }, 'live notification for another audience dropped');
    } catch (error) {
      this.logger.warn({ err: error instanceof DomainError ? error.fields : String(error) }, 'invalid live notification dropped');
    }
    return undefined;
  }
}
