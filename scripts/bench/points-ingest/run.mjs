#!/usr/bin/env node
// How fast does the points service turn tills' sales into ledger entries, compared with the
// simplest consumer that could store the same messages?
//
// Produces N sales (default 200,000) as real envelopes and measures sales per second from the
// first produce until the last of them is written, twice in the same run:
//
//   baseline  a minimal kafkajs eachBatch consumer (fresh group, fresh topic of 6 partitions)
//             that JSON-parses each message, insertMany({ ordered: false })s one ledger document
//             per message (duplicates ignored) and applies one $inc per distinct account of the
//             batch in one bulkWrite (in commands of 16, as FerretDB needs). No rules, no locks.
//   service   the built points service (services/points/dist/main.js) as a child process with
//             a fresh database and consumer group, reading topic `purchases` in batches and
//             pricing, writing and posting every sale (see purchase-ingest.service.ts).
//
// Both get the same message bytes, produced the same way. The result is the ratio
// service/baseline (absolute rates vary too much on a shared machine); the target is >= 0.7.
//
//   node scripts/bench/points-ingest/run.mjs [--count 200000] [--members 1000] [--repeats 1]
//        [--port 13202] [--timeout-s 900] [--members-via seed|events] [--replicas 1|2] [--profile] [--keep] [--strict]
//
// With --replicas 2 each repeat measures the service twice: one process, then two sharing the
// purchases partitions (one consumer group), and prints the two-replica rate against one; every
// account's balance is then checked against the sales, so a sale done twice would show.
//
// The service's fresh consumer groups start at the end of the shared topics (earlier tests'
// events are not worked through first), and the members' accounts are seeded in its fresh
// database; the N sales themselves stay on the shared topic `purchases` (see README.md).
//
// See README.md beside this file for what each phase does and how to read the output.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
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
const infraPids = () => infraPidsUnder(ROOT, ['kafka', 'ferretdb', 'postgres', 'redis']);
const require = createRequire(path.join(ROOT, 'package.json'));
const { Kafka, Partitioners, logLevel } = require('kafkajs');
const { MongoClient } = require('mongodb');
const { Redis } = require('ioredis');
const { timestampFromDate } = require('@bufbuild/protobuf/wkt');
const { TOPICS, PurchaseRecordedSchema, MemberRegisteredSchema, CardIssuedSchema, RegistrationChannel, TenantRegisteredSchema, TenantStatus } = require('@atrium/contracts');
const { EventCodec } = require('@atrium/messaging');

const SERVICE_ENTRY = path.join(ROOT, 'services', 'points', 'dist', 'main.js');
const OP_TIMER = path.join(HERE, 'op-timer.cjs');
const PARTITIONS = 6; // TOPICS.purchases.partitions; the baseline topic gets the same
const POINTS_TOPIC = TOPICS.pointsEvents.name;
const PURCHASES_TOPIC = TOPICS.purchases.name;

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `usage: node scripts/bench/points-ingest/run.mjs [options]
  --count N          sales per measurement (default 200000, at most 1000000)
  --members N        members the sales are spread over (default 1000, at most 20000)
  --repeats N        baseline+service pairs, interleaved (default 1, at most 5)
  --port N           HTTP port of the points service child (default 13202)
  --timeout-s N      bound on every wait of a measured phase (default 900)
  --inflight N       concurrent produce requests of 1,000 messages (default 2)
  --members-via M    seed (default): accounts written to the bench database before the service
                     starts; events: member.registered + member.card-issued on the shared member
                     events topic (adds 2 messages per member there for every later reader)
  --replicas N       1 (default) or 2: also measure two service processes sharing the partitions
  --profile          run the service with op-timer.cjs and print where its time went
  --keep             keep the bench database, topics and groups (default: removed)
  --strict           exit 1 when the ratio is below the target`;

function parseArgs(argv) {
  const options = { count: 200_000, members: 1_000, repeats: 1, replicas: 1, port: 13202, timeoutS: 900, inflight: 2, membersVia: 'seed', profile: false, keep: false, strict: false };
  const numeric = { '--count': 'count', '--members': 'members', '--repeats': 'repeats', '--port': 'port', '--timeout-s': 'timeoutS', '--inflight': 'inflight', '--replicas': 'replicas' };
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
    } else if (flag === '--members-via') {
      const value = inline ?? argv[++i];
      if (value !== 'seed' && value !== 'events') fail(`--members-via is seed or events, got ${value}`);
      options.membersVia = value;
    } else if (flag === '--profile') options.profile = true;
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--strict') options.strict = true;
    else fail(`unknown option ${argv[i]}\n${USAGE}`);
  }
  if (options.count > 1_000_000) fail('--count is at most 1000000');
  if (options.members > 20_000) fail('--members is at most 20000');
  if (options.members < PARTITIONS) fail(`--members is at least ${PARTITIONS}`);
  if (options.repeats > 5) fail('--repeats is at most 5');
  if (options.replicas !== 1 && options.replicas !== 2) fail('--replicas is 1 or 2');
  if (options.replicas === 2 && options.profile) fail('--profile times one process: use it without --replicas 2');
  if (options.timeoutS > 3_600) fail('--timeout-s is at most 3600');
  if (options.inflight > 16) fail('--inflight is at most 16');
  return options;
}

function fail(message) {
  console.error(`points-ingest: ${message}`);
  process.exit(2);
}

/** The servers' addresses (scripts/bench/lib/infra-env.mjs): loopback only. */
function infraEnv() {
  return readInfraEnv(ROOT, ['KAFKA_BROKERS', 'MONGO_URL', 'REDIS_URL'], fail);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const seconds = (ms) => ms / 1000;

// ---------------------------------------------------------------------------------------------
// CPU accounting: which process spent the machine's two cores during a phase (from /proc).

function cpuSnapshot(servicePids = []) {
  const table = readProcTable();
  const pids = infraPids();
  const usage = process.cpuUsage();
  return {
    at: now(),
    machine: machineTicks(),
    bench: (usage.user + usage.system) / 1e6,
    service: servicePids.reduce((sum, pid) => sum + seconds((treeTicks(table, pid) ?? 0) * (1000 / CLK_TCK)), 0),
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, seconds((treeTicks(table, pid) ?? 0) * (1000 / CLK_TCK))])),
  };
}

function cpuDelta(before, after) {
  const wall = seconds(after.at - before.at);
  const total = after.machine.total - before.machine.total;
  const busy = total > 0 ? 1 - (after.machine.idle - before.machine.idle) / total : 0;
  const parts = {};
  for (const name of ['service', 'ferretdb', 'postgres', 'kafka', 'redis', 'bench']) parts[name] = Math.max(0, after[name] - before[name]);
  return { wall, busy, parts };
}

function formatCpu(delta) {
  const parts = Object.entries(delta.parts)
    .filter(([, s]) => s > 0.05)
    .map(([name, s]) => `${name} ${s.toFixed(1)}`)
    .join(', ');
  return `CPU-seconds in ${delta.wall.toFixed(1)} s wall: ${parts}; machine ${(delta.busy * 100).toFixed(0)}% busy of ${os.cpus().length} cores`;
}

// ---------------------------------------------------------------------------------------------
// The events, encoded as the member service and tills would (as services/points/test/support/feed.ts).

const codec = new EventCodec([TOPICS.memberEvents, TOPICS.purchases, TOPICS.merchantEvents]);

function makeMembers(count) {
  const stamp = String(Date.now()).slice(-8);
  return Array.from({ length: count }, (_, index) => ({
    memberId: randomUUID(),
    phone: `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    cardNumber: `77${stamp}${String(index).padStart(6, '0')}`,
  }));
}

function memberMessages(members) {
  return members.flatMap((member) => {
    const metadata = () => ({ eventId: randomUUID(), key: member.memberId, occurredAt: new Date(), producer: 'member', traceId: randomUUID() });
    return [
      {
        key: member.memberId,
        value: codec.encode(
          TOPICS.memberEvents,
          'member.registered',
          MemberRegisteredSchema,
          { memberId: member.memberId, phone: member.phone, name: 'Bench Shopper', channel: RegistrationChannel.DESK, registeredAt: timestampFromDate(new Date()) },
          metadata(),
        ),
      },
      {
        key: member.memberId,
        value: codec.encode(
          TOPICS.memberEvents,
          'member.card-issued',
          CardIssuedSchema,
          { memberId: member.memberId, cardNumber: member.cardNumber, issuedAt: timestampFromDate(new Date()) },
          metadata(),
        ),
      },
    ];
  });
}

function tenantRegisteredMessage(tenantId) {
  const eventId = randomUUID();
  const tenant = { tenantId, brand: 'Bench tenant', legalName: 'Bench tenant Ltd', unitNumber: 'B-1', floor: 'L1', category: 'other', status: TenantStatus.OPEN, revision: 1n, changedAt: timestampFromDate(new Date()) };
  return {
    key: tenantId,
    value: codec.encode(TOPICS.merchantEvents, 'tenant.registered', TenantRegisteredSchema, { tenant }, { eventId, key: tenantId, occurredAt: new Date(), producer: 'merchant-discount', traceId: eventId }),
  };
}

function saleMessage({ receiptNumber, tenantId, cardNumber, amountMinor, occurredAt }) {
  const eventId = randomUUID();
  return {
    key: cardNumber,
    value: codec.encode(
      TOPICS.purchases,
      'purchase.recorded',
      PurchaseRecordedSchema,
      { receiptNumber, tenantId, cardNumber, amountMinor: BigInt(amountMinor), currency: 'CNY', occurredAt: timestampFromDate(occurredAt), category: '' },
      { eventId, key: cardNumber, occurredAt: new Date(), producer: 'pos-bench', traceId: eventId },
    ),
  };
}

/**
 * N sales of one repeat, spread round-robin over the members, amounts 1.00 to 999.99 yuan
 * (deterministic), and the points each member should earn from them under the default rules.
 */
function makeSales(run, repeat, tenantId, members, count, tag = `r${repeat}`) {
  const occurredAt = new Date();
  const messages = new Array(count);
  const expected = new Map();
  for (let i = 0; i < count; i++) {
    const member = members[i % members.length];
    const amountMinor = 100 + ((i * 7_919 + repeat * 104_729) % 99_900);
    messages[i] = saleMessage({ receiptNumber: `BENCH-${run}-${tag}-${i}`, tenantId, cardNumber: member.cardNumber, amountMinor, occurredAt });
    expected.set(member.memberId, (expected.get(member.memberId) ?? 0) + Math.floor(amountMinor / 100));
  }
  return { messages, expected, bytes: messages.reduce((sum, m) => sum + m.value.length, 0) };
}

/** Sends in requests of 1,000 messages, `inflight` at a time, each acknowledged by all replicas. */
async function produce(producer, topic, messages, inflight) {
  let next = 0;
  const worker = async () => {
    while (next < messages.length) {
      const start = next;
      next += 1_000;
      await producer.send({ topic, acks: -1, messages: messages.slice(start, start + 1_000) });
    }
  };
  await Promise.all(Array.from({ length: inflight }, worker));
}

// ---------------------------------------------------------------------------------------------
// The points service as a child process

class ServiceChild {
  constructor(env, port, profile) {
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.tail = [];
    this.profile = profile;
    const args = [...(profile ? ['-r', OP_TIMER] : []), SERVICE_ENTRY];
    this.child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      // With --profile, op-timer.cjs answers over an IPC channel (signals would stop the service: Nest's shutdown hooks take SIGUSR2 too).
      stdio: profile ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.tail.push(line);
      if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
    };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.stopping = false;
    this.child.on('exit', (code, signal) => {
      if (!this.stopping) log(`the points service (pid ${this.child.pid}) exited by itself: ${signal ?? `code ${code}`}; last output:\n${this.tail.slice(-20).join('\n')}`);
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
    if (!this.alive) throw new FatalError(`the points service exited (${this.child.exitCode ?? this.child.signalCode}); its last output:\n${this.tail.slice(-40).join('\n')}`);
  }

  async ready(timeoutMs) {
    await waitFor(`the points service at ${this.url}/health/ready`, async () => {
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
    const timer = setTimeout(() => this.alive && this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  async json(pathname, init) {
    const request = () => fetch(`${this.url}${pathname}`, {
      ...init,
      headers: signedHeaders(init?.method ?? 'GET', pathname, init?.headers),
      signal: AbortSignal.timeout(30_000),
    });
    // A read on a kept-alive connection the server closed at that moment fails (ECONNRESET); reads are asked again once.
    const response = await request().catch((error) => {
      if ((init?.method ?? 'GET') !== 'GET' || !this.alive) throw error;
      return sleep(200).then(request);
    });
    if (!response.ok) return { status: response.status, body: undefined };
    return { status: response.status, body: await response.json() };
  }

  /** The service's own counters (Prometheus text): events handled and published. */
  async counters() {
    const response = await fetch(`${this.url}/metrics`, { signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    const sum = (metric, want) => {
      let total = 0;
      for (const line of text.split('\n')) {
        if (!line.startsWith(`${metric}{`)) continue;
        const labels = Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
        if (Object.entries(want).every(([k, v]) => labels[k] === v)) total += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
      return total;
    };
    return {
      handled: sum('atrium_events_consumed_total', { topic: PURCHASES_TOPIC, outcome: 'handled' }),
      memberEventsHandled: sum('atrium_events_consumed_total', { topic: TOPICS.memberEvents.name, outcome: 'handled' }),
      retried: sum('atrium_events_consumed_total', { topic: PURCHASES_TOPIC, outcome: 'retried' }),
      deadLettered: sum('atrium_events_consumed_total', { topic: PURCHASES_TOPIC, outcome: 'dead-lettered' }),
      earnedPublished: sum('atrium_events_published_total', { topic: POINTS_TOPIC, type: 'points.earned' }),
    };
  }

  /** With --profile: asks op-timer.cjs in the child for its cumulative totals. */
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
    return bounded('the service\'s op-timer totals', answer, 10_000);
  }
}

/**
 * One or more points service processes in the same consumer group (replicas sharing the
 * partitions), seen by the bench as one service: HTTP goes to the first, counters are summed.
 */
class ServiceSet {
  constructor(env, port, profile, replicas) {
    this.children = Array.from({ length: replicas }, (_, index) => new ServiceChild({ ...env, HTTP_PORT: String(port + index) }, port + index, profile));
  }

  get pids() {
    return this.children.map((child) => child.pid);
  }

  get tail() {
    return this.children.flatMap((child) => child.tail);
  }

  assertAlive() {
    for (const child of this.children) child.assertAlive();
  }

  async ready(timeoutMs) {
    await Promise.all(this.children.map((child) => child.ready(timeoutMs)));
  }

  async stop() {
    await Promise.all(this.children.map((child) => child.stop()));
  }

  json(pathname, init) {
    return this.children[0].json(pathname, init);
  }

  async counters() {
    const each = await Promise.all(this.children.map((child) => child.counters()));
    return Object.fromEntries(Object.keys(each[0]).map((name) => [name, each.reduce((sum, counters) => sum + counters[name], 0)]));
  }

  profileDump() {
    return this.children[0].profileDump();
  }
}

// ---------------------------------------------------------------------------------------------
// The bench

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const infra = infraEnv();
  if (!existsSync(SERVICE_ENTRY)) fail(`${SERVICE_ENTRY} is missing: run "npm run build" first`);
  const run = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
  const database = `atrium_bench_points_${run}`;
  const serviceGroup = `bench-points-${run}`;
  const tenantId = `bench-${run}`;
  const timeoutMs = options.timeoutS * 1000;

  const kafka = new Kafka({ clientId: `bench-points-ingest-${run}`, brokers: infra.KAFKA_BROKERS.split(','), logLevel: logLevel.ERROR });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const admin = kafka.admin();
  const mongo = new MongoClient(infra.MONGO_URL, { serverSelectionTimeoutMS: 10_000 });
  const redis = new Redis(infra.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await Promise.all([producer.connect(), admin.connect(), mongo.connect(), redis.connect()]);
  const db = mongo.db(database);

  const created = { topics: [], groups: [serviceGroup] };
  let service;
  let cleaning;
  const cleanup = async () => {
    cleaning ??= (async () => {
      await service?.stop().catch(() => undefined);
      if (!options.keep) {
        await db.dropDatabase().catch((error) => log(`could not drop ${database}: ${error.message}`));
        if (created.topics.length > 0) await admin.deleteTopics({ topics: created.topics, timeout: 30_000 }).catch((error) => log(`could not delete ${created.topics.join(', ')}: ${error.message}`));
        // The service makes one group per topic (`<group>.<topic>`); all of this run's are ours.
        const groups = await admin.listGroups().then(({ groups }) => groups.map((g) => g.groupId), () => []);
        const ours = groups.filter((id) => created.groups.some((prefix) => id === prefix || id.startsWith(`${prefix}.`)));
        if (ours.length > 0) await admin.deleteGroups(ours).catch((error) => log(`could not delete groups ${ours.join(', ')}: ${error.message}`));
      }
      await Promise.allSettled([producer.disconnect(), admin.disconnect(), mongo.close(), redis.quit()]);
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
  const hardLimitMs = (10 * 60 + options.repeats * 2 * (options.timeoutS + 120)) * 1000;
  const hardTimer = setTimeout(() => {
    log(`the run exceeded its hard limit of ${fmtS(hardLimitMs)}; cleaning up`);
    cleanup().finally(() => process.exit(3));
  }, hardLimitMs);
  hardTimer.unref();

  const serviceEnv = {
    KAFKA_BROKERS: infra.KAFKA_BROKERS,
    MONGO_URL: infra.MONGO_URL,
    REDIS_URL: infra.REDIS_URL,
    HTTP_PORT: String(options.port),
    ATRIUM_IDENTITY_SECRET: BENCH_IDENTITY_SECRET,
    MONGO_DATABASE: database,
    KAFKA_CONSUMER_GROUP: serviceGroup,
  };

  log(`points-ingest run ${run}: N=${fmtInt(options.count)} sales, ${fmtInt(options.members)} members, ${options.repeats} repeat(s), database ${database}`);
  const members = makeMembers(options.members);
  const results = [];
  let setUp = false;

  const startService = async (replicas = 1) => {
    for (let port = options.port; port < options.port + replicas; port++) {
      const inUse = await fetch(`http://127.0.0.1:${port}/health/live`).then(() => true, () => false);
      if (inUse) throw new Error(`port ${port} already answers HTTP; pick another with --port`);
    }
    service = new ServiceSet(serviceEnv, options.port, options.profile, replicas);
    lastService = service;
    await service.ready(120_000);
  };

  const accountOf = async (memberId) => (await service.json(`/accounts/${memberId}`)).body;

  try {
    for (let repeat = 1; repeat <= options.repeats; repeat++) {
      const encodeStart = now();
      const sales = makeSales(run, repeat, tenantId, members, options.count);
      log(`repeat ${repeat}: encoded ${fmtInt(options.count)} envelopes (${(sales.bytes / 1e6).toFixed(0)} MB, ${Math.round(sales.bytes / options.count)} B each) in ${fmtS(now() - encodeStart)}`);

      // ---- baseline: the service does not run while it is measured.
      if (service) {
        await service.stop();
        service = undefined;
      }
      const baseline = await runBaseline({ kafka, producer, admin, db, run, repeat, sales, members, options, timeoutMs, created });
      log(`repeat ${repeat}: baseline ${fmtInt(options.count)} in ${fmtS(baseline.ms)} = ${fmtInt(baseline.rate)}/s (produce ${fmtS(baseline.produceMs)})`);
      log(`           ${formatCpu(baseline.cpu)}`);

      // ---- the service: start, set up once, catch up, then measure.
      if (!setUp) {
        const skipped = await startAtTheEnd(admin, serviceGroup);
        log(`service groups start at the end of ${PURCHASES_TOPIC} (${fmtInt(skipped[PURCHASES_TOPIC])} earlier messages not read) and ${TOPICS.memberEvents.name} (${fmtInt(skipped[TOPICS.memberEvents.name])})`);
        if (options.membersVia === 'seed') await seedAccounts(db, members);
      }
      await startService();
      if (!setUp) {
        await setUpService({ service, producer, members, tenantId, via: options.membersVia, timeoutMs });
        setUp = true;
      }
      await prime({ service, producer, admin, db, members, tenantId, run, repeat, accountOf, timeoutMs });
      const measured = await runService({ service, producer, db, redis, members, sales, options, timeoutMs, accountOf });
      log(`repeat ${repeat}: service  ${fmtInt(options.count)} in ${fmtS(measured.ms)} = ${fmtInt(measured.rate)}/s to the last ledger write (produce ${fmtS(measured.produceMs)})`);
      log(`           ${formatCpu(measured.cpu)}`);
      if (measured.relayMs !== undefined) log(`           every points.earned event published after ${fmtS(measured.relayMs)} = ${fmtInt(options.count / seconds(measured.relayMs))}/s`);
      else log(`           the outbox relay had published ${fmtInt(measured.relayPublished)} of ${fmtInt(options.count)} points.earned events when the bench stopped waiting`);
      log(`           check: ${measured.check}`);
      if (measured.redis) log(`           redis (server-wide, includes other users): ${measured.redis}`);
      if (measured.profile) printProfile(measured.profile, measured.ms);
      const ratio = measured.rate / baseline.rate;
      log(`repeat ${repeat}: ratio service/baseline = ${ratio.toFixed(3)}`);
      let two;
      if (options.replicas === 2) {
        await service.stop();
        await startService(2);
        const tag = `r${repeat}x2`;
        await prime({ service, producer, admin, db, members, tenantId, run, repeat, tag, accountOf, timeoutMs });
        const twoSales = makeSales(run, repeat, tenantId, members, options.count, tag);
        two = await runService({ service, producer, db, redis, members, sales: twoSales, options, timeoutMs, accountOf });
        log(`repeat ${repeat}: two replicas ${fmtInt(options.count)} in ${fmtS(two.ms)} = ${fmtInt(two.rate)}/s; two/one = ${(two.rate / measured.rate).toFixed(3)}`);
        log(`           ${formatCpu(two.cpu)}`);
        log(`           check: ${two.check}`);
        await service.stop();
        await startService(1);
      }
      results.push({ repeat, baseline, service: measured, ratio, two });
    }
  } finally {
    await cleanup();
    clearTimeout(hardTimer);
  }

  // ---- summary
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const baselineRate = median(results.map((r) => r.baseline.rate));
  const serviceRate = median(results.map((r) => r.service.rate));
  const ratio = median(results.map((r) => r.ratio));
  const met = ratio >= 0.7;
  const twos = results.filter((r) => r.two);
  const twoRate = twos.length > 0 ? median(twos.map((r) => r.two.rate)) : undefined;
  const twoOverOne = twos.length > 0 ? median(twos.map((r) => r.two.rate / r.service.rate)) : undefined;
  const twoExact = twos.every((r) => !r.two.check.startsWith('PROBLEMS'));
  console.log('');
  console.log(`points-ingest  N=${fmtInt(options.count)}  members=${fmtInt(options.members)}  repeats=${results.length}  (${new Date().toISOString().slice(0, 10)}, run ${run})`);
  console.log(`  baseline (kafkajs eachBatch + insertMany + $inc per account)   ${fmtInt(baselineRate).padStart(8)} purchases/s`);
  console.log(`  points service (first produce → last ledger write) ${fmtInt(serviceRate).padStart(8)} purchases/s`);
  console.log(`  ratio service/baseline ${ratio.toFixed(3)}   target ≥ 0.70: ${met ? 'MET' : 'NOT MET'}`);
  if (twoRate !== undefined) console.log(`  two replicas ${fmtInt(twoRate)} purchases/s, ${twoOverOne.toFixed(3)}× one; every sale once: ${twoExact ? 'yes' : 'NO'}`);
  console.log(`RESULT ${JSON.stringify({
    run,
    count: options.count,
    members: options.members,
    repeats: results.map((r) => ({
      baselinePerS: Math.round(r.baseline.rate),
      servicePerS: Math.round(r.service.rate),
      ratio: Number(r.ratio.toFixed(3)),
      baselineS: Number(seconds(r.baseline.ms).toFixed(1)),
      serviceS: Number(seconds(r.service.ms).toFixed(1)),
      relayS: r.service.relayMs === undefined ? null : Number(seconds(r.service.relayMs).toFixed(1)),
      ...(r.two ? { twoReplicasPerS: Math.round(r.two.rate), twoReplicasCheck: r.two.check } : {}),
    })),
    ratio: Number(ratio.toFixed(3)),
    met,
  })}`);
  const written = writeResultFile(ROOT, {
    benchmark: 'points-ingest',
    run,
    workload: { sales: options.count, members: options.members, repeats: results.length },
    rows: [{
      metric: 'sales to ledger, median of the repeats',
      value: Math.round(serviceRate),
      unit: 'purchases/s',
      baseline: 'kafkajs eachBatch: insertMany ledger (ordered: false) + one $inc per account per batch',
      baselineValue: Math.round(baselineRate),
      ratio: Number(ratio.toFixed(3)),
      target: '≥ 0.7',
      met,
    }, ...(twoRate === undefined ? [] : [{
      metric: 'sales to ledger, two service replicas sharing the partitions',
      value: Math.round(twoRate),
      unit: 'purchases/s',
      baseline: 'the same service, one replica',
      baselineValue: Math.round(serviceRate),
      ratio: Number(twoOverOne.toFixed(3)),
      target: 'every sale earned once (a rate rise is not expected on 2 cores)',
      met: twoExact,
    }])],
  });
  log(`result written to ${path.relative(ROOT, written)}`);
  if (options.strict && !met) process.exitCode = 1;
}

/** Updates per bulkWrite command: FerretDB v1 holds one connection per statement of a command (libs/document-batches, STATEMENTS_PER_COMMAND). */
const BASELINE_UPDATES_PER_COMMAND = 16;

/**
 * The minimal correct consumer: fresh topic and group; per batch, parse, insertMany the ledger
 * documents (ordered: false, duplicates ignored), then one $inc per distinct account of the
 * batch in one bulkWrite. No rules, no locks, no outbox.
 */
async function runBaseline({ kafka, producer, admin, db, run, repeat, sales, members, options, timeoutMs, created }) {
  const topic = `bench.baseline.${run}.r${repeat}`;
  const groupId = `bench-baseline-${run}-r${repeat}`;
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }], waitForLeaders: true, timeout: 30_000 });
  created.topics.push(topic);
  created.groups.push(groupId);
  const collection = db.collection(`baseline_r${repeat}`);
  const accounts = db.collection(`baseline_accounts_r${repeat}`);
  const memberOfCard = new Map(members.map((member) => [member.cardNumber, member.memberId]));
  // The same consumer settings as the service's runner (libs/messaging/src/consumer/kafka-event-server.ts).
  const consumer = kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000, maxWaitTimeInMs: 250, allowAutoTopicCreation: false });
  let inserted = 0;
  let finishedAt;
  let failure;
  try {
    await consumer.connect();
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch }) => {
        const docs = batch.messages.map((message) => {
          const { eventId, payload } = JSON.parse(message.value.toString());
          const points = Math.floor(Number(payload.amountMinor) / 100);
          return { _id: `earn:${payload.tenantId}:${payload.receiptNumber}`, memberId: memberOfCard.get(payload.cardNumber), points, sourceEventId: eventId };
        });
        const increments = new Map();
        for (const doc of docs) increments.set(doc.memberId, (increments.get(doc.memberId) ?? 0) + doc.points);
        try {
          await collection.insertMany(docs, { ordered: false });
        } catch (error) {
          // A redelivery after a rebalance: the documents are there already.
          if (error.code !== 11000) {
            failure = error;
            throw error;
          }
        }
        const operations = [...increments].map(([memberId, points]) => ({ updateOne: { filter: { _id: memberId }, update: { $inc: { lifetimeEarned: points } }, upsert: true } }));
        for (let start = 0; start < operations.length; start += BASELINE_UPDATES_PER_COMMAND) {
          await accounts.bulkWrite(operations.slice(start, start + BASELINE_UPDATES_PER_COMMAND), { ordered: false });
        }
        inserted += docs.length;
        if (inserted >= sales.messages.length && finishedAt === undefined) finishedAt = now();
      },
    });
    await Promise.race([joined, sleep(60_000).then(() => Promise.reject(new Error('the baseline consumer did not join its group in 60 s')))]);
    const before = cpuSnapshot();
    const start = now();
    await produce(producer, topic, sales.messages, options.inflight);
    const produceMs = now() - start;
    await waitFor(`the baseline to insert ${sales.messages.length} documents (has ${inserted})`, async () => {
      if (failure) throw failure;
      return finishedAt;
    }, timeoutMs, 50);
    const after = cpuSnapshot();
    const ms = finishedAt - start;
    return { ms, rate: sales.messages.length / seconds(ms), produceMs, cpu: cpuDelta(before, after), inserted };
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/**
 * Starts the service's fresh groups at the end of the topics it reads: the topics are shared and
 * hold every earlier test's and bench's events, which a group reading from the beginning must
 * work through first (thousands of member events and sales; on FerretDB each costs a scan of the
 * inbox, so minutes to hours). Committed offsets of a group nobody has joined yet are what a
 * new consumer starts from. Both group namings are set: one group for all topics
 * (`<group>`) and one per topic (`<group>.<topic>`, libs/messaging since 2026-11-27).
 */
async function startAtTheEnd(admin, serviceGroup) {
  const skipped = {};
  for (const topic of [PURCHASES_TOPIC, TOPICS.memberEvents.name]) {
    const offsets = await admin.fetchTopicOffsets(topic);
    skipped[topic] = offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
    const partitions = offsets.map((o) => ({ partition: o.partition, offset: o.high }));
    for (const groupId of [serviceGroup, `${serviceGroup}.${topic}`]) await admin.setOffsets({ groupId, topic, partitions });
  }
  return skipped;
}

/** The members' accounts, as the service's accounts consumer opens them (AccountsRepository.openIfAbsent + addCard). */
async function seedAccounts(db, members) {
  const openedAt = new Date();
  const documents = members.map((member) => ({
    _id: member.memberId,
    phone: member.phone,
    cardNumbers: [member.cardNumber],
    tier: '',
    frozen: false,
    available: 0,
    pending: 0,
    lifetimeEarned: 0,
    redeemed: 0,
    expired: 0,
    debt: 0,
    appliedEntryIds: [],
    earnedByDay: {},
    openedAt,
    outbox: [],
  }));
  for (let start = 0; start < documents.length; start += 1_000) await db.collection('accounts').insertMany(documents.slice(start, start + 1_000), { ordered: false });
}

/**
 * One open tenant, and the members' accounts with their cards: seeded in the database before the
 * service started (default), or with --members-via events announced on the member events topic
 * as the member service would (services/points/test/support/feed.ts) and waited for.
 */
async function setUpService({ service, producer, members, tenantId, via, timeoutMs }) {
  const started = now();
  // The tenant as the directory (merchant-discount) announces one: the registry learns tenants only so.
  await producer.send({ topic: TOPICS.merchantEvents.name, acks: -1, messages: [tenantRegisteredMessage(tenantId)] });
  await waitFor(`tenant ${tenantId} in the registry`, async () => {
    service.assertAlive();
    const listed = (await service.json('/tenants')).body;
    return Array.isArray(listed) && listed.some((tenant) => tenant.id === tenantId && tenant.status === 'open') ? true : undefined;
  }, timeoutMs, 250);
  if (via === 'events') {
    const messages = memberMessages(members);
    for (let start = 0; start < messages.length; start += 1_000) {
      await producer.send({ topic: TOPICS.memberEvents.name, acks: -1, messages: messages.slice(start, start + 1_000) });
    }
  }
  let ready = 0;
  let lastReport = now();
  await waitFor(`${members.length} accounts with their cards`, async () => {
    service.assertAlive();
    if (now() - lastReport > 30_000) {
      lastReport = now();
      const counters = await service.counters();
      log(`set up: ${ready} of ${members.length} accounts ready; the service has handled ${fmtInt(counters.memberEventsHandled)} member events`);
    }
    while (ready < members.length) {
      const account = (await service.json(`/accounts/${members[ready].memberId}`)).body;
      if (!account || account.cardNumbers[0] !== members[ready].cardNumber) return undefined;
      ready++;
    }
    return true;
  }, timeoutMs, 500);
  log(`set up: tenant ${tenantId} open, ${fmtInt(members.length)} accounts with cards (${via === 'events' ? 'from member events' : 'seeded'}) in ${fmtS(now() - started)}`);
}

/**
 * Before the clock starts: one marker sale on each partition of `purchases`, waited for, so
 * every partition is assigned and fetching and the group has nothing older left to read; then
 * until the outbox relay has nothing left to publish.
 */
async function prime({ service, producer, admin, db, members, tenantId, run, repeat, tag = `r${repeat}`, accountOf, timeoutMs }) {
  const started = now();
  const backlog = await topicSize(admin, PURCHASES_TOPIC);
  const markers = members.slice(0, PARTITIONS);
  const before = await Promise.all(markers.map(async (member) => (await accountOf(member.memberId))?.lifetimeEarned ?? 0));
  await producer.send({
    topic: PURCHASES_TOPIC,
    acks: -1,
    messages: markers.map((member, partition) => ({
      ...saleMessage({ receiptNumber: `BENCH-${run}-${tag}-marker-${partition}`, tenantId, cardNumber: member.cardNumber, amountMinor: 100, occurredAt: new Date() }),
      partition,
    })),
  });
  let lastReport = now();
  await waitFor('the marker sale on every partition', async () => {
    service.assertAlive();
    if (now() - lastReport > 30_000) {
      lastReport = now();
      log(`waiting for the markers: the service has handled ${fmtInt((await service.counters()).handled)} purchases`);
    }
    const earned = await Promise.all(markers.map(async (member) => (await accountOf(member.memberId))?.lifetimeEarned ?? 0));
    return earned.every((points, i) => points > before[i]) ? true : undefined;
  }, timeoutMs, 500);
  const caughtUp = now() - started;
  const accounts = db.collection('accounts');
  await waitFor('the outbox relay to publish what is pending', async () => ((await accounts.countDocuments({ 'outbox.0': { $exists: true } })) === 0 ? true : undefined), 300_000, 500);
  log(`repeat ${repeat}: marker sales on all ${PARTITIONS} partitions in the ledger after ${fmtS(caughtUp)} (${PURCHASES_TOPIC} holds ${fmtInt(backlog)}); outbox empty after ${fmtS(now() - started)}`);
}

/** The measured run: produce the sales to `purchases`, wait until the service has handled them all. */
async function runService({ service, producer, db, redis, members, sales, options, timeoutMs, accountOf }) {
  const ledgerCount = async () => (await db.command({ collStats: 'ledger_entries' })).count;
  const rejectedCount = async () => (await db.command({ collStats: 'rejected_purchases' }).catch(() => ({ count: 0 }))).count ?? 0;
  const sample = [members[PARTITIONS], members[Math.floor(members.length / 2)], members[members.length - 1]];
  const sampleBefore = await bounded('reading sample balances', Promise.all(sample.map(async (m) => (await accountOf(m.memberId)).lifetimeEarned)));
  const [ledgerBefore, rejectedBefore, countersBefore, redisBefore] = await bounded(
    'reading counts before the run',
    Promise.all([ledgerCount(), rejectedCount(), service.counters(), redisStats(redis)]),
  );
  const profileBefore = await service.profileDump();
  log(`measuring: producing ${fmtInt(sales.messages.length)} sales to ${PURCHASES_TOPIC}`);
  const count = sales.messages.length;

  const balancesBefore = await bounded('reading every balance', lifetimeEarnedByMember(db));
  const before = cpuSnapshot(service.pids);
  const start = now();
  let produceMs;
  const producing = produce(producer, PURCHASES_TOPIC, sales.messages, options.inflight).then(() => (produceMs = now() - start));
  let handledAt;
  let last = countersBefore;
  let lastReport = now();
  await waitFor(`the service to handle ${count} sales`, async () => {
    service.assertAlive();
    last = await service.counters();
    if (now() - lastReport > 30_000) {
      lastReport = now();
      log(`measuring: ${fmtInt(last.handled - countersBefore.handled)} of ${fmtInt(count)} handled after ${fmtS(now() - start)}${last.retried > countersBefore.retried ? `, ${fmtInt(last.retried - countersBefore.retried)} batch retries` : ''}`);
    }
    if (last.handled - countersBefore.handled >= count) return (handledAt = now());
    return undefined;
  }, timeoutMs, 100);
  const after = cpuSnapshot(service.pids);
  log(`measuring: all ${fmtInt(count)} handled after ${fmtS(handledAt - start)}; waiting for the outbox relay`);
  const profileAfter = await service.profileDump();
  const redisAfter = await bounded('reading Redis stats', redisStats(redis));
  await bounded('the producer', producing, timeoutMs);

  // The outbox relay publishes points.earned after the ledger write; bounded extra wait.
  let relayMs;
  const relayBudget = Math.min(timeoutMs, Math.max(120_000, 2 * (handledAt - start)));
  try {
    await waitFor('the outbox relay', async () => {
      service.assertAlive();
      last = await service.counters();
      if (last.earnedPublished - countersBefore.earnedPublished >= count) return (relayMs = now() - start);
      return undefined;
    }, relayBudget, 250);
  } catch {
    // reported as a count below
  }

  // Correctness: exactly N new entries, nothing rejected, and the sampled balances as expected.
  const [ledgerAfter, rejectedAfter] = await bounded('reading counts after the run', Promise.all([ledgerCount(), rejectedCount()]));
  const sampleAfter = await bounded('reading sample balances', Promise.all(sample.map(async (m) => (await accountOf(m.memberId)).lifetimeEarned)));
  const balancesOk = sample.every((m, i) => sampleAfter[i] - sampleBefore[i] === sales.expected.get(m.memberId));
  const balancesAfter = await bounded('reading every balance', lifetimeEarnedByMember(db));
  const wrongBalances = members.filter((m) => (balancesAfter.get(m.memberId) ?? 0) - (balancesBefore.get(m.memberId) ?? 0) !== (sales.expected.get(m.memberId) ?? 0));
  const problems = [];
  if (ledgerAfter - ledgerBefore !== count) problems.push(`${ledgerAfter - ledgerBefore} new ledger entries, expected ${count}`);
  if (rejectedAfter !== rejectedBefore) problems.push(`${rejectedAfter - rejectedBefore} sales rejected`);
  if (wrongBalances.length > 0) problems.push(`${wrongBalances.length} of ${members.length} accounts' lifetimeEarned grew by other than their sales' points`);
  if (!balancesOk) problems.push(`sampled balances grew by ${sample.map((m, i) => `${sampleAfter[i] - sampleBefore[i]}/${sales.expected.get(m.memberId)}`).join(', ')}`);
  if (last.retried > countersBefore.retried) problems.push(`${last.retried - countersBefore.retried} batch retries`);
  if (last.deadLettered > countersBefore.deadLettered) problems.push(`${last.deadLettered - countersBefore.deadLettered} dead-lettered`);
  const check = problems.length === 0
    ? `${fmtInt(count)} new ledger entries, none rejected, every account's growth exact (3 also over HTTP)`
    : `PROBLEMS: ${problems.join('; ')}`;

  const ms = handledAt - start;
  return {
    ms,
    rate: count / seconds(ms),
    produceMs: produceMs ?? now() - start,
    relayMs,
    relayPublished: last.earnedPublished - countersBefore.earnedPublished,
    cpu: cpuDelta(before, after),
    check,
    redis: formatRedis(redisBefore, redisAfter),
    profile: profileBefore && profileAfter ? diffProfile(profileBefore, profileAfter) : undefined,
  };
}

/** Every account's lifetimeEarned, read from the database (one query). */
async function lifetimeEarnedByMember(db) {
  const documents = await db.collection('accounts').find({}, { projection: { lifetimeEarned: 1 } }).toArray();
  return new Map(documents.map((document) => [document._id, document.lifetimeEarned]));
}

async function topicSize(admin, topic) {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
}

async function redisStats(redis) {
  const text = await redis.info('commandstats');
  const stats = {};
  for (const match of text.matchAll(/cmdstat_(\w+):calls=(\d+),usec=(\d+)/g)) stats[match[1]] = { calls: Number(match[2]), usec: Number(match[3]) };
  return stats;
}

function formatRedis(before, after) {
  const rows = Object.keys(after)
    .map((name) => ({ name, calls: after[name].calls - (before[name]?.calls ?? 0), usec: after[name].usec - (before[name]?.usec ?? 0) }))
    .filter((row) => row.calls > 0)
    .sort((a, b) => b.usec - a.usec)
    .slice(0, 4);
  return rows.map((row) => `${row.name} ${fmtInt(row.calls)} calls ${(row.usec / 1e6).toFixed(1)} s`).join(', ');
}

function diffProfile(before, after) {
  const rows = [];
  for (const [key, value] of Object.entries(after.ops)) {
    const prior = before.ops[key] ?? { n: 0, ms: 0, items: 0 };
    const n = value.n - prior.n;
    if (n > 0) rows.push({ key, n, ms: value.ms - prior.ms, items: value.items - prior.items });
  }
  return rows.sort((a, b) => b.ms - a.ms);
}

function printProfile(rows, wallMs) {
  log(`           where the service's time went (op-timer.cjs; summed over concurrent calls, wall ${fmtS(wallMs)}):`);
  for (const row of rows.slice(0, 28)) {
    const perItem = row.items > 0 ? `  ${(row.ms / row.items * 1000).toFixed(0)} µs/item over ${fmtInt(row.items)}` : '';
    log(`             ${row.key.padEnd(58)} ${fmtInt(row.n).padStart(7)} calls ${fmtS(row.ms).padStart(9)}  ${(row.ms / row.n).toFixed(1).padStart(8)} ms/call${perItem}`);
  }
}

/** The latest service child, for its output when the run fails. */
let lastService;

main().catch((error) => {
  console.error(`points-ingest: ${error.stack ?? error.message}`);
  if (lastService?.tail.length) console.error(`the points service's last output:\n${lastService.tail.slice(-40).join('\n')}`);
  process.exit(1);
});
