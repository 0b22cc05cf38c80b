#!/usr/bin/env node
// How fast does the desk find a member by phone or card through the gateway, with 100,000
// members on file, compared with the bare indexed query the look-up stands on?
//
// Seeds N members (default 100,000) in a fresh database of the member service, then sends the
// same look-ups, open loop at each offered rate in turn (default 50, 100, 150, 200/s, 10 s each),
// on two paths at every rate in the same run:
//
//   baseline  the mongodb driver straight on that database: findOne({ phone }) for a phone,
//             findOne({ cardNumber }) (then { cardNumbers } when no current card matches) for a
//             card, with the projection the member service's repository uses.
//   gateway   GET /api/member/members?phone=… or ?card=… on the built gateway with a desk
//             user's token, forwarded to the built member service (services/*/dist/main.js as
//             child processes), the phone typed in one of several common formats.
//
// Latency is measured from each request's scheduled send time (no coordinated omission).
// It prints p50/p90/p99/max of both per rate, the ratios gateway/baseline, every answer's check,
// and the CPU-seconds of each process. The target (issue 13): at the highest rate where the
// baseline keeps p99 < 50 ms, the gateway answers every look-up with p99 <= 2x the baseline's.
//
//   node scripts/bench/member-lookup/run.mjs [--members 100000] [--rates 50,100,150,200] [--duration-s 10]
//        [--warmup-s 5] [--card-share 0.5] [--former-card-share 0] [--max-in-flight 50]
//        [--request-timeout-s 10] [--ferretdb-gin-indexes] [--no-scan-shapes] [--keep] [--strict]
//
// A path that has --max-in-flight look-ups outstanding cannot keep up: it stops sending and
// the target is not met. After both paths the services stop and each query shape is timed
// alone, with FerretDB's explain (pushed down? PostgreSQL's plan).
//
// See README.md beside this file for what each phase does and how to read the output.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { readInfraEnv } from '../lib/infra-env.mjs';
import { CLK_TCK, infraPids as infraPidsUnder, machineTicks, readProcTable, treeTicks } from '../lib/proc-cpu.mjs';
import { fmtInt, fmtS, log, now } from '../lib/report.mjs';
import { writeResultFile } from '../lib/result-file.mjs';
import { FatalError, bounded, waitFor } from '../lib/waiting.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
/** The pids of the servers this bench accounts CPU to. */
const infraPids = () => infraPidsUnder(ROOT, ['ferretdb', 'postgres', 'kafka', 'redis']);
const require = createRequire(path.join(ROOT, 'package.json'));
const { Kafka, logLevel } = require('kafkajs');
const { MongoClient } = require('mongodb');
const Redis = require('ioredis');
/** How long PostgreSQL may take to publish a backend's table statistics (it flushes them about every second). */
const PG_STATS_DELAY_MS = 1_500;
const { TOPICS } = require('@atrium/contracts');

const MEMBER_DIST = path.join(ROOT, 'services', 'member', 'dist');
const ENTRIES = { member: path.join(MEMBER_DIST, 'main.js'), gateway: path.join(ROOT, 'services', 'gateway', 'dist', 'main.js') };
/** The card prefix the bench configures the member service with (its default). */
const CARD_PREFIX = '8800';
/** What MembersRepository's reads leave out (MEMBER_FIELDS): the baseline reads the same fields. */
const MEMBER_PROJECTION = { outbox: 0, audit: 0, consentHistory: 0, tierHistory: 0, tierReviews: 0 };
/** Issue 13's target: judged at the highest offered rate where the baseline keeps its p99 under this, */
const BASELINE_P99_LIMIT_MS = 50;
/** ... where the gateway must answer every look-up with a p99 at most this many times the baseline's. */
const MAX_P99_RATIO = 2;

/** The topics the member service consumes: its fresh groups start at their end. */
const MEMBER_TOPICS = [TOPICS.pointsEvents.name, TOPICS.smsEvents.name];

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `usage: node scripts/bench/member-lookup/run.mjs [options]
  --members N            members seeded (default 100000, at most 1000000)
  --rates A,B,...        offered look-ups per second, open loop, stepped in this order (default
                         50,100,150,200; each at most 2000); --rate N is --rates N
  --duration-s N         seconds measured per path and rate (default 10, at most 600)
  --warmup-s N           seconds of unrecorded look-ups per path before measuring (default 5; 0 for none)
  --card-share X         share of look-ups by card, the rest by phone (default 0.5)
  --former-card-share X  share of card look-ups by a replaced card (default 0: current cards only;
                         the seeding gives every 10th member a replaced card either way)
  --max-in-flight N      look-ups outstanding at which a path counts as saturated and stops sending
                         (default 50: at 200/s that is a quarter second of backlog)
  --request-timeout-s N  a look-up not answered within this is an error (default 10)
  --ferretdb-gin-indexes on FerretDB's PostgreSQL handler, add a GIN (jsonb_path_ops) twin of every
                         index FerretDB made in the bench database, with psql (see README.md)
  --no-scan-shapes       skip timing the query shapes that scan the collection (outbox relay)
  --member-port N        HTTP port of the member service child (default 13111)
  --gateway-port N       HTTP port of the gateway child (default 18111)
  --keep                 keep the databases and consumer groups (default: removed)
  --strict               exit 1 when the target is not met`;

function parseArgs(argv) {
  const options = {
    members: 100_000,
    rates: [50, 100, 150, 200],
    durationS: 10,
    warmupS: 5,
    cardShare: 0.5,
    formerCardShare: 0,
    maxInFlight: 50,
    requestTimeoutS: 10,
    ferretdbGinIndexes: false,
    scanShapes: true,
    memberPort: 13111,
    gatewayPort: 18111,
    keep: false,
    strict: false,
  };
  const integers = {
    '--members': 'members',
    '--duration-s': 'durationS',
    '--warmup-s': 'warmupS',
    '--max-in-flight': 'maxInFlight',
    '--request-timeout-s': 'requestTimeoutS',
    '--member-port': 'memberPort',
    '--gateway-port': 'gatewayPort',
  };
  const shares = { '--card-share': 'cardShare', '--former-card-share': 'formerCardShare' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag in integers) {
      const raw = inline ?? argv[++i];
      const value = Number(String(raw).replace(/_/g, ''));
      if (!Number.isInteger(value) || value < (flag === '--warmup-s' ? 0 : 1)) fail(`${flag} needs a ${flag === '--warmup-s' ? 'non-negative' : 'positive'} integer, got ${raw}`);
      options[integers[flag]] = value;
    } else if (flag === '--rates' || flag === '--rate') {
      const raw = String(inline ?? argv[++i]);
      const rates = raw.split(',').map((part) => Number(part.trim()));
      if (rates.length === 0 || rates.some((rate) => !Number.isInteger(rate) || rate < 1)) fail(`${flag} needs positive integers separated by commas, got ${raw}`);
      options.rates = rates;
    } else if (flag in shares) {
      const raw = inline ?? argv[++i];
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0 || value > 1) fail(`${flag} needs a number from 0 to 1, got ${raw}`);
      options[shares[flag]] = value;
    } else if (flag === '--ferretdb-gin-indexes') options.ferretdbGinIndexes = true;
    else if (flag === '--no-scan-shapes') options.scanShapes = false;
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--strict') options.strict = true;
    else fail(`unknown option ${argv[i]}\n${USAGE}`);
  }
  if (options.members > 1_000_000) fail('--members is at most 1000000');
  if (options.members < 10) fail('--members is at least 10');
  if (options.rates.some((rate) => rate > 2_000)) fail('--rates are at most 2000 each');
  if (options.rates.length > 10) fail('--rates takes at most 10 rates');
  if (options.durationS > 600) fail('--duration-s is at most 600');
  if (options.warmupS > 60) fail('--warmup-s is at most 60');
  if (options.maxInFlight > 2_000) fail('--max-in-flight is at most 2000');
  if (options.requestTimeoutS > 120) fail('--request-timeout-s is at most 120');
  return options;
}

function fail(message) {
  console.error(`member-lookup: ${message}`);
  process.exit(2);
}

/** The servers' addresses (scripts/bench/lib/infra-env.mjs): loopback only. */
function infraEnv() {
  return readInfraEnv(ROOT, ['KAFKA_BROKERS', 'MONGO_URL', 'REDIS_URL'], fail);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const fmtMs = (ms) => (ms === undefined ? '-' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/** A small seeded PRNG (mulberry32): the same look-up plan for both paths of a run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarize(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted[sorted.length - 1],
    mean: sorted.length > 0 ? sum / sorted.length : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// CPU accounting from /proc (as scripts/bench/points-ingest/run.mjs does)

function treeSeconds(table, rootPid) {
  return (treeTicks(table, rootPid) ?? 0) / CLK_TCK;
}

function cpuSnapshot(children) {
  const table = readProcTable();
  const usage = process.cpuUsage();
  const snapshot = { at: now(), machine: machineTicks(), bench: (usage.user + usage.system) / 1e6 };
  for (const [name, pid] of Object.entries({ ...children, ...infraPids() })) snapshot[name] = treeSeconds(table, pid);
  return snapshot;
}

const CPU_PARTS = ['gateway', 'member', 'ferretdb', 'postgres', 'kafka', 'redis', 'bench'];

function cpuDelta(before, after) {
  const total = after.machine.total - before.machine.total;
  const parts = {};
  for (const name of CPU_PARTS) parts[name] = Math.max(0, (after[name] ?? 0) - (before[name] ?? 0));
  return { wallS: (after.at - before.at) / 1000, busy: total > 0 ? 1 - (after.machine.idle - before.machine.idle) / total : 0, parts };
}

function formatCpu(delta) {
  const parts = Object.entries(delta.parts)
    .filter(([, s]) => s >= 0.05)
    .map(([name, s]) => `${name} ${s.toFixed(1)}`)
    .join(', ');
  return `CPU-seconds in ${delta.wallS.toFixed(1)} s wall: ${parts || 'none'}; machine ${(delta.busy * 100).toFixed(0)}% busy of ${os.cpus().length} cores`;
}

// ---------------------------------------------------------------------------------------------
// Members, stored as MembersRepository stores them (member.schema.ts, toDocument + insert)

/** The member service's own pure functions from its build: card numbers, name keys, phones. */
function memberFunctions() {
  const { cardNumberFor, isValidCardNumber } = require(path.join(MEMBER_DIST, 'cards', 'card-number.js'));
  const { nameSearchKey, namePrefixesOf } = require(path.join(MEMBER_DIST, 'profile', 'name-search-key.js'));
  const { normalizePhone } = require(path.join(MEMBER_DIST, 'members', 'phone-number.js'));
  return { cardNumberFor, isValidCardNumber, nameSearchKey, namePrefixesOf, normalizePhone };
}

const SURNAMES = ['陳', '李', '張', '黃', '何', '林', '王', '吳', '劉', '蔡', 'Chan', 'Wong', 'Lee', 'Cheung', 'Lam'];
const GIVEN = ['大文', '美玲', '志強', '家豪', '嘉欣', '詠詩', '俊傑', '淑儀', 'Tai Man', 'Mei Ling', 'Ka Ho', 'Wing Sze'];
/** Mainland mobile number ranges (11 digits with the leading 1), valid for libphonenumber. */
const CN_MOBILE = ['139', '138', '137', '136', '135', '150', '151', '158', '186', '188'];
/** Hong Kong mobile number ranges (8 digits) that libphonenumber takes whatever the last six digits. */
const HK_MOBILE = ['94', '96', '97'];

/**
 * Member i of a run, deterministic: every 10th a Hong Kong number, the rest mainland ones;
 * numbers unique because 7919 and 10^k share no factor (j → j·7919 mod 10^k is one-to-one);
 * card sequence i+1 in the centre's prefix; every 10th member has a replaced first card
 * (sequence N+1+i/10) as the desk's "replace card" leaves it.
 */
function makeMember(i, count, fns, registeredAt) {
  const hongKong = i % 10 === 9;
  const phone = hongKong
    ? `+852${HK_MOBILE[((i - 9) / 10) % 3]}${String((((i - 9) / 10) * 7_919) % 1_000_000).padStart(6, '0')}`
    : `+86${CN_MOBILE[i % 10]}${String((i * 7_919) % 100_000_000).padStart(8, '0')}`;
  const name = `${SURNAMES[i % SURNAMES.length]}${/[a-z]/i.test(SURNAMES[i % SURNAMES.length]) ? ' ' : ''}${GIVEN[(i * 7) % GIVEN.length]}`;
  const cardNumber = fns.cardNumberFor(CARD_PREFIX, i + 1);
  const formerCard = i % 10 === 0 ? fns.cardNumberFor(CARD_PREFIX, count + 1 + i / 10) : undefined;
  return { index: i, id: randomUUID(), phone, name, cardNumber, formerCard, registeredAt };
}

function memberDocument(member, fns) {
  const nameKey = fns.nameSearchKey(member.name);
  const issuedAt = member.registeredAt;
  const cards = member.formerCard
    ? [
        { number: member.formerCard, state: 'replaced', issuedAt, stateChangedAt: issuedAt, stateReason: 'lost at the cinema', replacedBy: member.cardNumber },
        { number: member.cardNumber, state: 'active', issuedAt },
      ]
    : [{ number: member.cardNumber, state: 'active', issuedAt }];
  const consent = { granted: member.index % 3 !== 0, channel: 'desk', wordingVersion: '2026-01', at: issuedAt, recordedBy: 'bench' };
  return {
    _id: member.id,
    status: 'active',
    mergedFrom: [],
    phone: member.phone,
    name: member.name,
    nameKey,
    namePrefixes: fns.namePrefixesOf(nameKey),
    cardNumber: member.cardNumber,
    cardNumbers: cards.map((card) => card.number),
    cards,
    channel: 'desk',
    registeredAt: member.registeredAt,
    preferredLanguage: member.index % 4 === 0 ? 'en' : 'zh-Hant',
    interests: [],
    tags: [],
    consent,
    consentHistory: [consent],
    tierHistory: [],
    tierReviews: [],
    audit: [],
    outbox: [],
  };
}

/** Makes the members, checks every phone and card as the service would, and inserts them in chunks of 1,000. */
async function seedMembers(db, count, fns) {
  const started = now();
  const registeredAt = new Date();
  const members = new Array(count);
  for (let i = 0; i < count; i++) {
    const member = makeMember(i, count, fns, registeredAt);
    // Valid data only: what the service would store for this number, and a card that passes its check.
    if (fns.normalizePhone(member.phone, 'CN') !== member.phone) throw new Error(`seeded phone ${member.phone} is not E.164 as the service stores it`);
    if (!fns.isValidCardNumber(member.cardNumber) || (member.formerCard && !fns.isValidCardNumber(member.formerCard))) throw new Error(`seeded card of member ${i} fails its check digit`);
    members[i] = member;
  }
  const made = now();
  const collection = db.collection('members');
  let lastReport = now();
  let inserted = 0;
  for (let start = 0; start < count; start += 1_000) {
    const chunk = members.slice(start, start + 1_000).map((member) => memberDocument(member, fns));
    inserted += (await bounded(`inserting members ${start} to ${start + chunk.length}`, collection.insertMany(chunk, { ordered: false }), 120_000)).insertedCount;
    if (now() - lastReport > 15_000) {
      lastReport = now();
      log(`seeding: ${fmtInt(start + chunk.length)} of ${fmtInt(count)} members after ${fmtS(now() - started)}`);
    }
  }
  // Counted from the inserts' answers: countDocuments would read and decode every member on FerretDB (a minute at 100,000).
  if (inserted !== count) throw new Error(`${inserted} members inserted, expected ${count}`);
  log(`seeded ${fmtInt(count)} members (${fmtInt(count / 10)} with a replaced card) in ${fmtS(now() - started)} (made and checked in ${fmtS(made - started)})`);
  return members;
}

// ---------------------------------------------------------------------------------------------
// The look-ups

/** How staff type a phone at the desk: the bench cycles through these (all read as the same E.164). */
const PHONE_FORMATS = [
  { name: 'E.164', format: (e164) => e164 },
  { name: '+CC spaced', format: (e164, cc, national) => `+${cc} ${spaced(national)}` },
  { name: 'national spaced', format: (e164, cc, national) => (cc === '86' ? spaced(national) : `+${cc} ${spaced(national)}`) },
  { name: 'national dashed', format: (e164, cc, national) => (cc === '86' ? spaced(national).replaceAll(' ', '-') : `+${cc}-${spaced(national).replaceAll(' ', '-')}`) },
  { name: 'national digits', format: (e164, cc, national) => (cc === '86' ? national : `+${cc}${national}`) },
  { name: '00 prefix', format: (e164, cc, national) => `00${cc} ${spaced(national)}` },
];

/** 139 1234 5678 for a mainland mobile, 9123 4567 for Hong Kong. */
function spaced(national) {
  return national.length === 11 ? `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}` : `${national.slice(0, 4)} ${national.slice(4)}`;
}

function typedPhone(e164, formatIndex) {
  const cc = e164.startsWith('+852') ? '852' : '86';
  const national = e164.slice(1 + cc.length);
  return PHONE_FORMATS[formatIndex % PHONE_FORMATS.length].format(e164, cc, national);
}

/** 8800 0000 0000 0017 as printed on the card, or the bare digits. */
function typedCard(cardNumber, spacedForm) {
  return spacedForm ? cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ') : cardNumber;
}

/**
 * The look-ups of one phase: random members (uniform), by card with probability cardShare
 * (a replaced card with formerCardShare of those, for members that have one), else by phone in
 * the next format. Deterministic per seed: both paths get the same plan shape.
 */
function makePlan(members, count, options, seed) {
  const random = prng(seed);
  const plan = new Array(count);
  for (let i = 0; i < count; i++) {
    const member = members[Math.floor(random() * members.length)];
    if (random() < options.cardShare) {
      const former = member.formerCard !== undefined && random() < options.formerCardShare;
      const number = former ? member.formerCard : member.cardNumber;
      plan[i] = { kind: former ? 'former-card' : 'card', member, value: number, typed: typedCard(number, i % 2 === 0) };
    } else {
      plan[i] = { kind: 'phone', member, value: member.phone, typed: typedPhone(member.phone, i) };
    }
  }
  return plan;
}

/**
 * Runs `plan` open loop: look-up i is due at start + i/rate whatever happened to the earlier
 * ones, and its latency counts from that due time (a slow answer does not delay the next send,
 * and a late send counts against the path). A look-up that fails or times out counts as an
 * error with the time it took. When `maxInFlight` look-ups are outstanding the path cannot keep
 * up: the phase stops sending (the rest are "unsent"), so a saturated server is not buried
 * under minutes of queued work on a machine others share. Resolves when every sent look-up
 * has finished.
 */
async function openLoop(plan, { rate, maxInFlight }, lookUp) {
  const interval = 1000 / rate;
  const latencies = [];
  const kinds = [];
  const sendLag = [];
  const errors = [];
  let sent = 0;
  let finished = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let saturatedAfterMs;
  let lastDone = 0;
  const start = now() + 20;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  const settleIfDone = () => {
    if ((saturatedAfterMs !== undefined || sent === plan.length) && finished === sent) resolveDone();
  };
  const fire = (i, due) => {
    sendLag.push(now() - due);
    sent++;
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    const entry = plan[i];
    lookUp(entry)
      .then(
        (problem) => problem && errors.push({ kind: entry.kind, typed: entry.typed, problem }),
        (error) => errors.push({ kind: entry.kind, typed: entry.typed, problem: error.message }),
      )
      .finally(() => {
        lastDone = now();
        latencies.push(lastDone - due);
        kinds.push(entry.kind);
        inFlight--;
        finished++;
        settleIfDone();
      });
  };
  const tick = () => {
    const t = now();
    while (sent < plan.length && start + sent * interval <= t) {
      if (inFlight >= maxInFlight) {
        saturatedAfterMs = t - start;
        settleIfDone();
        return;
      }
      fire(sent, start + sent * interval);
    }
    if (sent < plan.length) setTimeout(tick, Math.max(0, Math.min(2, start + sent * interval - now())));
    else settleIfDone();
  };
  setTimeout(tick, 20);
  await done;
  const elapsedS = Math.max(1e-3, (lastDone - start) / 1000);
  return {
    planned: plan.length,
    sent,
    unsent: plan.length - sent,
    saturatedAfterS: saturatedAfterMs === undefined ? undefined : saturatedAfterMs / 1000,
    latency: summarize(latencies),
    sendLag: summarize(sendLag),
    errors,
    achievedRate: finished / elapsedS,
    peakInFlight,
    byKind: byKind(kinds, latencies),
  };
}

function byKind(kinds, latencies) {
  const groups = new Map();
  kinds.forEach((kind, i) => (groups.get(kind) ?? groups.set(kind, []).get(kind)).push(latencies[i]));
  return Object.fromEntries([...groups].map(([kind, values]) => [kind, summarize(values)]));
}

/** The baseline: the repository's queries, straight on the database, no HTTP, no parsing. */
function directLookUp(collection, timeoutMs) {
  // maxTimeMS asks the server to give up too; the race bounds the wait if it does not.
  const find = (filter) => bounded('the query', collection.findOne(filter, { projection: MEMBER_PROJECTION, maxTimeMS: timeoutMs }), timeoutMs + 1_000);
  return async (entry) => {
    let document;
    if (entry.kind === 'phone') {
      document = await find({ phone: entry.value });
    } else {
      // MembersRepository.findCardHolder: the current card first, then every card ever held.
      document = (await find({ cardNumber: entry.value })) ?? (await find({ cardNumbers: entry.value }));
    }
    if (!document) return 'not found';
    if (document._id !== entry.member.id) return `found ${document._id}, expected ${entry.member.id}`;
    return undefined;
  };
}

/** The desk's look-up through the gateway: GET /api/member/members?phone=… or ?card=… with a desk token. */
function gatewayLookUp(gateway, token, timeoutMs) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  return (entry) =>
    new Promise((resolve, reject) => {
      const query = entry.kind === 'phone' ? `phone=${encodeURIComponent(entry.typed)}` : `card=${encodeURIComponent(entry.typed)}`;
      const request = http.request(
        { host: '127.0.0.1', port: gateway.port, path: `/api/member/members?${query}`, method: 'GET', agent, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode !== 200) return resolve(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
            try {
              const { items } = JSON.parse(text);
              if (!Array.isArray(items) || items.length !== 1) return resolve(`${Array.isArray(items) ? items.length : 'no'} items`);
              const [found] = items;
              if (found.id !== entry.member.id) return resolve(`found ${found.id}, expected ${entry.member.id}`);
              if (found.phone !== entry.member.phone || found.cardNumber !== entry.member.cardNumber) return resolve(`member ${found.id} answered with phone/card ${found.phone}/${found.cardNumber}`);
              if (entry.kind === 'former-card' && found.matchedCardState !== 'replaced') return resolve(`a replaced card answered matchedCardState ${found.matchedCardState}`);
              return resolve(undefined);
            } catch (error) {
              return resolve(`unreadable answer: ${error.message}`);
            }
          });
        },
      );
      // A whole-request deadline (socket timeouts only count idle time).
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end();
    });
}

// ---------------------------------------------------------------------------------------------
// Services as child processes

class ServiceChild {
  constructor(name, entry, port, env) {
    this.name = name;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.tail = [];
    this.child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.tail.push(line);
      if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
    };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.stopping = false;
    this.child.on('exit', (code, signal) => {
      if (!this.stopping) log(`the ${name} (pid ${this.child.pid}) exited by itself: ${signal ?? `code ${code}`}; last output:\n${this.tail.slice(-20).join('\n')}`);
    });
  }

  get pid() {
    return this.child.pid;
  }

  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  assertAlive() {
    if (!this.alive) throw new FatalError(`the ${this.name} exited (${this.child.exitCode ?? this.child.signalCode}); its last output:\n${this.tail.slice(-40).join('\n')}`);
  }

  async ready(timeoutMs) {
    await waitFor(`the ${this.name} at ${this.url}/health/ready`, async () => {
      this.assertAlive();
      const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(5_000) });
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

  async call(method, pathname, { token, body } = {}) {
    const response = await fetch(`${this.url}${pathname}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json, text };
  }
}

async function portFree(port) {
  return fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(2_000) }).then(() => false, () => true);
}

/**
 * Fresh consumer groups start at the end of the topics the service reads: those topics are
 * shared and hold every earlier run's events, which are not this bench's business. Both group
 * namings are set (`<group>` and `<group>.<topic>`, as points-ingest does).
 */
async function startGroupsAtEnd(admin, group, topics) {
  const existing = new Set(await admin.listTopics());
  for (const topic of topics) {
    if (!existing.has(topic)) continue;
    const offsets = await admin.fetchTopicOffsets(topic);
    const partitions = offsets.map((o) => ({ partition: o.partition, offset: o.high }));
    for (const groupId of [group, `${group}.${topic}`]) await admin.setOffsets({ groupId, topic, partitions });
  }
}

/** A desk account made by the first admin, signed in: the bench looks up as the desk does. */
async function deskToken(gateway, admin, run) {
  const adminLogin = await gateway.call('POST', '/api/auth/login', { body: { username: admin.username, password: admin.password } });
  if (adminLogin.status !== 200) throw new Error(`the admin's login answered ${adminLogin.status}: ${adminLogin.text.slice(0, 300)}`);
  const desk = { username: `bench-desk-${run}`, password: `pw-${randomBytes(12).toString('hex')}` };
  const created = await gateway.call('POST', '/api/auth/staff', { token: adminLogin.body.accessToken, body: { username: desk.username, displayName: 'Bench desk', password: desk.password, roles: ['desk'] } });
  if (created.status !== 201) throw new Error(`creating the desk account answered ${created.status}: ${created.text.slice(0, 300)}`);
  const login = await gateway.call('POST', '/api/auth/login', { body: desk });
  if (login.status !== 200) throw new Error(`the desk login answered ${login.status}: ${login.text.slice(0, 300)}`);
  return login.body.accessToken;
}

// ---------------------------------------------------------------------------------------------
// Query shapes: how long each query the look-up (and the service around it) runs takes, and
// whether FerretDB pushes its filter down to PostgreSQL.

/** How long one query of the shapes table may take: longer is printed as "> 120 s". */
const SHAPE_LIMIT_MS = 120_000;

async function timeQueryShapes(db, members, fns, scanShapes) {
  const collection = db.collection('members');
  const sample = Array.from({ length: 20 }, (_, i) => members[Math.floor(((i + 0.5) * members.length) / 20)]);
  const withFormer = members.filter((m) => m.formerCard).slice(0, 20);
  const shapes = [
    { name: 'findOne({ _id })', filter: (i) => ({ _id: sample[i % sample.length].id }), reps: 20 },
    { name: 'findOne({ phone })', filter: (i) => ({ phone: sample[i % sample.length].phone }), reps: 20 },
    { name: 'findOne({ cardNumber })', filter: (i) => ({ cardNumber: sample[i % sample.length].cardNumber }), reps: 20 },
    { name: 'findOne({ cardNumbers }) (replaced card)', filter: (i) => ({ cardNumbers: withFormer[i % withFormer.length].formerCard }), reps: 5 },
    { name: 'findOne({ cardNumber }) unknown card', filter: (i) => ({ cardNumber: fns.cardNumberFor(CARD_PREFIX, 90_000_000 + i) }), reps: 5 },
    { name: 'findOne({ cardNumbers }) unknown card', filter: (i) => ({ cardNumbers: fns.cardNumberFor(CARD_PREFIX, 90_000_000 + i) }), reps: 5 },
    // What the outbox relay (libs/messaging) asks of every watched collection twice a second.
    ...(scanShapes ? [{ name: "find({ 'outbox.0': { $exists: true } }).limit(200)", filter: () => ({ 'outbox.0': { $exists: true } }), reps: 1, many: true }] : []),
  ];
  const results = [];
  for (const shape of shapes) {
    const times = [];
    // At most `reps` runs, and no more than 3 once 15 s have gone (a scan of 100,000 members takes seconds).
    const shapeStarted = now();
    for (let i = 0; i < shape.reps && (i < 3 || now() - shapeStarted < 15_000); i++) {
      const filter = shape.filter(i);
      const started = now();
      try {
        if (shape.many) await bounded(shape.name, collection.find(filter, { projection: { _id: 1 } }).limit(200).toArray(), SHAPE_LIMIT_MS);
        else await bounded(shape.name, collection.findOne(filter, { projection: MEMBER_PROJECTION }), SHAPE_LIMIT_MS);
      } catch (error) {
        if (now() - started < SHAPE_LIMIT_MS) throw error;
        shape.timedOut = true;
        times.push(SHAPE_LIMIT_MS);
        break;
      }
      times.push(now() - started);
    }
    let pushdown;
    let plan;
    try {
      const explained = await bounded(`explain ${shape.name}`, db.command({ explain: { find: 'members', filter: shape.filter(0), limit: 1 } }), 120_000);
      // FerretDB answers whether PostgreSQL got the filter, and PostgreSQL's own plan; MongoDB neither.
      pushdown = explained.filterPushdown;
      plan = planNodes(explained.queryPlanner);
    } catch {
      pushdown = undefined;
    }
    const sorted = times.sort((a, b) => a - b);
    results.push({ name: shape.name, medianMs: sorted[Math.floor(sorted.length / 2)], maxMs: sorted[sorted.length - 1], reps: times.length, timedOut: shape.timedOut === true, pushdown, plan });
  }
  return results;
}

/** PostgreSQL's plan nodes in a FerretDB explain ("Limit > Index Scan on …"), or undefined. */
function planNodes(queryPlanner) {
  const names = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node['Node Type'] === 'string') names.push(`${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''}`);
    for (const [key, value] of Object.entries(node)) if (key === 'Plan' || key === 'Plans') walk(value);
  };
  walk(queryPlanner?.Plan ?? queryPlanner);
  return names.length > 0 ? names.join(' > ') : undefined;
}

/**
 * FerretDB v1's PostgreSQL handler stores a collection as a table of one jsonb column `_jsonb`,
 * makes each single-field MongoDB index a btree on the expression `(_jsonb -> 'field')`, and pushes an
 * equality filter down as `_jsonb -> 'field' @> '"value"'` (containment, so that a value also
 * finds arrays holding it). A btree cannot answer `@>`: every find, by `_id` too, is a
 * sequential scan of the table. A GIN index with jsonb_path_ops on the same expression can
 * (fastupdate off: no pending list that every look-up would have to read through). This adds one beside every single-field index FerretDB made in the bench's database (schema
 * = database name), to measure what that changes; nothing outside the bench's schema is touched.
 */
async function addGinTwins(schema) {
  if (!/^[a-z0-9_]+$/.test(schema)) throw new Error(`unexpected schema name ${schema}`);
  const sql = `
    DO $$
    DECLARE r record;
    BEGIN
      FOR r IN
        SELECT tablename, substring(indexdef from '_jsonb -> ''([^'']+)''::text\\)\\)\\)$') AS field
        FROM pg_indexes
        WHERE schemaname = '${schema}' AND indexdef ~ 'USING btree \\(\\(\\(_jsonb -> ''[^'']+''::text\\)\\)\\)$'
      LOOP
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L) jsonb_path_ops) WITH (fastupdate = off)', left(r.tablename || '_' || r.field || '_gin', 63), '${schema}', r.tablename, r.field);
      END LOOP;
    END $$;
    SELECT count(*) FROM pg_indexes WHERE schemaname = '${schema}' AND indexdef LIKE '%USING gin%';`;
  const started = now();
  const output = await psql('creating the GIN indexes', sql, 600_000);
  const made = Number(output.trim().split('\n').pop());
  if (!(made > 0)) throw new Error(`no GIN index was made in schema ${schema} (is the server FerretDB on PostgreSQL?): ${output.trim()}`);
  log(`added ${made} GIN (jsonb_path_ops) twins of FerretDB's indexes in schema ${schema} in ${fmtS(now() - started)}`);
}

/** Runs one SQL script with psql on the PostgreSQL behind FerretDB (loopback only); its output. */
async function psql(what, sql, timeoutMs) {
  const url = process.env.ATRIUM_BENCH_POSTGRES_URL?.trim() || `postgres://postgres@127.0.0.1:${process.env.ATRIUM_INFRA_POSTGRES_PORT?.trim() || '5433'}/ferretdb`;
  if (!['127.0.0.1', 'localhost'].includes(new URL(url).hostname)) fail(`the PostgreSQL behind FerretDB (${url}) is not on 127.0.0.1`);
  const child = spawn('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await bounded(`psql ${what}`, once(child, 'exit'), timeoutMs).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });
  if (code !== 0) throw new Error(`psql failed (${code}): ${output.trim()}`);
  return output;
}

/**
 * Table reads (sequential and index scans) in one database's schema so far, from PostgreSQL's
 * statistics: the gateway's database calls, counted without touching the gateway. Undefined when
 * the server is not FerretDB on PostgreSQL. PostgreSQL publishes the counts within a second.
 */
async function tableReadsIn(schema) {
  if (!/^[a-z0-9_]+$/.test(schema)) throw new Error(`unexpected schema name ${schema}`);
  try {
    const output = await psql('counting table reads', `SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0) FROM pg_stat_user_tables WHERE schemaname = '${schema}'`, 30_000);
    return Number(output.trim());
  } catch {
    return undefined;
  }
}

/** Commands Redis has run so far (INFO commandstats), every client together. */
async function redisCommands(redis) {
  const stats = await redis.info('commandstats');
  return [...stats.matchAll(/calls=(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** Database and Redis calls per look-up answered in a phase, from the counts before and after it. */
async function callsPerLookUp(before, schema, redis, answered) {
  await sleep(PG_STATS_DELAY_MS);
  const [reads, commands] = await Promise.all([tableReadsIn(schema), redisCommands(redis)]);
  const per = (after, start) => (after === undefined || start === undefined || answered === 0 ? undefined : (after - start) / answered);
  return { gatewayDbReads: per(reads, before.reads), redisCommands: per(commands, before.commands) };
}

// ---------------------------------------------------------------------------------------------
// The bench

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const infra = infraEnv();
  for (const [name, entry] of Object.entries(ENTRIES)) if (!existsSync(entry)) fail(`${entry} is missing (${name}): run "node scripts/build.mjs" first`);
  for (const port of [options.memberPort, options.gatewayPort]) if (!(await portFree(port))) fail(`port ${port} already answers HTTP; pick another with --member-port / --gateway-port`);
  const fns = memberFunctions();
  const run = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
  const memberDatabase = `atrium_bench_member_${run}`;
  const gatewayDatabase = `atrium_bench_member_${run}_gateway`;
  const memberGroup = `bench-member-lookup-${run}`;
  const gatewayGroup = `bench-member-lookup-gw-${run}`;
  const admin = { username: `bench-admin-${run}`, password: `pw-${randomBytes(12).toString('hex')}` };

  const kafka = new Kafka({ clientId: `bench-member-lookup-${run}`, brokers: infra.KAFKA_BROKERS.split(','), logLevel: logLevel.ERROR });
  const kafkaAdmin = kafka.admin();
  // Enough connections that the baseline's look-ups never queue in the driver's pool.
  const mongo = new MongoClient(infra.MONGO_URL, { serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 180_000, maxPoolSize: 50 });
  // Only to read INFO commandstats: the Redis commands of a phase, per look-up.
  const redis = new Redis(infra.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await bounded('connecting to Kafka, the database and Redis', Promise.all([kafkaAdmin.connect(), mongo.connect(), redis.connect()]));
  const db = mongo.db(memberDatabase);
  // The gateway signs its identity headers with the identity secret, the member service verifies them.
  const shared = { KAFKA_BROKERS: infra.KAFKA_BROKERS, MONGO_URL: infra.MONGO_URL, REDIS_URL: infra.REDIS_URL, ATRIUM_IDENTITY_SECRET: randomBytes(32).toString('hex') };

  let member;
  let gateway;
  let cleaning;
  const cleanup = async () => {
    cleaning ??= (async () => {
      await Promise.allSettled([gateway?.stop(), member?.stop()]);
      if (!options.keep) {
        for (const name of [memberDatabase, gatewayDatabase]) await bounded(`dropping ${name}`, mongo.db(name).dropDatabase(), 120_000).catch((error) => log(`could not drop ${name}: ${error.message}`));
        const groups = await kafkaAdmin.listGroups().then(({ groups }) => groups.map((g) => g.groupId), () => []);
        const ours = groups.filter((id) => [memberGroup, gatewayGroup].some((prefix) => id === prefix || id.startsWith(`${prefix}.`)));
        if (ours.length > 0) await kafkaAdmin.deleteGroups(ours).catch((error) => log(`could not delete groups ${ours.join(', ')}: ${error.message}`));
      }
      await Promise.allSettled([kafkaAdmin.disconnect(), mongo.close(), redis.quit()]);
    })();
    return cleaning;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      cleanup().finally(() => process.exit(130));
    });
  }
  // A hard bound on the whole run, whatever happens inside: set-up, seeding, two phases, clean-up.
  const hardLimitMs = (25 * 60 + Math.ceil(options.members / 1_000) * 5 + options.rates.length * 2 * (options.durationS + options.warmupS + options.requestTimeoutS) * 2) * 1000;
  const hardTimer = setTimeout(() => {
    log(`the run exceeded its hard limit of ${fmtS(hardLimitMs)}; cleaning up`);
    cleanup().finally(() => process.exit(3));
  }, hardLimitMs);
  hardTimer.unref();

  log(`member-lookup run ${run}: ${fmtInt(options.members)} members, ${options.rates.join(', ')}/s for ${options.durationS} s per path and rate (warm-up ${options.warmupS} s), card share ${options.cardShare}, database ${memberDatabase}${options.ferretdbGinIndexes ? ', with GIN twins of FerretDB\'s indexes' : ''}`);
  let results;
  try {
    // ---- the member service on its empty database creates its indexes (syncIndexes, before it is
    // ready) and is stopped; the members are seeded; then it starts again on its full database, as
    // after a deployment, and the gateway in front of it.
    await startGroupsAtEnd(kafkaAdmin, memberGroup, MEMBER_TOPICS);
    const memberEnv = {
      ...shared,
      HTTP_PORT: String(options.memberPort),
      MONGO_DATABASE: memberDatabase,
      KAFKA_CONSUMER_GROUP: memberGroup,
      CARD_PREFIX,
      PHONE_DEFAULT_REGION: 'CN',
    };
    let started = now();
    member = new ServiceChild('member service', ENTRIES.member, options.memberPort, memberEnv);
    await member.ready(120_000);
    const indexes = (await db.collection('members').indexes()).map((index) => Object.keys(index.key).join(','));
    for (const field of ['phone', 'cardNumber', 'cardNumbers']) if (!indexes.includes(field)) throw new Error(`the member service did not create its index on ${field} (indexes: ${indexes.join('; ')})`);
    log(`member service created its indexes (${indexes.join('; ')}) and was ready in ${fmtS(now() - started)}; stopping it to seed`);
    await member.stop();

    const members = await seedMembers(db, options.members, fns);
    if (options.ferretdbGinIndexes) await addGinTwins(memberDatabase);

    started = now();
    member = new ServiceChild('member service', ENTRIES.member, options.memberPort, memberEnv);
    await member.ready(600_000);
    log(`member service ready on ${fmtInt(options.members)} members in ${fmtS(now() - started)}`);

    gateway = new ServiceChild('gateway', ENTRIES.gateway, options.gatewayPort, {
      ...shared,
      GATEWAY_PORT: String(options.gatewayPort),
      MONGO_DATABASE: gatewayDatabase,
      KAFKA_CONSUMER_GROUP: gatewayGroup,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ATRIUM_ADMIN_USERNAME: admin.username,
      ATRIUM_ADMIN_PASSWORD: admin.password,
      MEMBER_SERVICE_URL: member.url,
    });
    await gateway.ready(120_000);
    const token = await deskToken(gateway, admin, run);
    log(`gateway ready; signed in as desk user bench-desk-${run}`);

    // ---- one look-up of each kind, checked, before any load (generous deadline: a cold scan).
    const requestTimeoutMs = options.requestTimeoutS * 1000;
    const direct = directLookUp(db.collection('members'), requestTimeoutMs);
    const viaGateway = gatewayLookUp(gateway, token, requestTimeoutMs);
    const probeMember = members.find((m) => m.formerCard) ?? members[0];
    const probes = [
      { kind: 'phone', member: probeMember, value: probeMember.phone, typed: typedPhone(probeMember.phone, 2) },
      { kind: 'card', member: probeMember, value: probeMember.cardNumber, typed: typedCard(probeMember.cardNumber, true) },
      ...(probeMember.formerCard ? [{ kind: 'former-card', member: probeMember, value: probeMember.formerCard, typed: probeMember.formerCard }] : []),
    ];
    const probeStarted = now();
    for (const entry of probes) {
      const [viaDb, viaHttp] = [await direct(entry), await viaGateway(entry)];
      if (viaDb || viaHttp) throw new Error(`the ${entry.kind} look-up of ${entry.typed} does not work: database ${viaDb ?? 'ok'}, gateway ${viaHttp ?? 'ok'}`);
    }
    log(`probe look-ups by phone, card and replaced card answer the right member on both paths (${fmtS(now() - probeStarted)} for the ${probes.length * 2})`);

    // ---- per offered rate, lowest first: the baseline, then the gateway, each a warm-up
    // (unrecorded) and then the same plan shape at the same rate.
    const phases = {};
    for (const rate of options.rates) {
      const count = rate * options.durationS;
      const warmCount = rate * options.warmupS;
      const loop = { rate, maxInFlight: options.maxInFlight };
      phases[rate] = {};
      for (const [name, lookUp] of [
        ['baseline', direct],
        ['gateway', viaGateway],
      ]) {
        if (warmCount > 0) {
          const warm = await openLoop(makePlan(members, warmCount, options, 7), loop, lookUp);
          log(`${name} at ${rate}/s: warm-up ${fmtInt(warm.sent)} look-ups, p99 ${fmtMs(warm.latency.p99)} ms, ${warm.errors.length} errors${warm.saturatedAfterS === undefined ? '' : `, SATURATED after ${warm.saturatedAfterS.toFixed(1)} s`}`);
        }
        member.assertAlive();
        gateway.assertAlive();
        await sleep(PG_STATS_DELAY_MS);
        const callsBefore = { reads: await tableReadsIn(gatewayDatabase), commands: await redisCommands(redis) };
        const before = cpuSnapshot({ member: member.pid, gateway: gateway.pid });
        const measured = await openLoop(makePlan(members, count, options, 42), loop, lookUp);
        const cpu = cpuDelta(before, cpuSnapshot({ member: member.pid, gateway: gateway.pid }));
        const calls = await callsPerLookUp(callsBefore, gatewayDatabase, redis, measured.latency.count);
        phases[rate][name] = { ...measured, cpu, calls };
        const l = measured.latency;
        log(`${name} at ${rate}/s: ${fmtInt(measured.sent)} of ${fmtInt(count)} look-ups sent, ${measured.achievedRate.toFixed(1)}/s answered: p50 ${fmtMs(l.p50)} p90 ${fmtMs(l.p90)} p99 ${fmtMs(l.p99)} p99.9 ${fmtMs(l.p999)} max ${fmtMs(l.max)} ms; ${measured.errors.length} errors; peak ${measured.peakInFlight} in flight; send lag p99 ${fmtMs(measured.sendLag.p99)} ms`);
        if (measured.saturatedAfterS !== undefined) log(`           SATURATED: ${options.maxInFlight} look-ups outstanding after ${measured.saturatedAfterS.toFixed(1)} s; the other ${fmtInt(measured.unsent)} were not sent`);
        for (const [kind, k] of Object.entries(measured.byKind)) log(`           by ${kind.padEnd(11)} ${fmtInt(k.count).padStart(6)}: p50 ${fmtMs(k.p50)} p99 ${fmtMs(k.p99)} max ${fmtMs(k.max)} ms`);
        log(`           ${formatCpu(cpu)}`);
        const perLookUp = (value) => (value === undefined ? 'n/a' : value.toFixed(2));
        log(`           per look-up: ${perLookUp(calls.gatewayDbReads)} table reads in the gateway's database, ${perLookUp(calls.redisCommands)} Redis commands (all clients)`);
        for (const error of measured.errors.slice(0, 3)) log(`           error (${error.kind} "${error.typed}"): ${error.problem}`);
      }
    }

    // ---- the query shapes the look-up and the service around it run, timed one by one with the
    // services stopped (the member service's outbox relay would otherwise scan beside them).
    await Promise.all([gateway.stop(), member.stop()]);
    log('query shapes on the seeded collection, one at a time, services stopped:');
    const shapes = await timeQueryShapes(db, members, fns, options.scanShapes);
    for (const shape of shapes) {
      const timing = shape.timedOut ? `more than ${SHAPE_LIMIT_MS / 1000} s (gave up)` : `median ${fmtMs(shape.medianMs).padStart(8)} ms  max ${fmtMs(shape.maxMs).padStart(8)} ms  (${shape.reps}×)`;
      log(`           ${shape.name.padEnd(64)} ${timing}${shape.pushdown === undefined ? '' : `  pushdown ${shape.pushdown}`}${shape.plan ? `  ${shape.plan}` : ''}`);
    }
    results = { phases, shapes };
  } finally {
    await cleanup();
    clearTimeout(hardTimer);
  }

  // ---- summary: the target is judged at the highest rate the baseline itself keeps under
  // BASELINE_P99_LIMIT_MS with every look-up answered.
  const { phases } = results;
  const round = (x, digits = 2) => (x === undefined ? null : Number(x.toFixed(digits)));
  const ratio = (a, b) => (a !== undefined && b ? a / b : undefined);
  const answeredAll = (phase) => phase.unsent === 0 && phase.errors.length === 0;
  const judgedRate = [...options.rates].reverse().find((rate) => answeredAll(phases[rate].baseline) && phases[rate].baseline.latency.p99 < BASELINE_P99_LIMIT_MS);
  const verdictAt = (rate) => {
    const { baseline, gateway: viaGateway } = phases[rate];
    return answeredAll(viaGateway) && viaGateway.latency.p99 <= MAX_P99_RATIO * baseline.latency.p99;
  };
  const met = judgedRate !== undefined && verdictAt(judgedRate);
  const row = (label, phase) =>
    `  ${label.padEnd(40)} p50 ${fmtMs(phase.latency.p50).padStart(7)}  p90 ${fmtMs(phase.latency.p90).padStart(7)}  p99 ${fmtMs(phase.latency.p99).padStart(7)}  max ${fmtMs(phase.latency.max).padStart(8)} ms  errors ${phase.errors.length}${phase.unsent > 0 ? `  SATURATED after ${phase.saturatedAfterS.toFixed(1)} s (${fmtInt(phase.sent)} of ${fmtInt(phase.planned)} sent)` : ''}`;
  console.log('');
  console.log(`member-lookup  members=${fmtInt(options.members)}  rates=${options.rates.join(',')}/s  ${options.durationS} s per path and rate  cards ${Math.round(options.cardShare * 100)}%${options.ferretdbGinIndexes ? '  GIN twins' : ''}  (${new Date().toISOString().slice(0, 10)}, run ${run})`);
  for (const rate of options.rates) {
    const { baseline, gateway: viaGateway } = phases[rate];
    console.log(`  at ${rate}/s offered`);
    console.log(row('baseline (driver findOne on the indexes)', baseline));
    console.log(row('gateway → member service (desk token)', viaGateway));
    console.log(`  ratio gateway/baseline   p50 ${ratio(viaGateway.latency.p50, baseline.latency.p50)?.toFixed(2) ?? '-'}   p99 ${ratio(viaGateway.latency.p99, baseline.latency.p99)?.toFixed(2) ?? '-'}`);
  }
  console.log(
    judgedRate === undefined
      ? `  target: the baseline kept p99 < ${BASELINE_P99_LIMIT_MS} ms at none of the rates; NOT MET`
      : `  target at ${judgedRate}/s (highest rate with baseline p99 < ${BASELINE_P99_LIMIT_MS} ms): gateway answers every look-up, p99 <= ${MAX_P99_RATIO}x baseline: ${met ? 'MET' : 'NOT MET'}`,
  );
  const phaseJson = (phase) => ({
    p50Ms: round(phase.latency.p50),
    p90Ms: round(phase.latency.p90),
    p99Ms: round(phase.latency.p99),
    maxMs: round(phase.latency.max),
    errors: phase.errors.length,
    sent: phase.sent,
    unsent: phase.unsent,
    answeredPerS: round(phase.achievedRate, 1),
    cpuS: Object.fromEntries(Object.entries(phase.cpu.parts).map(([name, seconds]) => [name, round(seconds, 1)])),
    gatewayDbReadsPerLookUp: round(phase.calls.gatewayDbReads),
    redisCommandsPerLookUp: round(phase.calls.redisCommands),
  });
  console.log(`RESULT ${JSON.stringify({
    run,
    members: options.members,
    rates: options.rates,
    durationS: options.durationS,
    cardShare: options.cardShare,
    formerCardShare: options.formerCardShare,
    ferretdbGinIndexes: options.ferretdbGinIndexes,
    byRate: Object.fromEntries(options.rates.map((rate) => [rate, { baseline: phaseJson(phases[rate].baseline), gateway: phaseJson(phases[rate].gateway) }])),
    judgedRate: judgedRate ?? null,
    queryShapesMedianMs: Object.fromEntries(results.shapes.map((shape) => [shape.name, shape.timedOut ? `>${SHAPE_LIMIT_MS}` : round(shape.medianMs)])),
    met,
  })}`);
  const lookupBaseline = 'driver findOne on the same indexes';
  const target = `at the highest rate with baseline p99 < ${BASELINE_P99_LIMIT_MS} ms: every request answered, p99 <= ${MAX_P99_RATIO}x baseline`;
  const rows = options.rates.flatMap((rate) => {
    const { baseline, gateway: viaGateway } = phases[rate];
    const judged = rate === judgedRate;
    const latencyRow = (percentile, rowTarget) => ({
      metric: `look-up latency ${percentile} at ${rate}/s`,
      value: round(viaGateway.latency[percentile]),
      unit: 'ms',
      baseline: lookupBaseline,
      baselineValue: round(baseline.latency[percentile]),
      ratio: round(ratio(viaGateway.latency[percentile], baseline.latency[percentile])),
      target: rowTarget,
      met: rowTarget === null ? null : met,
    });
    return [
      latencyRow('p50', null),
      latencyRow('p99', judged ? target : null),
      {
        metric: `answered at ${rate}/s offered`,
        value: round(viaGateway.achievedRate, 1),
        unit: 'requests/s',
        baseline: lookupBaseline,
        baselineValue: round(baseline.achievedRate, 1),
        ratio: round(viaGateway.achievedRate / baseline.achievedRate),
        target: null,
        met: null,
      },
    ];
  });
  if (judgedRate === undefined) rows.push({ metric: 'highest rate with baseline p99 < 50 ms', value: null, unit: 'requests/s', baseline: lookupBaseline, baselineValue: null, ratio: null, target, met: false });
  const written = writeResultFile(ROOT, {
    benchmark: 'member-lookup',
    run,
    workload: { members: options.members, ratesPerS: options.rates, durationS: options.durationS, cardShare: options.cardShare, judgedRatePerS: judgedRate ?? null },
    rows,
  });
  log(`result written to ${path.relative(ROOT, written)}`);
  if (options.strict && !met) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`member-lookup: ${error.stack ?? error.message}`);
  process.exit(1);
});
