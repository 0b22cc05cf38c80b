import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The servers' addresses for a benchmark: process.env first, then `.infra/env` as
 * `scripts/infra` writes it. Refuses (through `fail`) a missing one, and any server that is not
 * on 127.0.0.1: benchmarks only ever send traffic to loopback. Names starting `TWILIO_` other
 * than the API base URL are credentials, not addresses.
 */
export function readInfraEnv(root, names, fail) {
  const file = path.join(root, '.infra', 'env');
  const fromFile = new Map();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const trimmed = line.trim();
      const eq = trimmed.indexOf('=');
      if (trimmed && !trimmed.startsWith('#') && eq > 0) fromFile.set(trimmed.slice(0, eq), trimmed.slice(eq + 1));
    }
  }
  const read = (name) => process.env[name]?.trim() || fromFile.get(name);
  const env = Object.fromEntries(names.map((name) => [name, read(name)]));
  for (const name of names) {
    const value = env[name];
    if (!value) fail(`${name} is not set and ${file} does not set it: run "bash scripts/infra up" first`);
    if (name.startsWith('TWILIO_') && name !== 'TWILIO_API_BASE_URL') continue;
    const hosts = name === 'KAFKA_BROKERS' ? value.split(',').map((b) => b.trim().split(':')[0]) : [new URL(value).hostname];
    if (!hosts.every((host) => host === '127.0.0.1' || host === 'localhost')) fail(`${name}=${value} is not on 127.0.0.1; this bench only talks to local servers`);
  }
  return env;
}
