import type { NatsConnection } from '@nats-io/transport-node';

/**
 * The NATS connections of a service (its own, and the request server's), for counting the
 * messages it sends and receives (`nats_messages_total{direction}`).
 */
export class NatsTraffic {
  private readonly sources: Array<() => NatsConnection | undefined> = [];

  watch(source: () => NatsConnection | undefined): void {
    this.sources.push(source);
  }

  totals(): { inMsgs: number; outMsgs: number } {
    let inMsgs = 0;
    let outMsgs = 0;
    for (const source of this.sources) {
      const stats = source()?.stats();
      inMsgs += stats?.inMsgs ?? 0;
      outMsgs += stats?.outMsgs ?? 0;
    }
    return { inMsgs, outMsgs };
  }
}
