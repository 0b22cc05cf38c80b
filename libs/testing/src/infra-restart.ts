import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { infraDir, repoRoot } from './repo-root';

const run = promisify(execFile);

/**
 * Stops a local server and starts it again (`scripts/infra restart <server>`), for tests that
 * prove work survives it: Redis keeps its append-only file, the Twilio endpoint its record,
 * FerretDB its PostgreSQL data. Fails when the server is external (nothing of ours to restart).
 */
export async function restartLocalServer(server: 'redis' | 'twilio' | 'ferretdb'): Promise<void> {
  const root = repoRoot();
  await run('bash', [path.join(root, 'scripts', 'infra'), 'restart', server], { cwd: root, env: process.env, timeout: 120_000 });
}

/** The pid scripts/infra recorded for a local server (`.infra/run/<server>.pid`). */
export function localServerPid(server: 'ferretdb' | 'postgres' | 'redis' | 'watchdog'): number {
  const file = path.join(infraDir(), 'run', `${server}.pid`);
  const pid = Number(readFileSync(file, 'utf8').trim().split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid in ${file}`);
  return pid;
}

/** Whether a process exists and is not a zombie. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The text of a scripts/infra log (`.infra/logs/<name>.log`), empty if there is none yet. */
export function infraLog(name: 'watchdog' | 'ferretdb'): string {
  try {
    return readFileSync(path.join(infraDir(), 'logs', `${name}.log`), 'utf8');
  } catch {
    return '';
  }
}
