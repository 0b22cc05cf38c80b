import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_IDENTITY_SECRET } from './signed-fetch';
import { waitFor } from './wait-for';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export interface ServiceProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote, for assertions and for failure messages. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The built entry point of a service (`npm run build` makes it). */
export function serviceEntry(name: string, entry: 'main' | 'worker' = 'main'): string {
  const file = join(REPO_ROOT, 'services', name, 'dist', `${entry}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  return file;
}

/** Runs a built service as its own process, as in production, and waits for /health/ready. */
export async function startServiceProcess(name: string, port: number, env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [serviceEntry(name)], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ATRIUM_IDENTITY_SECRET: TEST_IDENTITY_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    name,
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
  try {
    await waitFor(`${name} to be ready at ${url}`, async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
      const response = await fetch(`${url}/health/ready`);
      return response.ok ? true : undefined;
    }, 60_000, 250);
  } catch (error) {
    await service.stop('SIGKILL');
    throw error;
  }
  return service;
}

/** Runs a built service expecting it to refuse to start; resolves with its exit code and output. */
export async function runUntilExit(name: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [serviceEntry(name)], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ATRIUM_IDENTITY_SECRET: TEST_IDENTITY_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}
