import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { PointsAccountOpenedSchema, PointsEarnedSchema, TOPICS, type PointsEarned } from '@atrium/contracts';
import { EventCodec, type OutboxEntry } from '@atrium/messaging';
import { BalanceStamp } from './balance-stamp';

const codec = new EventCodec([TOPICS.pointsEvents]);
const memberId = randomUUID();
const occurredAt = new Date('2026-11-27T06:00:00.123Z');

function outboxEntry(type: string, value: string, eventId: string): OutboxEntry {
  return { eventId, topic: TOPICS.pointsEvents.name, type, key: memberId, value, createdAt: occurredAt };
}

function earned(): OutboxEntry {
  const eventId = randomUUID();
  const value = codec.encode(
    TOPICS.pointsEvents,
    'points.earned',
    PointsEarnedSchema,
    { memberId, tenantId: 't-1', receiptNumber: 'R-1', amountMinor: 12_345n, currency: 'CNY', points: 123n, purchasedAt: timestampFromDate(occurredAt) },
    { eventId, key: memberId, occurredAt, producer: 'points', traceId: 'trace-1' },
  );
  return outboxEntry('points.earned', value, eventId);
}

describe('BalanceStamp', () => {
  const stamp = new BalanceStamp();

  it('writes the balances after the change into points.earned and keeps the rest of the envelope', () => {
    const before = earned();
    const after = stamp.stamp(before, { available: -40, pending: 123 });
    const decoded = codec.decode(TOPICS.pointsEvents, after.value);
    expect(decoded.payload).toMatchObject({ availableBalance: -40n, pendingBalance: 123n, points: 123n, receiptNumber: 'R-1' } satisfies Partial<PointsEarned>);
    expect(decoded).toMatchObject({ eventId: before.eventId, key: memberId, occurredAt, producer: 'points', traceId: 'trace-1' });
    expect({ ...after, value: undefined }).toEqual({ ...before, value: undefined });
  });

  it('says zero balances explicitly, so a reader can tell them from an event without balances', () => {
    const decoded = codec.decode(TOPICS.pointsEvents, stamp.stamp(earned(), { available: 0, pending: 0 }).value);
    expect(decoded.payload).toMatchObject({ availableBalance: 0n, pendingBalance: 0n });
    expect((codec.decode(TOPICS.pointsEvents, earned().value).payload as PointsEarned).availableBalance).toBeUndefined();
  });

  it('refuses an outbox entry whose payload is not the type its event type carries', () => {
    const opened = codec.encode(TOPICS.pointsEvents, 'points.account-opened', PointsAccountOpenedSchema, { memberId, openedAt: timestampFromDate(occurredAt) }, { eventId: randomUUID(), key: memberId, occurredAt, producer: 'points', traceId: 'x' });
    expect(() => stamp.stamp(outboxEntry('points.earned', opened, randomUUID()), { available: 1, pending: 1 })).toThrow(/PointsEarned/);
  });

  it('leaves an event whose contract has no balances as it was', () => {
    const eventId = randomUUID();
    const value = codec.encode(TOPICS.pointsEvents, 'points.account-opened', PointsAccountOpenedSchema, { memberId, openedAt: timestampFromDate(occurredAt) }, { eventId, key: memberId, occurredAt, producer: 'points', traceId: eventId });
    const opened = outboxEntry('points.account-opened', value, eventId);
    expect(stamp.stamp(opened, { available: 5, pending: 5 })).toBe(opened);
  });
});
