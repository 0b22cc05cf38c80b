#!/usr/bin/env node
// Health and version probe for scripts/infra: asks each server a real question over its own
// protocol, with the clients the project itself uses (kafkajs, mongodb, ioredis from
// node_modules), and prints one JSON line per server:
//   {"name":"kafka","ok":true,"where":"127.0.0.1:9092","detail":"...","ms":12}
//   {"name":"ferretdb","ok":true,"version":"7.0.77","ferretdbVersion":"v1.24.2",...}
//   {"name":"redis","ok":true,"version":"7.0.15",...}
//
// Usage: node probe.cjs [--wait-ms N] [--kafka-coordinator] [--kafka BROKERS] [--mongo URL] [--redis URL]
//   --kafka-coordinator  also ask for a consumer group (DescribeGroups, which needs the group
//                 coordinator and so __consumer_offsets): a fresh broker answers metadata
//                 before consumer groups work.
//   --wait-ms N   keep retrying each server until it answers or N ms have passed
//                 (default 0: one attempt each). Used by `scripts/infra up` to wait for
//                 servers it has just started.
// Exit code: 0 when every server asked about answered, 1 otherwise.
'use strict';

const path = require('node:path');

// Resolve the clients from the repository's node_modules whatever the working directory.
const repoRoot = path.resolve(__dirname, '..', '..');
const req = (name) => require(require.resolve(name, { paths: [repoRoot] }));

function parseArgs(argv) {
  const out = { waitMs: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--kafka-coordinator') {
      out.kafkaCoordinator = true;
      continue;
    }
    if (a === '--wait-ms') out.waitMs = Number(v);
    else if (a === '--kafka') out.kafka = v;
    else if (a === '--mongo') out.mongo = v;
    else if (a === '--redis') out.redis = v;
    else throw new Error(`probe: unknown argument ${a}`);
    i += 1;
  }
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let t;
  const timeout = new Promise((_, reject) => {
    t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(t));
}

// Kafka: a real Metadata request (kafkajs admin.describeCluster). The Kafka protocol does
// not carry the broker's software version; scripts/infra asks the local broker's JVM for
// that (kafka-appinfo), so this reports the cluster instead.
async function probeKafka(brokers, { coordinator = false } = {}) {
  const { Kafka, logLevel } = req('kafkajs');
  const kafka = new Kafka({
    clientId: 'atrium-infra-probe',
    brokers: brokers.split(',').map((b) => b.trim()).filter(Boolean),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1500,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await withTimeout(admin.connect(), 4000, 'kafka connect');
    const cluster = await withTimeout(admin.describeCluster(), 4000, 'kafka metadata');
    if (coordinator) {
      await withTimeout(admin.describeGroups(['atrium-infra-probe']), 4000, 'kafka group coordinator');
    }
    return {
      ok: true,
      detail: `cluster ${cluster.clusterId}, controller ${cluster.controller}, ` +
        `brokers ${cluster.brokers.map((b) => `${b.host}:${b.port}`).join(',')}`,
    };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

// FerretDB (or a real MongoDB): ping, then buildInfo, which answers `version` (the MongoDB
// version it claims compatibility with) and, on FerretDB, `ferretdbVersion`.
async function probeMongo(url) {
  const { MongoClient } = req('mongodb');
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: 2000,
    connectTimeoutMS: 2000,
    appName: 'atrium-infra-probe',
  });
  try {
    await withTimeout(client.connect(), 4000, 'mongo connect');
    const admin = client.db('admin');
    await withTimeout(admin.command({ ping: 1 }), 4000, 'mongo ping');
    const info = await withTimeout(admin.command({ buildInfo: 1 }), 4000, 'mongo buildInfo');
    const res = { ok: true, version: String(info.version) };
    if (info.ferretdbVersion !== undefined) res.ferretdbVersion = String(info.ferretdbVersion);
    return res;
  } finally {
    await client.close().catch(() => undefined);
  }
}

// Redis: PING, then INFO server for redis_version.
async function probeRedis(url) {
  const Redis = req('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined); // reported through the rejected commands instead
  try {
    await withTimeout(client.connect(), 4000, 'redis connect');
    const pong = await withTimeout(client.ping(), 4000, 'redis PING');
    if (pong !== 'PONG') throw new Error(`redis PING answered ${pong}`);
    const info = await withTimeout(client.info('server'), 4000, 'redis INFO');
    const m = /^redis_version:(\S+)/m.exec(info);
    return { ok: true, version: m ? m[1] : 'unknown' };
  } finally {
    client.disconnect();
  }
}

async function untilAnswers(name, where, fn, waitMs) {
  const started = Date.now();
  const deadline = started + waitMs;
  let lastError;
  for (;;) {
    try {
      const r = await fn(where);
      return { name, where, ...r, ms: Date.now() - started };
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline) break;
    await sleep(250);
  }
  return { name, where, ok: false, error: lastError, ms: Date.now() - started };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const jobs = [];
  if (args.kafka) {
    const coordinator = args.kafkaCoordinator === true;
    jobs.push(untilAnswers('kafka', args.kafka, (b) => probeKafka(b, { coordinator }), args.waitMs));
  }
  if (args.mongo) jobs.push(untilAnswers('ferretdb', args.mongo, probeMongo, args.waitMs));
  if (args.redis) jobs.push(untilAnswers('redis', args.redis, probeRedis, args.waitMs));
  const results = await Promise.all(jobs);
  for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`probe: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 2;
});
