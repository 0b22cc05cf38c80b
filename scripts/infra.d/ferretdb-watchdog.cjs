#!/usr/bin/env node
// FerretDB watchdog, started by `scripts/infra up` beside a FerretDB of ours: pings it over
// the MongoDB protocol every few seconds, and when no ping has been answered for
// --timeout-s seconds (FerretDB v1 can hang for good, docs/adr/0004), runs
// `scripts/infra restart ferretdb --if-not-answering`. One line per event on stdout, which
// scripts/infra sends to .infra/logs/watchdog.log.
//
// Usage: node ferretdb-watchdog.cjs --mongo URL --infra PATH/scripts/infra [--timeout-s 10] [--interval-ms 2000]
'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..', '..');
const { MongoClient } = require(require.resolve('mongodb', { paths: [repoRoot] }));

function parseArgs(argv) {
  const out = { timeoutS: 10, intervalMs: 2_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === '--mongo') out.mongo = value;
    else if (name === '--infra') out.infra = value;
    else if (name === '--timeout-s') out.timeoutS = Number(value);
    else if (name === '--interval-ms') out.intervalMs = Number(value);
    else throw new Error(`ferretdb-watchdog: unknown argument ${name}`);
  }
  if (!out.mongo || !out.infra) throw new Error('ferretdb-watchdog: --mongo and --infra are required');
  if (!(out.timeoutS > 0) || !(out.intervalMs > 0)) throw new Error('ferretdb-watchdog: --timeout-s and --interval-ms must be positive numbers');
  return out;
}

const args = parseArgs(process.argv.slice(2));
const log = (message) => process.stdout.write(`${new Date().toISOString()} watchdog: ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A frozen server accepts the TCP connection and never answers: every ping has its own deadline.
const PING_DEADLINE_MS = Math.min(5_000, args.timeoutS * 1_000);

let client;
let restart; // the running `scripts/infra restart` child, if any
let stopping = false;

async function ping() {
  client ??= new MongoClient(args.mongo, {
    serverSelectionTimeoutMS: PING_DEADLINE_MS,
    connectTimeoutMS: PING_DEADLINE_MS,
    appName: 'atrium-infra-watchdog',
    maxPoolSize: 1,
  });
  let timer;
  try {
    await Promise.race([
      client.db('admin').command({ ping: 1 }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PING_DEADLINE_MS} ms`)), PING_DEADLINE_MS);
      }),
    ]);
  } catch (error) {
    // The connection may be stuck on the frozen server: the next ping starts afresh.
    const stale = client;
    client = undefined;
    stale.close(true).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function restartFerretdb() {
  return new Promise((resolve) => {
    // Its own process group, so that stopping the watchdog stops the restart too.
    restart = spawn('bash', [args.infra, 'restart', 'ferretdb', '--if-not-answering'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    restart.on('error', (error) => {
      restart = undefined;
      resolve(`could not run: ${error.message}`);
    });
    restart.on('exit', (code, signal) => {
      restart = undefined;
      resolve(signal ? `killed by ${signal}` : `exited with ${code}`);
    });
  });
}

async function main() {
  log(`watching FerretDB at ${args.mongo}: a ping every ${args.intervalMs} ms, restart after ${args.timeoutS} s without an answer`);
  let lastAnswer = Date.now();
  let lastError = '';
  while (!stopping) {
    try {
      await ping();
      if (lastError) log(`FerretDB answers again after ${Math.round((Date.now() - lastAnswer) / 1_000)} s`);
      lastAnswer = Date.now();
      lastError = '';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!lastError) log(`FerretDB did not answer a ping: ${message}`);
      lastError = message;
      const silentS = (Date.now() - lastAnswer) / 1_000;
      if (silentS >= args.timeoutS && !stopping) {
        log(`FerretDB has not answered for ${Math.round(silentS)} s (last error: ${lastError}); restarting it`);
        const outcome = await restartFerretdb();
        log(`restart of FerretDB ${outcome}`);
        // The new server gets a full timeout before it can be judged again.
        lastAnswer = Date.now();
        lastError = outcome === 'exited with 0' ? '' : `restart ${outcome}`;
      }
    }
    await sleep(args.intervalMs);
  }
}

function stop(signal) {
  stopping = true;
  log(`stopping (${signal})`);
  if (restart?.pid) {
    try {
      process.kill(-restart.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  client?.close(true).catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

main().catch((error) => {
  log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
