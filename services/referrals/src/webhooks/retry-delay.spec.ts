import { retryDelayMs } from './retry-delay';

describe('the delay before a delivery is tried again', () => {
  const options = { baseMs: 10_000, capMs: 60 * 60 * 1000 };
  const highest = () => 1 - Number.EPSILON;

  it('is at most the base after the first attempt, and doubles its ceiling with each attempt after', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, options, highest))).toEqual([9_999, 19_999, 39_999, 79_999, 159_999]);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    expect(retryDelayMs(9, options, highest)).toBe(2_559_999);
    expect(retryDelayMs(10, options, highest)).toBe(options.capMs - 1);
    expect(retryDelayMs(50, options, highest)).toBe(options.capMs - 1);
  });

  it('is drawn anywhere between zero and the ceiling (full jitter), so senders retrying together spread out', () => {
    expect(retryDelayMs(3, options, () => 0)).toBe(0);
    expect(retryDelayMs(3, options, () => 0.5)).toBe(20_000);
    const delays = Array.from({ length: 200 }, () => retryDelayMs(4, options));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(80_000);
    expect(new Set(delays).size).toBeGreaterThan(150);
  });
});
