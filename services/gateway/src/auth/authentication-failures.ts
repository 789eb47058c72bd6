import { DomainError, ErrorCode } from '@samverkan/contracts';
import { LRUCache } from 'lru-cache';

interface Window {
  failures: number;
  endsAt: number;
}

const windowMs = 60_000;

/**
 * Counts failed authentications per client address in one-minute windows. An address that
 * failed `limit` times is refused with RATE_LIMITED until its window ends, before its tokens are
 * even verified, so guessing tokens or keys is slow and cheap to refuse. Counted in each gateway
 * replica's memory, like the rate limit per staff member; bounded to the busiest 100 000 addresses.
 */
export class AuthenticationFailures {
  private readonly windows = new LRUCache<string, Window>({ max: 100_000, ttl: windowMs });

  constructor(private readonly limit: number) {}

  assertNotBlocked(address: string): void {
    const window = this.current(address);
    if (window && window.failures >= this.limit) {
      throw new DomainError(ErrorCode.RateLimited, 'Too many failed authentications from this address; wait a minute');
    }
  }

  /** Records a failure; true when the address is now blocked. */
  record(address: string): boolean {
    const window = this.current(address) ?? { failures: 0, endsAt: Date.now() + windowMs };
    window.failures += 1;
    this.windows.set(address, window, { ttl: Math.max(1, window.endsAt - Date.now()) });
    return window.failures >= this.limit;
  }

  private current(address: string): Window | undefined {
    const window = this.windows.get(address);
    return window && window.endsAt > Date.now() ? window : undefined;
  }
}
