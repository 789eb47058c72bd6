/**
 * How long to wait before trying a delivery again, after its `attempt`-th attempt (1 for the
 * first) failed: exponential backoff with full jitter, a random time between 0 and
 * min(cap, base × 2^(attempt − 1)) (AWS's "Exponential Backoff and Jitter"), so receivers that
 * came back after an outage are not hit by every sender at once.
 *
 * Our own function rather than a library's: the schedule lives in the database (next_attempt_at)
 * and only needs the delay for the n-th attempt. exponential-backoff and p-retry run retries
 * in-process and do not export the delay computation; retry's createTimeout randomises by a
 * factor of 1–2, not full jitter; cockatiel's fullJitterGenerator is this formula, but its current
 * major is ES-module only and needs Node 22, and a resilience framework is much to take for one line.
 */
export function retryDelayMs(attempt: number, options: { baseMs: number; capMs: number }, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
