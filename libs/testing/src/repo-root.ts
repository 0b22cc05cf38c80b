import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above this file that has scripts/infra. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'scripts', 'infra'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`scripts/infra not found in any folder above ${__dirname}`);
    dir = parent;
  }
}

/**
 * Where scripts/infra keeps this set of servers' env file, pids and logs: ATRIUM_INFRA_DIR when
 * a second set runs beside the first (the shards of scripts/test.sh), else the repository's .infra.
 */
export function infraDir(): string {
  const dir = process.env.ATRIUM_INFRA_DIR?.trim();
  return dir ? path.resolve(dir) : path.join(repoRoot(), '.infra');
}
