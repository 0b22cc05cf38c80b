import { segmentToFilter, type SegmentFilter } from './segment-filter';
import type { SegmentContext, SegmentRule } from './segment-rule.entity';

const context: SegmentContext = { now: new Date('2025-06-15T04:00:00Z'), timeZone: 'Asia/Shanghai' };

/** The operators FerretDB v1 and MongoDB both run the same way. */
const SHARED_OPERATORS = new Set(['$and', '$or', '$nor', '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists', '$elemMatch', '$all']);

function operatorsIn(filter: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(filter)) filter.forEach((item) => operatorsIn(item, found));
  else if (typeof filter === 'object' && filter !== null && !(filter instanceof Date)) {
    for (const [key, value] of Object.entries(filter)) {
      if (key.startsWith('$')) found.add(key);
      operatorsIn(value, found);
    }
  }
  return found;
}

describe('segmentToFilter', () => {
  it.each<[string, SegmentRule, SegmentFilter]>([
    ['all', { all: [{ hasTag: 'a' }, { hasTag: 'b' }] }, { $and: [{ tags: { $eq: 'a' } }, { tags: { $eq: 'b' } }] }],
    ['any', { any: [{ tierIn: ['gold'] }, { consent: 'granted' }] }, { $or: [{ tier: { $in: ['gold'] } }, { 'marketingConsent.granted': { $eq: true } }] }],
    ['not', { not: { hasTag: 'staff' } }, { $nor: [{ tags: { $eq: 'staff' } }] }],
    ['eq on a text', { field: 'tier', op: 'eq', value: 'gold' }, { tier: { $eq: 'gold' } }],
    ['ne on a nested number', { field: 'birthday.month', op: 'ne', value: 6 }, { 'birthday.month': { $ne: 6 } }],
    ['in', { field: 'language', op: 'in', value: ['en', 'zh-Hant'] }, { language: { $in: ['en', 'zh-Hant'] } }],
    ['gte', { field: 'pointsBalance', op: 'gte', value: 1000 }, { pointsBalance: { $gte: 1000 } }],
    ['lte', { field: 'spendLast12MonthsMinor', op: 'lte', value: 0 }, { spendLast12MonthsMinor: { $lte: 0 } }],
    ['between', { field: 'pointsBalance', op: 'between', from: 10, to: 20 }, { pointsBalance: { $gte: 10, $lte: 20 } }],
    [
      'instants become dates, whatever offset they were written with',
      { field: 'registeredAt', op: 'between', from: '2025-01-01T00:00:00+08:00', to: '2025-01-31T23:59:59.999Z' },
      { registeredAt: { $gte: new Date('2024-12-31T16:00:00Z'), $lte: new Date('2025-01-31T23:59:59.999Z') } },
    ],
    ['a boolean', { field: 'marketingConsent.granted', op: 'eq', value: false }, { 'marketingConsent.granted': { $eq: false } }],
    ['birthday months listed', { birthdayMonth: [1, 2] }, { 'birthday.month': { $in: [1, 2] } }],
    ['birthday this month', { birthdayMonth: 'current' }, { 'birthday.month': { $in: [6] } }],
    ['birthday next month', { birthdayMonth: 'next' }, { 'birthday.month': { $in: [7] } }],
    [
      'no purchase for 90 days',
      { noPurchaseForDays: 90 },
      {
        $or: [
          { lastPurchaseAt: { $lte: new Date('2025-03-17T04:00:00Z') } },
          { $and: [{ lastPurchaseAt: { $exists: false } }, { registeredAt: { $lte: new Date('2025-03-17T04:00:00Z') } }] },
        ],
      },
    ],
    ['registered within 30 days', { registeredWithinDays: 30 }, { registeredAt: { $gt: new Date('2025-05-16T04:00:00Z') } }],
    ['registered before', { registeredBefore: '2024-01-01T00:00:00+08:00' }, { registeredAt: { $lt: new Date('2023-12-31T16:00:00Z') } }],
    ['has any tag', { hasAnyTag: ['a', 'b'] }, { tags: { $in: ['a', 'b'] } }],
    ['has all tags', { hasAllTags: ['a', 'b'] }, { tags: { $all: ['a', 'b'] } }],
    ['consent not granted', { consent: 'not-granted' }, { 'marketingConsent.granted': { $ne: true } }],
  ])('%s', (_case, rule, expected) => {
    expect(segmentToFilter(rule, context)).toEqual(expected);
  });

  it.each<[string, string, string, 'current' | 'next', number[]]>([
    // 2025-05-31T16:30Z is already 1 June in Shanghai, still 31 May in UTC and in London.
    ['this month follows the centre’s calendar, not UTC', '2025-05-31T16:30:00Z', 'Asia/Shanghai', 'current', [6]],
    ['the same instant for a centre in London', '2025-05-31T16:30:00Z', 'Europe/London', 'current', [5]],
    ['next month after December is January', '2025-12-15T04:00:00Z', 'Asia/Shanghai', 'next', [1]],
  ])('%s', (_case, now, timeZone, birthdayMonth, months) => {
    expect(segmentToFilter({ birthdayMonth }, { now: new Date(now), timeZone })).toEqual({ 'birthday.month': { $in: months } });
  });

  it('uses only operators FerretDB v1 and MongoDB share, and passes rule texts only as operands', () => {
    const everything: SegmentRule = {
      all: [
        { any: [{ noPurchaseForDays: 30 }, { registeredWithinDays: 7 }, { registeredBefore: '2020-01-01T00:00:00Z' }] },
        { not: { hasAllTags: ['$where', '{"$gt": ""}'] } },
        { field: 'companyCode', op: 'in', value: ['.*', '$ne'] },
        { field: 'tier', op: 'ne', value: '/gold/i' },
        { hasTag: '$expr' },
        { hasAnyTag: ['^a'] },
        { tierIn: ['gold'] },
        { consent: 'granted' },
        { birthdayMonth: 'current' },
        { field: 'lastPurchaseAt', op: 'between', from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
      ],
    };
    const filter = segmentToFilter(everything, context);
    for (const operator of operatorsIn(filter)) expect(SHARED_OPERATORS.has(operator)).toBe(true);
    // A text that looks like an operator stays a value: it is never a key of the filter.
    expect(JSON.stringify(filter)).toContain('"tags":{"$eq":"$expr"}');
    expect(JSON.stringify(filter)).toContain('"companyCode":{"$in":[".*","$ne"]}');
  });

  it('reads no clock: the same rule and context give the same filter', () => {
    const rule: SegmentRule = { any: [{ noPurchaseForDays: 90 }, { birthdayMonth: 'current' }] };
    expect(segmentToFilter(rule, context)).toEqual(segmentToFilter(rule, { ...context }));
    expect(segmentToFilter(rule, { ...context, now: new Date('2025-06-16T04:00:00Z') })).not.toEqual(segmentToFilter(rule, context));
  });
});
