// Load generation: a closed loop (fixed concurrency, as fast as answers come) and an open loop
// (fixed arrival rate, latency counted from when each operation was due, so queueing shows).
import { performance } from 'node:perf_hooks';

export const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

function summary(latencies, errors, seconds) {
  latencies.sort((a, b) => a - b);
  return {
    operations: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

function reportFailure(state, error) {
  state.errors += 1;
  if (state.errors <= 3) console.error(`  operation failed: ${error.message ?? error}`);
}

/** Runs `operation` from `workers` loops for `ms`; returns latencies (ms) and the rate per second. */
/**
 * One GET at a time, after `warmUp` unmeasured ones: p50 and p95 in ms, and `size` of the last
 * answer (how many items or rows it had).
 */
export async function sequentialLatency(api, token, path, { requests, warmUp, size }) {
  for (let index = 0; index < warmUp; index++) await api('GET', path, token);
  const samples = [];
  let last = 0;
  for (let index = 0; index < requests; index++) {
    const started = process.hrtime.bigint();
    const answer = await api('GET', path, token);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    last = size(answer) ?? last;
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), size: last };
}

export async function closedLoop(workers, ms, operation) {
  const latencies = [];
  const state = { errors: 0 };
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      let index = 0;
      while (performance.now() < deadline) {
        const begin = performance.now();
        try {
          await operation(worker, index++);
          latencies.push(performance.now() - begin);
        } catch (error) {
          reportFailure(state, error);
        }
      }
    }),
  );
  return summary(latencies, state.errors, (performance.now() - started) / 1000);
}

/**
 * Starts `operation` `ratePerSecond` times a second for `ms`, whether earlier ones finished or
 * not, and waits for all. Each latency runs from the moment its operation was due, so a system
 * that falls behind shows it in the percentiles instead of slowing the load down.
 */
export async function openLoop(ratePerSecond, ms, operation) {
  const latencies = [];
  const state = { errors: 0 };
  const inFlight = [];
  const started = performance.now();
  const count = Math.floor((ratePerSecond * ms) / 1000);
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      operation(index).then(
        () => latencies.push(performance.now() - due),
        (error) => reportFailure(state, error),
      ),
    );
  }
  await Promise.all(inFlight);
  const result = summary(latencies, state.errors, (performance.now() - started) / 1000);
  return { ...result, targetPerSecond: ratePerSecond };
}
