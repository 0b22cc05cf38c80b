// The segment translator's filters run by the real MongoDB-compatible server (FerretDB here):
// a table of members is inserted into a scratch database of this run, and for every rule of
// the table the database's answer must equal the in-memory evaluator's and the members worked
// out by hand. Every kind of rule and every operator appears in the table.
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { infraEnv } from '@atrium/testing';
import type { MemberProfile } from '../src/members/member-profile.entity';
import { memberMatchesSegment } from '../src/segments/segment-evaluator';
import { segmentToFilter } from '../src/segments/segment-filter';
import type { SegmentContext, SegmentRule } from '../src/segments/segment-rule.entity';
import { validateSegmentRule } from '../src/segments/segment-rule.validation';

// Noon on 15 June 2025 in Shanghai. 90 days earlier is 2025-03-17T04:00:00Z.
const context: SegmentContext = { now: new Date('2025-06-15T04:00:00Z'), timeZone: 'Asia/Shanghai' };
const cutoff90 = new Date('2025-03-17T04:00:00Z');

function member(memberId: string, fields: Omit<MemberProfile, 'memberId' | 'name' | 'phone' | 'smsOptedOut' | 'erased' | 'phoneInvalid'> & Partial<MemberProfile>): MemberProfile {
  return { memberId, name: memberId, phone: '+8613800138000', smsOptedOut: false, erased: false, phoneInvalid: false, ...fields };
}

const members: readonly MemberProfile[] = [
  member('ann', {
    language: 'zh-Hant',
    tier: 'gold',
    birthday: { month: 6, day: 20, year: 1990 },
    registeredAt: new Date('2020-01-10T02:00:00Z'),
    registrationChannel: 'desk',
    tags: ['vip-room'],
    marketingConsent: { granted: true, at: new Date('2020-01-10T02:00:00Z') },
    cardState: 'active',
    pointsBalance: 12_000,
    lastPurchaseAt: new Date('2025-06-10T08:00:00Z'),
    spendLast12MonthsMinor: 1_500_000,
  }),
  member('bob', {
    language: 'en',
    tier: 'silver',
    birthday: { month: 7, day: 1 },
    registeredAt: new Date('2024-11-01T02:00:00Z'),
    registrationChannel: 'corporate',
    companyCode: 'ACME',
    tags: ['staff', 'newsletter'],
    marketingConsent: { granted: true, at: new Date('2024-11-01T02:00:00Z') },
    cardState: 'active',
    pointsBalance: 800,
    lastPurchaseAt: new Date('2025-01-05T08:00:00Z'),
    spendLast12MonthsMinor: 80_000,
  }),
  member('chen', {
    language: 'zh-Hans',
    tier: 'standard',
    registeredAt: new Date('2025-06-01T02:00:00Z'),
    registrationChannel: 'self-service',
    tags: [],
    marketingConsent: { granted: false },
    cardState: 'active',
    pointsBalance: 0,
    spendLast12MonthsMinor: 0,
  }),
  member('dora', {
    language: 'zh-Hans',
    tier: 'vip',
    birthday: { month: 12, day: 31, year: 1975 },
    registeredAt: new Date('2018-03-03T02:00:00Z'),
    registrationChannel: 'import',
    tags: ['vip-room', 'newsletter'],
    marketingConsent: { granted: false, at: new Date('2024-05-01T02:00:00Z') },
    cardState: 'frozen',
    pointsBalance: 250_000,
    lastPurchaseAt: cutoff90, // exactly 90 days ago
    spendLast12MonthsMinor: 9_000_000,
  }),
  member('eve', {
    language: 'zh-Hant',
    tier: 'gold',
    birthday: { month: 6, day: 1 },
    registeredAt: new Date('2025-03-01T02:00:00Z'),
    registrationChannel: 'activity',
    companyCode: 'ACME',
    tags: ['newsletter'],
    marketingConsent: { granted: true, at: new Date('2025-03-01T02:00:00Z') },
    smsOptedOut: true,
    cardState: 'lost',
    pointsBalance: -50,
    spendLast12MonthsMinor: 0,
  }),
  member('fay', {
    language: 'en',
    tier: 'silver',
    birthday: { month: 2, day: 29, year: 2000 },
    registeredAt: new Date(cutoff90.getTime() + 1), // a millisecond short of 90 days ago
    registrationChannel: 'desk',
    tags: ['staff'],
    marketingConsent: { granted: true, at: new Date('2025-03-17T04:00:00Z') },
    cardState: 'closed',
    pointsBalance: 1000,
    spendLast12MonthsMinor: 100_000,
    phoneInvalid: true,
  }),
  member('gus', {
    name: '',
    phone: '',
    language: 'zh-Hans',
    tier: 'standard',
    registeredAt: new Date('2019-09-09T02:00:00Z'),
    registrationChannel: 'desk',
    tags: [],
    marketingConsent: { granted: false },
    cardState: 'closed',
    erased: true,
    pointsBalance: 0,
    lastPurchaseAt: new Date('2019-12-01T02:00:00Z'),
    spendLast12MonthsMinor: 0,
  }),
  member('hui', {
    language: 'zh-Hant',
    tier: 'Gold', // not "gold": comparisons are exact, as in MongoDB
    birthday: { month: 6, day: 15, year: 1988 },
    registeredAt: new Date('2023-06-15T04:00:00Z'),
    registrationChannel: 'corporate',
    companyCode: 'acme',
    tags: ['VIP-ROOM'],
    marketingConsent: { granted: true, at: new Date('2023-06-15T04:00:00Z') },
    cardState: 'active',
    pointsBalance: 1000,
    lastPurchaseAt: new Date(cutoff90.getTime() - 1), // just over 90 days ago
    spendLast12MonthsMinor: 1_000_000,
  }),
];

const table: [string, unknown, string[]][] = [
  ['tier in gold, vip', { tierIn: ['gold', 'vip'] }, ['ann', 'dora', 'eve']],
  ['tier eq silver', { field: 'tier', op: 'eq', value: 'silver' }, ['bob', 'fay']],
  ['tier ne gold', { field: 'tier', op: 'ne', value: 'gold' }, ['bob', 'chen', 'dora', 'fay', 'gus', 'hui']],
  ['language in zh-Hant, en', { field: 'language', op: 'in', value: ['zh-Hant', 'en'] }, ['ann', 'bob', 'eve', 'fay', 'hui']],
  ['company eq ACME', { field: 'companyCode', op: 'eq', value: 'ACME' }, ['bob', 'eve']],
  ['company ne ACME (no company counts as "not ACME")', { field: 'companyCode', op: 'ne', value: 'ACME' }, ['ann', 'chen', 'dora', 'fay', 'gus', 'hui']],
  ['points gte 1000', { field: 'pointsBalance', op: 'gte', value: 1000 }, ['ann', 'dora', 'fay', 'hui']],
  ['points lte 0', { field: 'pointsBalance', op: 'lte', value: 0 }, ['chen', 'eve', 'gus']],
  ['points between 800 and 1000', { field: 'pointsBalance', op: 'between', from: 800, to: 1000 }, ['bob', 'fay', 'hui']],
  ['spend gte ¥10,000', { field: 'spendLast12MonthsMinor', op: 'gte', value: 1_000_000 }, ['ann', 'dora', 'hui']],
  ['birthday month eq 6', { field: 'birthday.month', op: 'eq', value: 6 }, ['ann', 'eve', 'hui']],
  ['birthday month ne 6 (no birthday counts)', { field: 'birthday.month', op: 'ne', value: 6 }, ['bob', 'chen', 'dora', 'fay', 'gus']],
  ['birth year lte 1990 (no year: no match)', { field: 'birthday.year', op: 'lte', value: 1990 }, ['ann', 'dora', 'hui']],
  ['birthday day between 15 and 31', { field: 'birthday.day', op: 'between', from: 15, to: 31 }, ['ann', 'dora', 'fay', 'hui']],
  ['birthday this month (June in Shanghai)', { birthdayMonth: 'current' }, ['ann', 'eve', 'hui']],
  ['birthday next month (July)', { birthdayMonth: 'next' }, ['bob']],
  ['birthday in December or February', { birthdayMonth: [12, 2] }, ['dora', 'fay']],
  ['no purchase for 90 days', { noPurchaseForDays: 90 }, ['bob', 'dora', 'eve', 'gus', 'hui']],
  ['registered within 90 days', { registeredWithinDays: 90 }, ['chen', 'fay']],
  ['registered before 2020', { registeredBefore: '2020-01-01T00:00:00+08:00' }, ['dora', 'gus']],
  [
    'registered between 2020 and 2024',
    { field: 'registeredAt', op: 'between', from: '2020-01-01T00:00:00+08:00', to: '2024-12-31T23:59:59+08:00' },
    ['ann', 'bob', 'hui'],
  ],
  ['bought since 2025 (never bought: no match)', { field: 'lastPurchaseAt', op: 'gte', value: '2025-01-01T00:00:00+08:00' }, ['ann', 'bob', 'dora', 'hui']],
  ['has tag vip-room (exact case)', { hasTag: 'vip-room' }, ['ann', 'dora']],
  ['has any of staff, vip-room', { hasAnyTag: ['staff', 'vip-room'] }, ['ann', 'bob', 'dora', 'fay']],
  ['has all of vip-room, newsletter', { hasAllTags: ['vip-room', 'newsletter'] }, ['dora']],
  ['consent granted', { consent: 'granted' }, ['ann', 'bob', 'eve', 'fay', 'hui']],
  ['consent not granted', { consent: 'not-granted' }, ['chen', 'dora', 'gus']],
  ['consent field eq true', { field: 'marketingConsent.granted', op: 'eq', value: true }, ['ann', 'bob', 'eve', 'fay', 'hui']],
  ['consent field ne true', { field: 'marketingConsent.granted', op: 'ne', value: true }, ['chen', 'dora', 'gus']],
  ['card frozen or closed', { field: 'cardState', op: 'in', value: ['frozen', 'closed'] }, ['dora', 'fay', 'gus']],
  ['came through a company', { field: 'registrationChannel', op: 'eq', value: 'corporate' }, ['bob', 'hui']],
  ['not gold', { not: { tierIn: ['gold'] } }, ['bob', 'chen', 'dora', 'fay', 'gus', 'hui']],
  ['not born in June (the same as ne)', { not: { field: 'birthday.month', op: 'eq', value: 6 } }, ['bob', 'chen', 'dora', 'fay', 'gus']],
  ['consent answered since 2024', { field: 'marketingConsent.at', op: 'gte', value: '2024-01-01T00:00:00Z' }, ['bob', 'dora', 'eve', 'fay']],
  [
    'not answered before 2024 (never answered counts)',
    { not: { field: 'marketingConsent.at', op: 'lte', value: '2024-01-01T00:00:00Z' } },
    ['bob', 'chen', 'dora', 'eve', 'fay', 'gus'],
  ],
  [
    'June birthdays with consent, staff excluded',
    { all: [{ consent: 'granted' }, { birthdayMonth: 'current' }, { not: { hasTag: 'staff' } }] },
    ['ann', 'eve', 'hui'],
  ],
  ['lapsed or new', { any: [{ noPurchaseForDays: 90 }, { registeredWithinDays: 30 }] }, ['bob', 'chen', 'dora', 'eve', 'gus', 'hui']],
  [
    'gold or big spenders, but neither English readers nor newsletter readers',
    {
      all: [
        { any: [{ tierIn: ['gold'] }, { field: 'spendLast12MonthsMinor', op: 'gte', value: 5_000_000 }] },
        { not: { any: [{ field: 'language', op: 'eq', value: 'en' }, { hasTag: 'newsletter' }] } },
      ],
    },
    ['ann'],
  ],
  ['a double negation', { not: { not: { hasTag: 'newsletter' } } }, ['bob', 'dora', 'eve']],
];

function ruleOf(input: unknown): SegmentRule {
  const validation = validateSegmentRule(input);
  if (!validation.valid) throw new Error(`table rule is invalid: ${JSON.stringify(validation.problems)}`);
  return validation.rule;
}

describe('segment filters on the real FerretDB', () => {
  const databaseName = `atrium_test_segfilter_${randomUUID().slice(0, 8)}`;
  let connection: Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: databaseName, serverSelectionTimeoutMS: 10_000 }).asPromise();
    // As the projection stores them (registered, keyed by member id), erased ones included.
    await connection.collection('member_profiles').insertMany(
      members.map((candidate) => ({ ...candidate, _id: candidate.memberId, registered: true })) as unknown as Record<string, unknown>[],
    );
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  async function selectedByDatabase(filter: Record<string, unknown>): Promise<string[]> {
    const documents = await connection.collection<{ _id: string }>('member_profiles').find(filter, { projection: { _id: 1 } }).toArray();
    return documents.map((document) => document._id).sort();
  }

  it.each(table)('%s', async (_case, input, expected) => {
    const rule = ruleOf(input);
    const filter = segmentToFilter(rule, context) as Record<string, unknown>;
    const byEvaluator = members.filter((candidate) => memberMatchesSegment(candidate, rule, context)).map((candidate) => candidate.memberId);

    expect(byEvaluator).toEqual(expected);
    expect(await selectedByDatabase(filter)).toEqual([...expected].sort());
    // As the projection's repository asks: live members only (the erased one vanishes), the
    // equalities at the top where the server can push them down.
    expect(await selectedByDatabase({ registered: true, erased: false, $and: [filter] })).toEqual(
      [...expected].filter((memberId) => !members.find((candidate) => candidate.memberId === memberId)?.erased).sort(),
    );
  });

  it('covers every kind of rule and every operator in the table', () => {
    const seen = new Set<string>();
    const visit = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (typeof record.op === 'string') seen.add(`op:${record.op}`);
      for (const [key, value] of Object.entries(record)) {
        if (!['field', 'op', 'value', 'from', 'to'].includes(key)) seen.add(key);
        if (Array.isArray(value)) value.forEach(visit);
        else visit(value);
      }
    };
    table.forEach(([, rule]) => visit(rule));
    expect([...seen].sort()).toEqual(
      [
        'all',
        'any',
        'not',
        'birthdayMonth',
        'noPurchaseForDays',
        'registeredWithinDays',
        'registeredBefore',
        'hasTag',
        'hasAnyTag',
        'hasAllTags',
        'tierIn',
        'consent',
        'op:eq',
        'op:ne',
        'op:in',
        'op:gte',
        'op:lte',
        'op:between',
      ].sort(),
    );
  });
});
