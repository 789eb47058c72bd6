// Summaries of V8 CPU profiles (node --cpu-prof), limited to the benchmark's load phase: where
// each service spent its CPU time, by package and by function.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function packageOf(url) {
  if (!url) return '(V8, native)';
  const dependency = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const own = /\/dist\/((libs|services)\/[^/]+)\//.exec(url);
  return own ? own[1] : url;
}

/**
 * Self time per package and per function between `fromMicros` and `toMicros` (the monotonic
 * clock V8 stamps samples with, the same as process.hrtime). Idle time is left out.
 */
export function summarizeProfile(file, fromMicros, toMicros) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map();
  const byFunction = new Map();
  let busy = 0;
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (time < fromMicros || time > toMicros) continue;
    const frame = nodes.get(profile.samples[index]).callFrame;
    if (frame.functionName === '(idle)') continue;
    busy += delta;
    const pkg = packageOf(frame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + delta);
    const name = `${frame.functionName || '(anonymous)'} ${pkg}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
  }
  const top = (map, count) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({ name, share: Math.round((1000 * micros) / Math.max(busy, 1)) / 10 }));
  return { busyMs: Math.round(busy / 1000), packages: top(byPackage, 12), functions: top(byFunction, 15) };
}

/** The profile a process wrote into its directory on exit. */
export function profileIn(directory) {
  const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
  return file ? join(directory, file) : undefined;
}
