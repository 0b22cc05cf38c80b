import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { infraDir, repoRoot } from './repo-root';

const INFRA_VARS = ['KAFKA_BROKERS', 'MONGO_URL', 'REDIS_URL'] as const;
const TWILIO_VARS = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_BASE_URL'] as const;

// A cold first run builds FerretDB and downloads the Kafka jars: minutes, not seconds.
const UP_TIMEOUT_MS = 20 * 60 * 1000;

const isSet = (name: string): boolean => (process.env[name]?.trim() ?? '') !== '';

/** Parses .infra/env (KEY=VALUE lines, # comments) as scripts/infra writes it. */
function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 1) continue;
    vars.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return vars;
}

/** Runs `bash scripts/infra up`; its output goes to our stderr (jest's stdout stays for results). */
function runInfraUp(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(root, 'scripts', 'infra'), 'up'], {
      cwd: root,
      stdio: ['ignore', process.stderr, process.stderr],
      env: process.env,
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), UP_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`scripts/infra up could not run: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve();
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with ${String(code)}`;
      reject(new Error(`scripts/infra up ${how}; see its output above and .infra/logs/`));
    });
  });
}

/**
 * Jest globalSetup of the integration project: makes sure the real servers run
 * (`scripts/infra up`, idempotent and quick when they already run), then puts their
 * addresses in process.env (KAFKA_BROKERS, MONGO_URL, REDIS_URL, and the local Twilio
 * endpoint's TWILIO_*), which jest hands to the test workers. Variables already set are kept:
 * when the three servers' are set, nothing is started (set TWILIO_* too, then).
 */
export default async function globalSetup(): Promise<void> {
  if (INFRA_VARS.every(isSet)) return;

  const root = repoRoot();
  await runInfraUp(root);

  const envFile = path.join(infraDir(), 'env');
  const vars = parseEnvFile(await readFile(envFile, 'utf8'));
  for (const name of INFRA_VARS) {
    const value = vars.get(name);
    if (!isSet(name) && value) process.env[name] = value;
  }
  const missing = INFRA_VARS.filter((name) => !isSet(name));
  if (missing.length > 0) {
    throw new Error(`${envFile} does not set ${missing.join(', ')}`);
  }
  // Optional: the local Twilio endpoint, when scripts/infra started it (tests of SMS sending need it).
  for (const name of TWILIO_VARS) {
    const value = vars.get(name);
    if (!isSet(name) && value) process.env[name] = value;
  }
}
