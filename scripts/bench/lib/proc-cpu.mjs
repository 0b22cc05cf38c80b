import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** CPU accounting from /proc: which process spent the machine's cores during a phase. */
export const CLK_TCK = 100;

/** Every process's parent and CPU ticks (its own and its waited-for children's). */
export function readProcTable() {
  const table = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
      table.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      // the process ended while we read
    }
  }
  return table;
}

/** The ticks of a process and all its descendants; undefined when it does not run. */
export function treeTicks(table, rootPid) {
  if (!rootPid || !table.has(rootPid)) return undefined;
  const children = new Map();
  for (const [pid, { ppid }] of table) (children.get(ppid) ?? children.set(ppid, []).get(ppid)).push(pid);
  let ticks = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop();
    ticks += table.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

/** The whole machine's ticks, and the idle ones among them. */
export function machineTicks() {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  return { total: values.reduce((a, b) => a + b, 0), idle: values[3] + (values[4] ?? 0) };
}

/** The pids of scripts/infra's servers, from its pid files (undefined for one not running). */
export function infraPids(root, servers) {
  const pids = {};
  for (const server of servers) {
    try {
      pids[server] = Number(readFileSync(path.join(root, '.infra', 'run', `${server}.pid`), 'utf8').trim());
    } catch {
      pids[server] = undefined;
    }
  }
  return pids;
}
