#!/usr/bin/env node
// Which FerretDB backend serves Atrium's hot lookups (a member by phone, by card number)?
//
// For each FerretDB URL given, this inserts BENCH_DOCS member-like documents, creates the
// indexes Atrium has (unique phone, unique cardNumber), then times lookups by phone and by
// card number against the simplest baseline measured in the same run on the same server:
// a lookup by _id (which every backend pushes down to its primary key). Ratios, not absolute
// times, are the result: this machine is shared and its absolute speed varies from run to
// run, while a ratio shows whether a lookup uses the index (ratio near 1) or scans the
// collection (ratio growing with the collection's size). The three kinds of lookup are
// interleaved so that drift in the machine's speed affects them alike.
//
// Usage (normally through scripts/bench/ferretdb-backends.sh, which starts the servers):
//   node scripts/bench/ferretdb-backends.mjs name=mongodb://127.0.0.1:27118 name2=...
// Bounded: BENCH_DOCS (default 20000) documents, BENCH_LOOKUPS (default 200) lookups of each
// kind, and BENCH_BUDGET_S (default 120) seconds of lookups per backend, whichever ends first.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { MongoClient, ObjectId } = require('mongodb');

const DOCS = Number(process.env.BENCH_DOCS ?? 20000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 200);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 120) * 1000;
const BATCH = 1000;

// Deterministic data: the same documents on every backend and every run (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Wei', 'Fang', 'Min', 'Jing', 'Lei', 'Yan', 'Hui', 'Qiang', 'Li', 'Na'];
const FAMILY = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'];

function member(i) {
  // Unique by construction: the phone and card number encode i.
  const id = new ObjectId(i.toString(16).padStart(24, '0'));
  return {
    _id: id,
    phone: `+86138${String(10000000 + i * 7).padStart(8, '0')}`,
    cardNumber: `AT${String(3000000000 + i * 13)}`,
    name: { given: GIVEN[i % 10], family: FAMILY[(i * 7) % 10] },
    tier: ['basic', 'silver', 'gold'][i % 3],
    points: (i * 37) % 5000,
    consent: { sms: i % 4 !== 0 },
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60000),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN;
};

async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function benchOne(name, url) {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  try {
    const db = client.db('atrium_bench');
    const build = await db.command({ buildInfo: 1 });
    const col = db.collection('members');
    await col.drop().catch(() => undefined);

    // Insert with the driver's bulk path (insertMany of 1,000-document batches).
    let insertMs = 0;
    for (let from = 0; from < DOCS; from += BATCH) {
      const batch = [];
      for (let i = from; i < Math.min(DOCS, from + BATCH); i += 1) batch.push(member(i));
      const [ms] = await timed(() => col.insertMany(batch, { ordered: false }));
      insertMs += ms;
    }
    const [indexMs] = await timed(() =>
      col.createIndexes([
        { key: { phone: 1 }, name: 'phone_1', unique: true },
        { key: { cardNumber: 1 }, name: 'cardNumber_1', unique: true },
      ]),
    );
    const count = await col.countDocuments();
    if (count !== DOCS) throw new Error(`${name}: expected ${DOCS} documents, found ${count}`);

    // Does the backend push the filter down? FerretDB's explain says so (filterPushdown).
    const pick = member(Math.floor(DOCS / 2));
    const explain = {};
    for (const [kind, filter] of [['_id', { _id: pick._id }], ['phone', { phone: pick.phone }], ['cardNumber', { cardNumber: pick.cardNumber }]]) {
      const e = await db.command({ explain: { find: 'members', filter, limit: 1 }, verbosity: 'queryPlanner' });
      explain[kind] = e.filterPushdown ?? e.queryPlanner?.winningPlan?.stage ?? '?';
    }

    // Warm up each kind of lookup (connection pool, caches, statement preparation).
    for (let w = 0; w < 5; w += 1) {
      const m = member(w * 11);
      await col.findOne({ _id: m._id });
      await col.findOne({ phone: m.phone });
      await col.findOne({ cardNumber: m.cardNumber });
    }

    // Interleaved lookups of random existing members, rotating the order of the three kinds.
    const r = rng(20260127);
    const times = { _id: [], phone: [], cardNumber: [] };
    const kinds = ['_id', 'phone', 'cardNumber'];
    const started = performance.now();
    let n = 0;
    for (; n < LOOKUPS && performance.now() - started < BUDGET_MS; n += 1) {
      const m = member(Math.floor(r() * DOCS));
      for (let k = 0; k < 3; k += 1) {
        const kind = kinds[(n + k) % 3];
        const [ms, doc] = await timed(() => col.findOne({ [kind]: m[kind] }));
        if (!doc || String(doc._id) !== String(m._id)) throw new Error(`${name}: lookup by ${kind} found the wrong member`);
        times[kind].push(ms);
      }
    }

    await col.drop().catch(() => undefined);
    const base = median(times._id);
    return {
      backend: name,
      url,
      ferretdbVersion: build.ferretdbVersion,
      docs: DOCS,
      insertDocsPerS: Math.round(DOCS / (insertMs / 1000)),
      createIndexesMs: Math.round(indexMs),
      lookupsEach: n,
      budgetHit: n < LOOKUPS,
      pushdown: explain,
      medianMs: Object.fromEntries(kinds.map((k) => [k, +median(times[k]).toFixed(3)])),
      p95Ms: Object.fromEntries(kinds.map((k) => [k, +pct(times[k], 0.95).toFixed(3)])),
      ratioToId: {
        phone: +(median(times.phone) / base).toFixed(2),
        cardNumber: +(median(times.cardNumber) / base).toFixed(2),
      },
    };
  } finally {
    await client.close();
  }
}

async function main() {
  const targets = process.argv.slice(2).map((a) => {
    const i = a.indexOf('=');
    if (i < 1) throw new Error(`argument must be name=mongodb-url, got ${a}`);
    return [a.slice(0, i), a.slice(i + 1)];
  });
  if (targets.length === 0) throw new Error('usage: ferretdb-backends.mjs name=mongodb://host:port ...');

  console.log(`FerretDB backends: ${DOCS} member documents, up to ${LOOKUPS} lookups of each kind, ` +
    `${BUDGET_MS / 1000}s budget per backend; ratios are median lookup time / median lookup by _id\n`);
  const results = [];
  for (const [name, url] of targets) {
    process.stdout.write(`${name}: running...\n`);
    results.push(await benchOne(name, url));
  }
  console.log('');
  const row = (cells) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 11 : 14)).join(''));
  row(['backend', 'insert doc/s', 'idx ms', 'by _id ms', 'by phone ms', 'by card ms', 'phone/_id', 'card/_id', 'pushdown(_id,phone,card)']);
  for (const r of results) {
    row([r.backend, r.insertDocsPerS, r.createIndexesMs, r.medianMs._id, r.medianMs.phone, r.medianMs.cardNumber,
      `${r.ratioToId.phone}x`, `${r.ratioToId.cardNumber}x`,
      `${r.pushdown._id},${r.pushdown.phone},${r.pushdown.cardNumber}${r.budgetHit ? ` (budget hit after ${r.lookupsEach})` : ''}`]);
  }
  console.log(`\nJSON ${JSON.stringify(results)}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
