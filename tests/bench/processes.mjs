// Reading processes from /proc: CPU time, peak memory, and which processes are PostgreSQL's and
// NATS's, so the benchmark can say what each process spent per referral.
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = 100; // CLK_TCK on Linux

/**
 * User and system (kernel: syscalls, context switches) CPU time of a process, in milliseconds; 0
 * once it is gone. With `withExitedChildren`, the time of its children that have exited as well.
 */
export function cpuSplitMs(pid, withExitedChildren = false) {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')').
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = (index) => Number(fields[index]) + (withExitedChildren ? Number(fields[index + 2]) : 0);
    return { user: (ticks(11) * 1000) / ticksPerSecond, system: (ticks(12) * 1000) / ticksPerSecond };
  } catch {
    return { user: 0, system: 0 };
  }
}

/** User + system CPU time of a process, in milliseconds. */
export function cpuMs(pid) {
  const { user, system } = cpuSplitMs(pid);
  return user + system;
}

/** Peak resident set (VmHWM) of a process, in MiB. */
export function peakRssMiB(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : NaN;
  } catch {
    return NaN;
  }
}

/** Pids of every process whose command name is `name` (e.g. postgres, nats-server). */
export function pidsNamed(name) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * CPU time of a group of processes, found again at every reading. PostgreSQL forks a backend per
 * connection: a backend that ended between two readings took its time with it, but its parent
 * counts the time of children it reaped, so the sum stays whole.
 */
export function groupCpuSplitMs(name) {
  return pidsNamed(name).reduce(
    (sum, pid) => {
      const { user, system } = cpuSplitMs(pid, true);
      return { user: sum.user + user, system: sum.system + system };
    },
    { user: 0, system: 0 },
  );
}
