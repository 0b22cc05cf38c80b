#!/usr/bin/env node
// How fast does the sms-campaign service fan a campaign out to a large segment, and does it send
// at the configured rate? Measured against the simplest BullMQ code doing the same in the same run.
//
//   phase 1  fan-out: N members (default 100,000) with marketing consent seeded into a fresh
//            database; a segment selecting them all, a compliant template, a campaign approved
//            by a second member of staff and sent now through the HTTP API; time from "send" to
//            the recipient list frozen with every message's job in the sending queue (target
//            10 s). Baseline: queue.addBulk of N minimal jobs into a fresh queue.
//   phase 2  throttled: the service's sending worker at --mps (default 100) messages per
//            second; the rate the local Twilio endpoint receives over a window after a warm-up,
//            against the configured rate (target within 2 %).
//   phase 3  unthrottled: the worker at the service's maximum (1,000/s); the time the endpoint
//            takes to receive M more messages (default 5,000). Baseline: a bare BullMQ worker
//            (same concurrency and limiter) calling the same endpoint with the twilio SDK's
//            messages.create for the same count.
//
//   node scripts/bench/campaign-fanout/run.mjs [--members 100000] [--mps 100] [--window-s 20]
//        [--unthrottled-count 5000] [--port 13204] [--timeout-s 900] [--profile] [--no-floors] [--keep]
//
// See README.md beside this file for what each phase does and how to read the output.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { BENCH_IDENTITY_SECRET, signedHeaders } from '../lib/gateway-identity.mjs';
import { readInfraEnv } from '../lib/infra-env.mjs';
import { CLK_TCK, infraPids as infraPidsUnder, machineTicks, readProcTable, treeTicks } from '../lib/proc-cpu.mjs';
import { fmtInt, fmtS, log, now } from '../lib/report.mjs';
import { writeResultFile } from '../lib/result-file.mjs';
import { FatalError, bounded, waitFor } from '../lib/waiting.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
/** The pids of the servers this bench accounts CPU to. */
const infraPids = () => infraPidsUnder(ROOT, ['ferretdb', 'postgres', 'redis', 'twilio']);
const require = createRequire(path.join(ROOT, 'package.json'));
const { Kafka, logLevel } = require('kafkajs');
const { MongoClient } = require('mongodb');
const { Redis } = require('ioredis');
const { Queue, Worker } = require('bullmq');
const { TOPICS } = require('@atrium/contracts');

const SERVICE_DIST = path.join(ROOT, 'services', 'sms-campaign', 'dist');
const SERVICE_ENTRY = path.join(SERVICE_DIST, 'main.js');
const OP_TIMER = path.join(HERE, 'op-timer.cjs');
const NO_CONSUMERS = path.join(HERE, 'no-consumers.cjs');
const COMMAND_COUNTER = path.join(HERE, 'command-counter.cjs');
/** The service's BullMQ prefix (src/app.module.ts) and queue names (one set per database). */
const QUEUE_PREFIX = 'atrium-sms';
const serviceQueueNames = (database) => [`sms-send.${database}`, `sms-status-check.${database}`, `sms-campaigns.${database}`, `sms-projection.${database}`];
/** The topics the service consumes: its fresh groups start at their end. */
const CONSUMED_TOPICS = [TOPICS.memberEvents.name, TOPICS.pointsEvents.name];
/** The service's highest SMS_MESSAGES_PER_SECOND (src/config/env.schema.ts). */
const MAX_MPS = 1_000;
/** The sending worker's concurrency for a rate (src/delivery/send-message.job.ts). */
const concurrencyFor = (mps) => Math.min(64, Math.max(4, Math.ceil(mps / 2)));
const TEMPLATE = '【Atrium】{{name}}, members-only night market on Friday. Reply STOP to opt out';
const renderFor = (name) => TEMPLATE.replace('{{name}}', name);
/** The issue's targets: the fan-out within this many times its baseline, sending at least this fraction of the bare worker's rate, and a goal of statements per message. */
const FANOUT_TARGET = 1.5;
const SENDING_TARGET = 0.5;
const STATEMENTS_GOAL = 3;
const SPECIALIST = { 'x-atrium-staff': 'bench-specialist', 'x-atrium-roles': 'specialist' };
const SUPERVISOR = { 'x-atrium-staff': 'bench-supervisor', 'x-atrium-roles': 'supervisor' };

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `usage: node scripts/bench/campaign-fanout/run.mjs [options]
  --members N            members in the segment (default 100000, at most 200000)
  --mps N                SMS_MESSAGES_PER_SECOND of the throttled phase (default 100, at most 1000)
  --warmup-s N           seconds of sending before the throttled window opens (default 5)
  --window-s N           length of the throttled window (default 20, at most 120)
  --unthrottled-count N  messages timed in the unthrottled phase and its baseline (default 5000)
  --unthrottled-max-s N  the unthrottled phase stops after this long if the count is not reached yet
                         (default 90); its baseline then sends as many messages as the service did
  --port N               HTTP port of the sms-campaign child (default 13204)
  --timeout-s N          bound on every wait (default 900)
  --profile              run the service with op-timer.cjs and print where the fan-out's time went
  --no-floors            skip the raw FerretDB read and insert of the same documents (phase 1 floors)
  --fanout-only          phase 1 only (no sending phases)
  --keep                 keep the bench database, queues and groups (default: removed)`;

function parseArgs(argv) {
  const options = { members: 100_000, mps: 100, warmupS: 5, windowS: 20, unthrottledCount: 5_000, unthrottledMaxS: 90, port: 13204, timeoutS: 900, profile: false, floors: true, fanoutOnly: false, keep: false };
  const numeric = {
    '--members': 'members',
    '--mps': 'mps',
    '--warmup-s': 'warmupS',
    '--window-s': 'windowS',
    '--unthrottled-count': 'unthrottledCount',
    '--unthrottled-max-s': 'unthrottledMaxS',
    '--port': 'port',
    '--timeout-s': 'timeoutS',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag in numeric) {
      const raw = inline ?? argv[++i];
      const value = Number(String(raw).replace(/_/g, ''));
      if (!Number.isInteger(value) || value <= 0) fail(`${flag} needs a positive integer, got ${raw}`);
      options[numeric[flag]] = value;
    } else if (flag === '--profile') options.profile = true;
    else if (flag === '--no-floors') options.floors = false;
    else if (flag === '--fanout-only') options.fanoutOnly = true;
    else if (flag === '--keep') options.keep = true;
    else fail(`unknown option ${argv[i]}\n${USAGE}`);
  }
  if (options.members > 200_000) fail('--members is at most 200000');
  if (options.mps > MAX_MPS) fail(`--mps is at most ${MAX_MPS} (the service's limit)`);
  if (options.windowS > 120) fail('--window-s is at most 120');
  if (options.warmupS > 60) fail('--warmup-s is at most 60');
  if (options.timeoutS > 3_600) fail('--timeout-s is at most 3600');
  if (options.unthrottledMaxS > 600) fail('--unthrottled-max-s is at most 600');
  // Phase 2 and 3 draw on the campaign's queued messages: enough must be left for both.
  const needed = options.mps * (options.warmupS + options.windowS + 10) + options.unthrottledCount + warmCount(options.unthrottledCount);
  if (!options.fanoutOnly && needed > options.members) fail(`--members ${options.members} is too few for the sending phases (they need about ${needed}); lower --mps, --window-s or --unthrottled-count`);
  return options;
}

/** Messages sent before the unthrottled clock starts (connections, caches, the limiter warm). */
function warmCount(count) {
  return Math.max(100, Math.min(500, Math.floor(count / 10)));
}

function fail(message) {
  console.error(`campaign-fanout: ${message}`);
  process.exit(2);
}

/** The servers' addresses (scripts/bench/lib/infra-env.mjs): loopback only. */
function infraEnv() {
  return readInfraEnv(ROOT, ['KAFKA_BROKERS', 'MONGO_URL', 'REDIS_URL', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_BASE_URL'], fail);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const seconds = (ms) => ms / 1000;
const fmtPct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} %`;

/** A Hong Kong mobile number (+852 5xxx xxxx): member i of the run's range. */
function phoneOf(base, index) {
  return `+8525${String((base + index) % 10_000_000).padStart(7, '0')}`;
}

/** A sender number of the run: the endpoint's messages are counted by their From. */
function senderNumber() {
  return `+8523${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// CPU accounting: which process spent the machine's cores during a phase (from /proc).

function cpuSnapshot(servicePid) {
  const table = readProcTable();
  const usage = process.cpuUsage();
  const ticksToS = (ticks) => seconds((ticks ?? 0) * (1000 / CLK_TCK));
  return {
    at: now(),
    machine: machineTicks(),
    bench: (usage.user + usage.system) / 1e6,
    service: servicePid ? ticksToS(treeTicks(table, servicePid)) : 0,
    ...Object.fromEntries(Object.entries(infraPids()).map(([name, pid]) => [name, ticksToS(treeTicks(table, pid))])),
  };
}

function cpuDelta(before, after) {
  const total = after.machine.total - before.machine.total;
  const parts = {};
  for (const name of ['service', 'ferretdb', 'postgres', 'redis', 'twilio', 'bench']) parts[name] = Math.max(0, after[name] - before[name]);
  return { wall: seconds(after.at - before.at), busy: total > 0 ? 1 - (after.machine.idle - before.machine.idle) / total : 0, parts };
}

function formatCpu(delta) {
  const parts = Object.entries(delta.parts)
    .filter(([, s]) => s > 0.05)
    .map(([name, s]) => `${name} ${s.toFixed(1)}`)
    .join(', ');
  return `CPU-seconds in ${delta.wall.toFixed(1)} s wall: ${parts}; machine ${(delta.busy * 100).toFixed(0)}% busy of ${os.cpus().length} cores (load before: ${os.loadavg()[0].toFixed(1)})`;
}

// ---------------------------------------------------------------------------------------------
// The sms-campaign service as a child process

class ServiceChild {
  constructor(label, env, port, profile) {
    this.label = label;
    this.url = `http://127.0.0.1:${port}`;
    this.tail = [];
    this.profile = profile;
    // Always without Kafka consumers (no-consumers.cjs says why); with --profile, timed.
    // Always counting the service's MongoDB commands (command-counter.cjs); with --profile, timed too.
    const args = ['-r', NO_CONSUMERS, '-r', COMMAND_COUNTER, ...(profile ? ['-r', OP_TIMER] : []), SERVICE_ENTRY];
    this.child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const keep = (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.tail.push(line);
      if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
    };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.stopping = false;
    this.child.on('exit', (code, signal) => {
      if (!this.stopping) log(`the sms-campaign service (${label}, pid ${this.child.pid}) exited by itself: ${signal ?? `code ${code}`}; last output:\n${this.tail.slice(-20).join('\n')}`);
    });
    this.profileSeq = 0;
  }

  get pid() {
    return this.child.pid;
  }

  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  assertAlive() {
    if (!this.alive) throw new FatalError(`the sms-campaign service (${this.label}) exited (${this.child.exitCode ?? this.child.signalCode}); its last output:\n${this.tail.slice(-40).join('\n')}`);
  }

  async ready(timeoutMs) {
    await waitFor(`the sms-campaign service at ${this.url}/health/ready`, async () => {
      this.assertAlive();
      const response = await fetch(`${this.url}/health/ready`);
      return response.ok ? true : undefined;
    }, timeoutMs, 250);
  }

  async stop() {
    this.stopping = true;
    if (!this.alive) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.alive && this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  /** An HTTP call as the gateway makes it; throws unless the answer is `expected`. */
  async call(method, pathname, { body, headers, expected } = {}) {
    const response = await fetch(`${this.url}${pathname}`, {
      method,
      headers: signedHeaders(method, pathname, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(headers ?? {}) }),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : {};
    if (expected !== undefined && response.status !== expected) throw new Error(`${method} ${pathname} answered ${response.status}, not ${expected}: ${text.slice(0, 500)}`);
    return parsed;
  }

  /** command-counter.cjs's cumulative counts of MongoDB commands the child sent, by command and collection. */
  async commandsDump() {
    this.assertAlive();
    const seq = ++this.profileSeq;
    const answer = new Promise((resolve) => {
      const onMessage = (message) => {
        if (message?.benchCommands && message.seq === seq) {
          this.child.off('message', onMessage);
          resolve(message.counts);
        }
      };
      this.child.on('message', onMessage);
    });
    this.child.send({ benchCommandsDump: seq });
    return bounded("the service's command counts", answer, 10_000);
  }

  /** With --profile: op-timer.cjs's cumulative totals from the child. */
  async profileDump() {
    if (!this.profile) return undefined;
    this.assertAlive();
    const seq = ++this.profileSeq;
    const answer = new Promise((resolve) => {
      const onMessage = (message) => {
        if (message?.benchOps && message.seq === seq) {
          this.child.off('message', onMessage);
          resolve(message);
        }
      };
      this.child.on('message', onMessage);
    });
    this.child.send({ benchOpsDump: seq });
    return bounded("the service's op-timer totals", answer, 10_000);
  }
}

// ---------------------------------------------------------------------------------------------
// The local Twilio endpoint: messages it recorded from one sender

class Endpoint {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** How many messages the endpoint has recorded from `from` (its record is written before it answers). */
  async countFrom(from) {
    const response = await fetch(`${this.baseUrl}/_local/messages?from=${encodeURIComponent(from)}&limit=1`, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`GET /_local/messages answered ${response.status}`);
    return (await response.json()).total;
  }

  async health() {
    const response = await fetch(`${this.baseUrl}/_local/health`, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`the local Twilio endpoint answered ${response.status} at /_local/health`);
    return response.json();
  }

  /** Rules failing every number would fail (or slow) the bench's messages too. */
  async wildcardRules() {
    const response = await fetch(`${this.baseUrl}/_local/failures`, { signal: AbortSignal.timeout(10_000) });
    const body = await response.json();
    const rules = Array.isArray(body) ? body : (body.rules ?? []);
    return rules.filter((rule) => rule.to === '*');
  }
}

/**
 * Samples the endpoint's count every second: until `count` is reached (or `ms` passed) returns
 * the samples [{t, count}] (t in performance.now() ms).
 */
async function sampleEndpoint(endpoint, from, { until, ms, service, everyMs = 1_000 }) {
  const samples = [];
  const start = now();
  for (;;) {
    service?.assertAlive();
    const count = await endpoint.countFrom(from);
    samples.push({ t: now(), count });
    if (until !== undefined && count >= until) return samples;
    if (ms !== undefined && now() - start >= ms) return samples;
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// The bench

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const infra = infraEnv();
  if (!existsSync(SERVICE_ENTRY)) fail(`${SERVICE_ENTRY} is missing: run "node scripts/build.mjs" first`);
  const run = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
  const database = `atrium_bench_sms_${run}`;
  const serviceGroup = `bench-sms-${run}`;
  const timeoutMs = options.timeoutS * 1000;
  const serviceFrom = senderNumber();
  const baselineFrom = senderNumber();
  const phoneBase = randomInt(0, 10_000_000);

  const kafka = new Kafka({ clientId: `bench-campaign-fanout-${run}`, brokers: infra.KAFKA_BROKERS.split(','), logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  const mongo = new MongoClient(infra.MONGO_URL, { serverSelectionTimeoutMS: 10_000 });
  // BullMQ's own connections need maxRetriesPerRequest null (blocking commands).
  const redisOptions = { maxRetriesPerRequest: null };
  const redis = new Redis(infra.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await Promise.all([admin.connect(), mongo.connect(), redis.connect()]);
  const db = mongo.db(database);
  // A FerretDB whose connection pool another client holds answers nothing, not even ping: say so at once.
  await bounded('FerretDB answering ping (is its PostgreSQL pool held by another client?)', db.command({ ping: 1 }), 15_000).catch((error) => fail(error.message));
  const endpoint = new Endpoint(infra.TWILIO_API_BASE_URL);
  const health = await endpoint.health();
  const wildcards = await endpoint.wildcardRules().catch(() => []);
  if (wildcards.length > 0) fail(`the local Twilio endpoint has failure rules for every number (${JSON.stringify(wildcards)}): a test is using it; run the bench later`);

  // The bench's own queues: named after the run, under the service's prefix, obliterated at the end.
  const baselineQueueNames = { fanout: `bench-fanout.${database}`, send: `bench-send.${database}` };
  const openQueues = [];
  const queueOf = (name) => {
    const queue = new Queue(name, { connection: { url: infra.REDIS_URL, ...redisOptions }, prefix: QUEUE_PREFIX });
    openQueues.push(queue);
    return queue;
  };

  let service;
  let sink;
  let cleaning;
  const cleanup = async () => {
    cleaning ??= (async () => {
      await service?.stop().catch(() => undefined);
      sink?.close();
      if (!options.keep) {
        const names = [...serviceQueueNames(database), ...Object.values(baselineQueueNames)];
        for (const name of names) {
          const queue = openQueues.find((q) => q.name === name) ?? queueOf(name);
          await bounded(`obliterating ${name}`, queue.obliterate({ force: true }), 120_000).catch((error) => log(`could not obliterate ${name}: ${error.message}`));
        }
        // The service's own Redis keys (campaign counters, caps, controls) and document locks of this database only.
        for (const pattern of [`${database}:*`, `lock:${database}:*`]) {
          let cursor = '0';
          do {
            const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1_000);
            cursor = next;
            if (keys.length > 0) await redis.del(...keys);
          } while (cursor !== '0');
        }
        await db.dropDatabase().catch((error) => log(`could not drop ${database}: ${error.message}`));
        const groups = await admin.listGroups().then(({ groups }) => groups.map((g) => g.groupId), () => []);
        const ours = groups.filter((id) => id === serviceGroup || id.startsWith(`${serviceGroup}.`));
        if (ours.length > 0) await admin.deleteGroups(ours).catch((error) => log(`could not delete groups ${ours.join(', ')}: ${error.message}`));
      }
      await Promise.allSettled([...openQueues.map((q) => q.close()), admin.disconnect(), mongo.close(), redis.quit()]);
    })();
    return cleaning;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      cleanup().finally(() => process.exit(130));
    });
  }
  // A hard bound on the whole run, whatever happens inside.
  const hardLimitMs = (15 * 60 + 6 * options.timeoutS) * 1000;
  const hardTimer = setTimeout(() => {
    log(`the run exceeded its hard limit of ${fmtS(hardLimitMs)}; cleaning up`);
    cleanup().finally(() => process.exit(3));
  }, hardLimitMs);
  hardTimer.unref();

  const serviceEnv = (overrides) => ({
    KAFKA_BROKERS: infra.KAFKA_BROKERS,
    MONGO_URL: infra.MONGO_URL,
    REDIS_URL: infra.REDIS_URL,
    HTTP_PORT: String(options.port),
    ATRIUM_IDENTITY_SECRET: BENCH_IDENTITY_SECRET,
    MONGO_DATABASE: database,
    KAFKA_CONSUMER_GROUP: serviceGroup,
    TWILIO_ACCOUNT_SID: infra.TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: infra.TWILIO_AUTH_TOKEN,
    TWILIO_API_BASE_URL: infra.TWILIO_API_BASE_URL,
    TWILIO_FROM: serviceFrom,
    // Status callbacks straight to the service (no gateway in between).
    TWILIO_WEBHOOK_BASE_URL: `http://127.0.0.1:${options.port}/twilio`,
    // Quiet hours none (equal start and end), caps out of the way: nothing is deferred or capped.
    SMS_QUIET_HOURS_START: '00:00',
    SMS_QUIET_HOURS_END: '00:00',
    SMS_MARKETING_CAP_MESSAGES: '100',
    ...overrides,
  });
  const startService = async (label, overrides) => {
    const inUse = await fetch(`http://127.0.0.1:${options.port}/health/live`).then(() => true, () => false);
    if (inUse) throw new Error(`port ${options.port} already answers HTTP; pick another with --port`);
    const startedAt = now();
    service = new ServiceChild(label, serviceEnv(overrides), options.port, options.profile);
    lastService = service;
    await service.ready(180_000);
    const readyMs = now() - startedAt;
    // At every start the service renews the members' 12-month spend once (spend-window.job.ts):
    // a query FerretDB answers by reading every member. Measured apart, not inside a phase.
    const projectionQueue = openQueues.find((q) => q.name === `sms-projection.${database}`) ?? queueOf(`sms-projection.${database}`);
    await waitFor("the service's start-up spend-window pass", async () => {
      service.assertAlive();
      const counts = await projectionQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return counts.waiting + counts.active + counts.prioritized === 0 ? true : undefined;
    }, timeoutMs, 500);
    log(`service started (${label}): ready after ${fmtS(readyMs)}, its start-up spend-window pass over the members done after ${fmtS(now() - startedAt)}`);
    return service;
  };
  const stopService = async () => {
    await service?.stop();
    service = undefined;
  };

  const N = options.members;
  log(`campaign-fanout run ${run}: ${fmtInt(N)} members, throttled at ${options.mps}/s, unthrottled ${fmtInt(options.unthrottledCount)} messages; database ${database}; ` +
    `the local Twilio endpoint holds ${fmtInt(health.messages)} messages; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const result = { run, members: N, mps: options.mps };

  try {
    // ---- set-up: members seeded as the projection stores them, groups at the topics' end.
    const skipped = await startAtTheEnd(admin, serviceGroup);
    log(`service groups start at the end of ${Object.entries(skipped).map(([t, n]) => `${t} (${fmtInt(n)} earlier messages not read)`).join(' and ')}`);
    const seedStart = now();
    await seedMembers(db, N, phoneBase);
    log(`seeded ${fmtInt(N)} members with marketing consent into ${database}.member_profiles in ${fmtS(now() - seedStart)}`);

    // ================================================================ phase 1: fan-out
    await startService('fan-out, sending worker off', { SMS_SENDING_WORKER: 'false', SMS_MESSAGES_PER_SECOND: String(options.mps) });
    const campaignId = await prepareCampaign(service, run);
    const sendQueue = queueOf(`sms-send.${database}`);
    const profileBefore = await service.profileDump();
    log(`phase 1: campaign ${campaignId} approved; sending now`);
    const cpuBefore = cpuSnapshot(service.pid);
    const sentAtWall = Date.now();
    const sendStart = now();
    await service.call('POST', `/campaigns/${campaignId}/send-now`, { headers: SPECIALIST, expected: 200 });
    const sendAnsweredMs = now() - sendStart;
    let lastReport = now();
    const frozen = await waitFor('the recipient list to be frozen', async () => {
      service.assertAlive();
      const campaign = await service.call('GET', `/campaigns/${campaignId}`, { expected: 200 });
      const list = campaign.recipientList;
      if (now() - lastReport > 15_000) {
        lastReport = now();
        log(`phase 1: after ${fmtS(now() - sendStart)}: ${list ? `${list.status}, ${fmtInt(list.selected)} selected, ${fmtInt(list.messages)} handed to delivery` : 'not started'}`);
      }
      if (list?.status === 'stopped') throw new FatalError('the freeze stopped (campaign cancelled?)');
      return list?.status === 'done' ? { campaign, seenMs: now() - sendStart } : undefined;
      // Once a second: each look is a read of the campaign on the same FerretDB the freeze is busy with.
    }, timeoutMs, 1_000);
    const cpuFanout = cpuDelta(cpuBefore, cpuSnapshot(service.pid));
    const profileAfter = await service.profileDump();
    const list = frozen.campaign.recipientList;
    const frozenMs = new Date(list.completedAt).getTime() - sentAtWall;
    const counts = await sendQueue.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'paused', 'completed', 'failed');
    const jobs = Object.values(counts).reduce((a, b) => a + b, 0);
    const recorded = (await db.command({ collStats: 'delivery_recipients' })).count;
    const check = list.selected === N && list.messages === N && list.excluded === 0 && jobs === N && recorded === N
      ? `${fmtInt(N)} selected, ${fmtInt(N)} messages recorded, ${fmtInt(N)} jobs in the sending queue`
      : `PROBLEMS: selected ${list.selected}, messages ${list.messages}, excluded ${list.excluded}, records ${recorded}, jobs ${jobs} (${JSON.stringify(counts)}); expected ${N}`;
    log(`phase 1: recipient list frozen and queued ${fmtS(frozenMs)} after "send" (freeze completedAt; the bench saw it at ${fmtS(frozen.seenMs)}; send-now answered in ${fmtS(sendAnsweredMs)})`);
    log(`           = ${fmtInt(N / seconds(frozenMs))} recipients/s; check: ${check}`);
    log(`           ${formatCpu(cpuFanout)}`);
    if (profileBefore && profileAfter) printProfile(diffProfile(profileBefore, profileAfter), frozenMs);

    const fanoutBaseline = await audienceBaseline(db, queueOf(baselineQueueNames.fanout), N, campaignId, sentAtWall);
    const fanoutRatio = frozenMs / fanoutBaseline.ms;
    log(`phase 1 baseline: one cursor over the ${fmtInt(fanoutBaseline.read)} members' message fields + queue.addBulk of the same jobs (1,000 per call) in ${fmtS(fanoutBaseline.ms)} = ${fmtInt(N / seconds(fanoutBaseline.ms))} jobs/s`);
    log(`phase 1: service ${fmtS(frozenMs)} vs baseline ${fmtS(fanoutBaseline.ms)}: ${fanoutRatio.toFixed(2)}× the baseline's time; target ≤ ${FANOUT_TARGET}×: ${fanoutRatio <= FANOUT_TARGET ? 'MET' : 'NOT MET'}`);
    await queueOf(baselineQueueNames.fanout).obliterate({ force: true });
    result.fanout = {
      serviceS: Number(seconds(frozenMs).toFixed(2)),
      baselineS: Number(seconds(fanoutBaseline.ms).toFixed(2)),
      ratio: Number(fanoutRatio.toFixed(2)),
      perS: Math.round(N / seconds(frozenMs)),
      met: fanoutRatio <= FANOUT_TARGET,
      checkOk: !check.startsWith('PROBLEMS'),
    };

    // The floors under the service's fan-out: the same documents read and written by the bare driver.
    if (options.floors) {
      const floors = await measureFloors(db, N, campaignId);
      log(`phase 1 floors (bare driver on FerretDB, service idle): read the ${fmtInt(N)} members with the freeze's filter in ${fmtS(floors.readMs)}; ` +
        `insertMany ${fmtInt(N)} recipient documents (5,000 per call, same indexes) in ${fmtS(floors.insertMs)}`);
      log(`           ${formatCpu(floors.cpu)}`);
      result.fanout.floors = { readS: Number(seconds(floors.readMs).toFixed(1)), insertS: Number(seconds(floors.insertMs).toFixed(1)) };
    }
    await stopService();
    // The sending phases draw on the campaign's queued messages.
    if (!options.fanoutOnly) {
      // ================================================================ phase 2: throttled
      const throttledLeft = await sendQueue.getWaitingCount();
      await startService(`throttled, ${options.mps}/s`, { SMS_MESSAGES_PER_SECOND: String(options.mps) });
      const started = await endpoint.countFrom(serviceFrom);
      await waitFor('the first messages at the endpoint', async () => {
        service.assertAlive();
        return (await endpoint.countFrom(serviceFrom)) > started ? true : undefined;
      }, 120_000, 200);
      await sleep(options.warmupS * 1000);
      const cpuThrottledBefore = cpuSnapshot(service.pid);
      const throttledProfileBefore = await service.profileDump();
      const throttledCommandsBefore = await service.commandsDump();
      const samples = await sampleEndpoint(endpoint, serviceFrom, { ms: options.windowS * 1000, service });
      const cpuThrottled = cpuDelta(cpuThrottledBefore, cpuSnapshot(service.pid));
      const throttledCommands = diffCounts(throttledCommandsBefore, await service.commandsDump());
      const throttledProfileAfter = await service.profileDump();
      const first = samples[0];
      const last = samples.at(-1);
      const throttledRate = (last.count - first.count) / seconds(last.t - first.t);
      const deviation = throttledRate / options.mps - 1;
      const perSecond = samples.slice(1).map((s, i) => (s.count - samples[i].count) / seconds(s.t - samples[i].t));
      log(`phase 2: ${fmtInt(last.count - first.count)} messages at the endpoint in ${fmtS(last.t - first.t)} (after ${options.warmupS} s of warm-up) = ${throttledRate.toFixed(1)}/s ` +
        `against SMS_MESSAGES_PER_SECOND=${options.mps}: ${fmtPct(deviation)}; target within ±2 %: ${Math.abs(deviation) <= 0.02 ? 'MET' : 'NOT MET'}`);
      log(`           each second: min ${Math.min(...perSecond).toFixed(0)}/s, max ${Math.max(...perSecond).toFixed(0)}/s (the bench's samples, about 1 s apart)`);
      log(`           ${formatCpu(cpuThrottled)}`);
      printCommands(throttledCommands, last.count - first.count, 'phase 2');
      if (throttledProfileBefore && throttledProfileAfter) printProfile(diffProfile(throttledProfileBefore, throttledProfileAfter), last.t - first.t, 'the throttled window', 16);
      result.throttled = { configuredPerS: options.mps, measuredPerS: Number(throttledRate.toFixed(1)), deviation: Number(deviation.toFixed(4)), windowS: Number(seconds(last.t - first.t).toFixed(1)), met: Math.abs(deviation) <= 0.02 };
      await stopService();

      // ================================================================ phase 3: unthrottled
      const M = options.unthrottledCount;
      const warm = warmCount(M);
      const left = await sendQueue.getWaitingCount();
      log(`phase 3: ${fmtInt(left)} of the campaign's ${fmtInt(throttledLeft)} jobs still waiting; the service again at SMS_MESSAGES_PER_SECOND=${MAX_MPS} (concurrency ${concurrencyFor(MAX_MPS)})`);
      await startService(`unthrottled, ${MAX_MPS}/s`, { SMS_MESSAGES_PER_SECOND: String(MAX_MPS) });
      const unthrottled = await timeMessages(endpoint, serviceFrom, { base: await endpoint.countFrom(serviceFrom), warm, count: M, maxMs: options.unthrottledMaxS * 1000, service, timeoutMs });
      log(`phase 3: service  ${fmtInt(unthrottled.sent)} messages in ${fmtS(unthrottled.ms)} = ${unthrottled.rate.toFixed(1)}/s at the endpoint (after a warm-up of ${warm} messages or 30 s${unthrottled.sent < M ? `; stopped at --unthrottled-max-s ${options.unthrottledMaxS} before ${fmtInt(M)}` : ''})`);
      log(`           ${formatCpu(unthrottled.cpu)}`);
      if (unthrottled.commands) printCommands(unthrottled.commands, unthrottled.sent, 'phase 3: service');
      if (unthrottled.profile) printProfile(unthrottled.profile, unthrottled.ms, 'the unthrottled window', 16);
      await stopService();

      // Status callbacks of the baseline's messages go to a sink answering 204, as the service answers its own.
      sink = await startSink();
      const bare = await bareWorkerBaseline({
        queue: queueOf(baselineQueueNames.send),
        infra,
        redisOptions,
        from: baselineFrom,
        statusCallback: `http://127.0.0.1:${sink.port}/status`,
        endpoint,
        warm,
        // The same number of messages the service sent in its window.
        count: Math.max(100, unthrottled.sent),
        phoneBase,
        timeoutMs,
      });
      log(`phase 3: baseline ${fmtInt(bare.sent)} messages in ${fmtS(bare.ms)} = ${bare.rate.toFixed(1)}/s (bare BullMQ worker, concurrency ${concurrencyFor(MAX_MPS)}, limiter ${MAX_MPS}/s, twilio SDK messages.create; ${fmtInt(sink.received())} status callbacks to the sink)`);
      log(`           ${formatCpu(bare.cpu)}`);
      const unthrottledRatio = unthrottled.rate / bare.rate;
      log(`phase 3: ratio service/baseline = ${unthrottledRatio.toFixed(3)}`);
      result.unthrottled = {
        serviceMessages: unthrottled.sent,
        serviceS: Number(seconds(unthrottled.ms).toFixed(1)),
        servicePerS: Number(unthrottled.rate.toFixed(1)),
        baselineMessages: bare.sent,
        baselinePerS: Number(bare.rate.toFixed(1)),
        ratio: Number(unthrottledRatio.toFixed(3)),
        met: unthrottledRatio >= SENDING_TARGET,
        ...(unthrottled.commands ? { commandsPerMessage: Number((unthrottled.commands.total / Math.max(1, unthrottled.sent)).toFixed(2)), commands: unthrottled.commands } : {}),
      };
    }
  } finally {
    await cleanup();
    clearTimeout(hardTimer);
  }

  console.log('');
  console.log(`campaign-fanout  members=${fmtInt(N)}  (${new Date().toISOString().slice(0, 16)}Z, run ${run}, load ${os.loadavg()[0].toFixed(1)})`);
  if (result.fanout) {
    console.log(`  fan-out     send → every message queued  ${result.fanout.serviceS.toFixed(1)} s   baseline cursor + addBulk ${result.fanout.baselineS.toFixed(1)} s   ratio ${result.fanout.ratio}×   target ≤ ${FANOUT_TARGET}×: ${result.fanout.met ? 'MET' : 'NOT MET'}`);
  }
  if (result.throttled) console.log(`  throttled   ${result.throttled.measuredPerS}/s against ${result.throttled.configuredPerS}/s: ${fmtPct(result.throttled.deviation)}   target ±2 %: ${result.throttled.met ? 'MET' : 'NOT MET'}`);
  if (result.unthrottled) {
    console.log(`  unthrottled service ${result.unthrottled.servicePerS}/s (${fmtInt(result.unthrottled.serviceMessages)} messages)   bare BullMQ worker ${result.unthrottled.baselinePerS}/s (${fmtInt(result.unthrottled.baselineMessages)})   ratio ${result.unthrottled.ratio}   target ≥ ${SENDING_TARGET}: ${result.unthrottled.met ? 'MET' : 'NOT MET'}`);
    if (result.unthrottled.commandsPerMessage !== undefined) console.log(`  statements  ${result.unthrottled.commandsPerMessage} MongoDB commands per message sent   goal ≤ ${STATEMENTS_GOAL}: ${result.unthrottled.commandsPerMessage <= STATEMENTS_GOAL ? 'MET' : 'NOT MET'}`);
  }
  console.log(`RESULT ${JSON.stringify(result)}`);
  log(`result written to ${path.relative(ROOT, writeResultFile(ROOT, { benchmark: 'campaign-fanout', run, workload: { members: N, messagesPerS: options.mps }, rows: campaignRows(result) }))}`);
}

/** The rows of docs/benchmarks/campaign-fanout.json from the phases that ran. */
function campaignRows({ fanout, throttled, unthrottled, members }) {
  const rows = [];
  if (fanout) {
    rows.push({
      metric: `send → ${fmtInt(members)} recipients queued`,
      value: fanout.serviceS,
      unit: 's',
      baseline: "a bare cursor over the audience's message fields + BullMQ addBulk of the same jobs",
      baselineValue: fanout.baselineS,
      ratio: fanout.ratio,
      target: `ratio ≤ ${FANOUT_TARGET}`,
      met: fanout.met,
    });
  }
  if (throttled) {
    rows.push({
      metric: `sending rate throttled at ${throttled.configuredPerS}/s`,
      value: throttled.measuredPerS,
      unit: 'messages/s',
      baseline: null,
      baselineValue: null,
      ratio: null,
      target: null,
      met: null,
    });
  }
  if (unthrottled) {
    rows.push({
      metric: 'sending rate unthrottled',
      value: unthrottled.servicePerS,
      unit: 'messages/s',
      baseline: 'bare BullMQ worker calling the same Twilio endpoint',
      baselineValue: unthrottled.baselinePerS,
      ratio: unthrottled.ratio,
      target: `ratio ≥ ${SENDING_TARGET}`,
      met: unthrottled.met,
    });
    if (unthrottled.commandsPerMessage !== undefined) {
      rows.push({
        metric: 'database statements per message sent (MongoDB commands, unthrottled window)',
        value: unthrottled.commandsPerMessage,
        unit: 'commands/message',
        baseline: null,
        baselineValue: null,
        ratio: null,
        target: `≤ ${STATEMENTS_GOAL}`,
        met: unthrottled.commandsPerMessage <= STATEMENTS_GOAL,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Set-up

/**
 * Starts the service's fresh groups at the end of the topics it reads (they hold every earlier
 * test's events, which a fresh group would otherwise work through, welcoming every registration
 * younger than a day). Both group namings: `<group>` and `<group>.<topic>`.
 */
async function startAtTheEnd(admin, serviceGroup) {
  const existing = new Set(await admin.listTopics());
  const skipped = {};
  for (const topic of CONSUMED_TOPICS) {
    if (!existing.has(topic)) continue;
    const offsets = await admin.fetchTopicOffsets(topic);
    skipped[topic] = offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
    const partitions = offsets.map((o) => ({ partition: o.partition, offset: o.high }));
    for (const groupId of [serviceGroup, `${serviceGroup}.${topic}`]) await admin.setOffsets({ groupId, topic, partitions });
  }
  return skipped;
}

/**
 * N registered members with marketing consent, English, in the shape the projection writes
 * (services/sms-campaign/src/members/member-projection.ts: registered, then a profile update
 * naming the language, then consent), straight into the fresh database.
 */
async function seedMembers(db, count, phoneBase) {
  const registeredAt = new Date(Date.now() - 86_400_000);
  const changedAt = new Date(Date.now() - 3_600_000);
  const collection = db.collection('member_profiles');
  const batch = (start, end) => {
    const documents = [];
    for (let i = start; i < end; i++) {
      documents.push({
        _id: randomUUID(),
        registered: true,
        erased: false,
        name: `Shopper ${i}`,
        phone: phoneOf(phoneBase, i),
        language: 'en',
        registeredAt,
        registrationChannel: 'desk',
        tags: [],
        marketingConsent: { granted: true, at: changedAt },
        smsOptedOut: false,
        cardState: 'active',
        pointsBalance: 0,
        spendLast12MonthsMinor: 0,
        phoneInvalid: false,
        profileChangedAt: changedAt,
        spendByMonth: {},
        recentPointsEvents: [],
      });
    }
    return documents;
  };
  // The collection first, then one insert at a time: concurrent first writes into a new
  // collection have hung FerretDB v1 (2026-11-27, two parallel insertMany on a fresh database).
  await db.createCollection('member_profiles');
  const CHUNK = 1_000;
  let lastReport = now();
  for (let start = 0; start < count; start += CHUNK) {
    await bounded('inserting 1,000 members', collection.insertMany(batch(start, Math.min(count, start + CHUNK)), { ordered: false }), 120_000);
    if (now() - lastReport > 15_000) {
      lastReport = now();
      log(`seeding: ${fmtInt(Math.min(count, start + CHUNK))} of ${fmtInt(count)} members`);
    }
  }
}

/** A segment of everyone with consent, an approved compliant template, a campaign approved by a second member of staff. */
async function prepareCampaign(service, run) {
  const name = `bench ${run}`;
  const segment = await service.call('POST', '/segments', { body: { name, rule: { consent: 'granted' } }, headers: SPECIALIST, expected: 201 });
  const template = await service.call('POST', '/templates', { body: { name, kind: 'marketing', bodies: { en: TEMPLATE } }, headers: SPECIALIST, expected: 201 });
  await service.call('POST', `/templates/${template.id}/approve`, { headers: SUPERVISOR, expected: 200 });
  const campaign = await service.call('POST', '/campaigns', { body: { name, segmentId: segment.id, templateId: template.id, kind: 'marketing' }, headers: SPECIALIST, expected: 201 });
  await service.call('POST', `/campaigns/${campaign.id}/submit`, { headers: SPECIALIST, expected: 200 });
  await service.call('POST', `/campaigns/${campaign.id}/approve`, { headers: SUPERVISOR, expected: 200 });
  return campaign.id;
}

// ---------------------------------------------------------------------------------------------
// Baselines and floors

/**
 * The fan-out's baseline: the unavoidable work of queueing every recipient's message. One cursor
 * over the audience (the freeze's filter) reading only the fields a message needs, and for each
 * member the job the service queues (its name, id and data: the message with its rendered text),
 * 1,000 per addBulk, one call at a time, into a fresh queue.
 */
async function audienceBaseline(db, queue, count, campaignId, evaluatedAtMs) {
  const filter = { registered: true, erased: false, $and: [{ $and: [{ 'marketingConsent.granted': { $eq: true } }, { registeredAt: { $lte: new Date(evaluatedAtMs) } }] }] };
  const projection = { name: 1, phone: 1, language: 1 };
  const start = now();
  let read = 0;
  let jobs = [];
  for await (const member of db.collection('member_profiles').find(filter, { projection }).batchSize(2_000)) {
    read++;
    const recipientId = `${campaignId}:baseline-${member._id}`;
    const body = renderFor(member.name);
    jobs.push({
      name: 'send-message',
      data: { recipientId, message: { kind: 'marketing', campaignId, memberId: member._id, phone: member.phone, body, segments: 1 } },
      opts: { jobId: encodeURIComponent(recipientId), delay: 0, attempts: 8, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: true },
    });
    if (jobs.length === 1_000) {
      await queue.addBulk(jobs);
      jobs = [];
    }
  }
  if (jobs.length > 0) await queue.addBulk(jobs);
  if (read !== count) log(`phase 1 baseline: read ${read} members, expected ${count}`);
  return { ms: now() - start, read };
}

/**
 * What the fan-out cannot go below on this FerretDB: reading the members with the freeze's
 * filter (live members with consent registered before now, one cursor, batches of 2,000), and
 * inserting as many recipient-shaped documents into a scratch collection with the recipient
 * collection's indexes (5,000 per insertMany, as delivery does).
 */
async function measureFloors(db, count, campaignId) {
  const before = cpuSnapshot(undefined);
  const readStart = now();
  // As MemberProfilesRepository.stream builds it for the segment {consent: "granted"} (live members, registered before the start, bookkeeping left out).
  const filter = { registered: true, erased: false, $and: [{ $and: [{ 'marketingConsent.granted': { $eq: true } }, { registeredAt: { $lte: new Date() } }] }] };
  const projection = { cardNumber: 0, cardChangedAt: 0, profileChangedAt: 0, smsOptedInAt: 0, spendByMonth: 0, spendMonth: 0, recentPointsEvents: 0 };
  let read = 0;
  for await (const document of db.collection('member_profiles').find(filter, { projection }).batchSize(2_000)) if (document) read++;
  const readMs = now() - readStart;
  if (read !== count) log(`floors: read ${read} members, expected ${count}`);

  const scratch = db.collection('bench_floor_recipients');
  await scratch.createIndexes([{ key: { campaignId: 1, status: 1 } }, { key: { messageSid: 1 } }, { key: { status: 1 } }, { key: { phone: 1 } }]);
  const at = new Date();
  const insertStart = now();
  for (let from = 0; from < count; from += 5_000) {
    const documents = [];
    for (let i = from; i < Math.min(count, from + 5_000); i++) {
      documents.push({
        _id: `${campaignId}:floor-${i}`,
        kind: 'marketing',
        campaignId,
        memberId: randomUUID(),
        phone: `+8525${String(i).padStart(7, '0')}`,
        language: 'en',
        body: renderFor(`Shopper ${i}`),
        segments: 1,
        status: 'pending',
        notBefore: at,
        optOutCaused: false,
        createdAt: at,
        updatedAt: at,
      });
    }
    await bounded('inserting 5,000 scratch recipients', scratch.insertMany(documents, { ordered: false }), 300_000);
  }
  const insertMs = now() - insertStart;
  const cpu = cpuDelta(before, cpuSnapshot(undefined));
  await scratch.drop();
  return { readMs, insertMs, cpu };
}

/**
 * Times messages at the endpoint once `warm` more than `base` have arrived (connections open, the
 * limiter and caches warm; at most 30 s of warm-up): from the sample where the count passed the
 * warm-up to the one where it reached base + warm + count, or to `maxMs` later if that comes
 * first; the rate is over the messages that arrived between the two samples.
 */
async function timeMessages(endpoint, from, { base, warm, count, maxMs, service, timeoutMs }) {
  let clockStart;
  const warmStart = now();
  await waitFor(`${warm} warm-up messages`, async () => {
    service?.assertAlive();
    const seen = await endpoint.countFrom(from);
    if (seen >= base + warm || (seen > base && now() - warmStart > 30_000)) {
      clockStart = { t: now(), count: seen };
      return true;
    }
    return undefined;
  }, Math.min(timeoutMs, 300_000), 100);
  const before = cpuSnapshot(service?.pid);
  const profileBefore = await service?.profileDump();
  const commandsBefore = await service?.commandsDump();
  let end;
  await waitFor(`${count} messages at the endpoint`, async () => {
    service?.assertAlive();
    const seen = await endpoint.countFrom(from);
    // Counted from `base`: a sender with a fixed number of jobs (the baseline) ends at base + warm + count.
    if (seen >= base + warm + count || now() - clockStart.t >= maxMs) {
      end = { t: now(), count: seen };
      return true;
    }
    return undefined;
  }, timeoutMs, 100);
  const cpu = cpuDelta(before, cpuSnapshot(service?.pid));
  const commandsAfter = await service?.commandsDump();
  const profileAfter = await service?.profileDump();
  const ms = end.t - clockStart.t;
  const sent = end.count - clockStart.count;
  const commands = commandsBefore && commandsAfter ? diffCounts(commandsBefore, commandsAfter) : undefined;
  return { ms, sent, rate: sent / seconds(ms), cpu, commands, profile: profileBefore && profileAfter ? diffProfile(profileBefore, profileAfter) : undefined };
}

/** A bare HTTP server answering every POST with 204: where the baseline's status callbacks go. */
async function startSink() {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, received: () => received, close: () => server.close() };
}

/**
 * The simplest sender: a BullMQ worker with the service's concurrency and limiter at the
 * maximum rate, whose processor calls messages.create through the service's own Twilio client
 * set-up (dist/twilio/twilio-client.factory.js: the SDK, keep-alive, the base URL) with the
 * same parameters the service sends (To, From, Body, StatusCallback). No records, no checks.
 */
async function bareWorkerBaseline({ queue, infra, redisOptions, from, statusCallback, endpoint, warm, count, phoneBase, timeoutMs }) {
  const { createTwilioClient } = require(path.join(SERVICE_DIST, 'twilio', 'twilio-client.factory.js'));
  const client = createTwilioClient({ accountSid: infra.TWILIO_ACCOUNT_SID, authToken: infra.TWILIO_AUTH_TOKEN, apiBaseUrl: infra.TWILIO_API_BASE_URL, timeoutMs: 15_000 });
  const total = warm + count;
  for (let start = 0; start < total; start += 1_000) {
    const jobs = [];
    for (let i = start; i < Math.min(total, start + 1_000); i++) {
      jobs.push({ name: 'send-message', data: { to: phoneOf(phoneBase, i), body: renderFor(`Shopper ${i}`) }, opts: { jobId: `baseline-${i}`, removeOnComplete: true, attempts: 8, backoff: { type: 'exponential', delay: 2_000 } } });
    }
    await queue.addBulk(jobs);
  }
  let failed = 0;
  const worker = new Worker(queue.name, async (job) => {
    await client.messages.create({ to: job.data.to, from, body: job.data.body, statusCallback });
  }, {
    connection: { url: infra.REDIS_URL, ...redisOptions },
    prefix: QUEUE_PREFIX,
    concurrency: concurrencyFor(MAX_MPS),
    limiter: { max: MAX_MPS, duration: 1_000 },
  });
  worker.on('failed', () => failed++);
  try {
    // A fresh sender number: nothing from it before this worker.
    const timed = await timeMessages(endpoint, from, { base: 0, warm, count, maxMs: timeoutMs, service: undefined, timeoutMs });
    if (failed > 0) log(`phase 3 baseline: ${failed} job attempts failed (retried)`);
    return timed;
  } finally {
    await worker.close();
  }
}

/** Commands sent between two dumps, by key, and their total. */
function diffCounts(before, after) {
  const byKey = {};
  let total = 0;
  for (const [key, count] of Object.entries(after)) {
    const delta = count - (before[key] ?? 0);
    if (delta > 0) {
      byKey[key] = delta;
      total += delta;
    }
  }
  return { total, byKey };
}

/** The commands of a window, per message sent, largest first. */
function printCommands(commands, messages, what) {
  log(`${what}: ${fmtInt(commands.total)} MongoDB commands for ${fmtInt(messages)} messages = ${(commands.total / Math.max(1, messages)).toFixed(2)} per message (driver command monitoring in the service)`);
  for (const [key, count] of Object.entries(commands.byKey).sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    log(`    ${(count / Math.max(1, messages)).toFixed(3).padStart(7)} per message  ${fmtInt(count).padStart(8)}  ${key}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The service's profile (--profile)

function diffProfile(before, after) {
  const rows = [];
  for (const [key, value] of Object.entries(after.ops)) {
    const prior = before.ops[key] ?? { n: 0, ms: 0, items: 0 };
    const n = value.n - prior.n;
    if (n > 0) rows.push({ key, n, ms: value.ms - prior.ms, items: value.items - prior.items });
  }
  return rows.sort((a, b) => b.ms - a.ms);
}

function printProfile(rows, wallMs, what = 'send → frozen', top = 24) {
  log(`           where the service's time went (op-timer.cjs; concurrent calls add up; ${what} ${fmtS(wallMs)}):`);
  for (const row of rows.slice(0, top)) {
    const perItem = row.items > 0 ? `  ${(row.ms / row.items * 1000).toFixed(0)} µs/item over ${fmtInt(row.items)}` : '';
    log(`             ${row.key.padEnd(62)} ${fmtInt(row.n).padStart(7)} calls ${fmtS(row.ms).padStart(9)}  ${(row.ms / row.n).toFixed(1).padStart(8)} ms/call${perItem}`);
  }
}

/** The latest service child, for its output when the run fails. */
let lastService;

main().catch((error) => {
  console.error(`campaign-fanout: ${error.stack ?? error.message}`);
  if (lastService?.tail.length) console.error(`the sms-campaign service's last output:\n${lastService.tail.slice(-40).join('\n')}`);
  process.exit(1);
});
