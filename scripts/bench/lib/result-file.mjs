import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One metric of a benchmark as programs read it: the subject's value beside the baseline's, run
 * in the same run on the same servers, their ratio and whether the target is met (null when the
 * run measured no such target).
 * @typedef {{ metric: string, value: number | null, unit: string, baseline: string | null,
 *   baselineValue: number | null, ratio: number | null, target: string | null, met: boolean | null }} ResultRow
 */

/** The servers `scripts/infra status` reports, as `{ kafka: 'Apache Kafka 4.1.1', ... }`. */
export function serverVersions(root) {
  let text;
  try {
    text = execFileSync('bash', [path.join(root, 'scripts', 'infra'), 'status'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    text = String(error.stdout ?? ''); // exit 1 when a server is down; the others still count
  }
  const versions = {};
  for (const line of text.split('\n')) {
    const match = /^(\w+)\s+up\s+\S+\s+(.*?)\s*\((?:local|external)/.exec(line);
    if (match) versions[match[1]] = match[2].replace(/, \d+ messages$/, '');
  }
  return versions;
}

function headCommit(root) {
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/**
 * Writes `docs/benchmarks/<benchmark>.json`: the last result of a benchmark, for programs (the
 * people's table is docs/benchmarks.md). `commit` and `servers` default to the checkout's HEAD
 * and what `scripts/infra status` reports now.
 * @param {string} root the repository root
 * @param {{ benchmark: string, run: string, ranAt?: string, commit?: string | null,
 *   servers?: Record<string, string>, workload: Record<string, unknown>, rows: ResultRow[],
 *   note?: string }} result
 * @returns {string} the file written
 */
export function writeResultFile(root, result) {
  const file = path.join(root, 'docs', 'benchmarks', `${result.benchmark}.json`);
  const document = {
    benchmark: result.benchmark,
    run: result.run,
    ranAt: result.ranAt ?? new Date().toISOString(),
    commit: result.commit === undefined ? headCommit(root) : result.commit,
    servers: result.servers ?? serverVersions(root),
    workload: result.workload,
    rows: result.rows,
    ...(result.note ? { note: result.note } : {}),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
