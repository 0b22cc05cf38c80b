import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './repo-root';

const run = promisify(execFile);

/**
 * Stops a local server and starts it again (`scripts/infra restart <server>`), for tests that
 * prove work survives it: Redis keeps its append-only file, the Twilio endpoint its record.
 * Fails when the server is external (nothing of ours to restart).
 */
export async function restartLocalServer(server: 'redis' | 'twilio'): Promise<void> {
  const root = repoRoot();
  await run('bash', [path.join(root, 'scripts', 'infra'), 'restart', server], { cwd: root, env: process.env, timeout: 120_000 });
}
