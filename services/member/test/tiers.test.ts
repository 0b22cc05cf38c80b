import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, TopicRecorder, waitFor, testPort } from '@atrium/testing';
import { MemberServiceUnderTest, type TestStaff } from './support/member-service';
import { payloadOf, PointsEventsProducer } from './support/points-events';

interface TierAnswer {
  tier: { code: string };
  rollingSpendMinor: number;
  next: { tier: { code: string }; remainingMinor: number } | null;
  history: { from: string; to: string; reason: string; runId?: string; reviewYear?: number }[];
  reviews: { year: number; runId: string; from: string; to: string }[];
}

interface RunAnswer {
  id: string;
  year: number;
  status: string;
  total: number;
  processed: number;
  downgraded: number;
  kept: number;
  alreadyReviewed: number;
  closed: number;
}

interface TierChangedPayload {
  memberId: string;
  fromTier: string;
  toTier: string;
  reason: string;
  reviewRunId?: string;
}

/**
 * Tiers on the real servers: qualifying spend from the points service's events on its topic,
 * upgrades as soon as a threshold is crossed, and the yearly review as a BullMQ job. Default
 * tiers: silver at 5,000.00 (kept with 3,000.00), gold at 20,000.00 (kept with 12,000.00), VIP.
 */
describe('tiers', () => {
  const service = new MemberServiceUnderTest(testPort(13283));
  const desk: TestStaff = { id: 'desk-tiers-test', roles: ['desk'] };
  const supervisor: TestStaff = { id: 'sup-tiers-test', roles: ['supervisor'] };
  const points = new PointsEventsProducer();
  let memberEvents: TopicRecorder;
  let buyer: { id: string };

  beforeAll(async () => {
    await service.start();
    await points.start();
    memberEvents = await new TopicRecorder(new Kafka({ clientId: 'member-tiers-test', brokers: infraEnv().kafkaBrokers, logLevel: 1 }), [TOPICS.memberEvents.name]).start(false);
  }, 120_000);

  afterAll(async () => {
    await memberEvents?.stop();
    await points.stop();
    await service.stop();
  });

  const tierOf = async (memberId: string) => (await service.call<TierAnswer>('GET', `/members/${memberId}/tier`)).body;
  const tierChanges = (memberId: string) =>
    memberEvents.messages.filter((message) => message.key === memberId && message.value?.includes('member.tier-changed')).map((message) => payloadOf<TierChangedPayload>(message.value));

  it('moves a member up as soon as the sales counted over 12 months cross a threshold, counting a sale once', async () => {
    buyer = await service.register(desk);
    const thirteenMonthsAgo = new Date(Date.now() - 400 * 86_400_000);
    const sale = { memberId: buyer.id, tenantId: 'tenant-tiers', receiptNumber: `R-${randomUUID()}`, amountMinor: 300_000 };
    await points.send(
      // Outside the window: it would make the member VIP if it counted.
      points.earned({ memberId: buyer.id, tenantId: 'tenant-tiers', receiptNumber: `OLD-${randomUUID()}`, amountMinor: 9_000_000, purchasedAt: thirteenMonthsAgo }),
      points.earned(sale),
      // The same sale reported again under another event id (the feed and a submitted receipt).
      points.earned(sale),
    );
    await waitFor('the first sale counted', async () => ((await tierOf(buyer.id)).rollingSpendMinor === 300_000 ? true : undefined), 30_000);
    expect((await tierOf(buyer.id)).tier.code).toBe('basic');

    await points.send(points.earned({ memberId: buyer.id, tenantId: 'tenant-tiers', receiptNumber: `R-${randomUUID()}`, amountMinor: 250_000 }));
    const upgraded = await waitFor('the upgrade to silver', async () => {
      const answer = await tierOf(buyer.id);
      return answer.tier.code === 'silver' ? answer : undefined;
    }, 30_000);
    expect(upgraded).toMatchObject({ rollingSpendMinor: 550_000, next: { tier: { code: 'gold' }, remainingMinor: 1_450_000 } });
    expect(upgraded.history).toEqual([expect.objectContaining({ from: 'basic', to: 'silver', reason: 'spend' })]);
    expect((await service.call<{ tier: string }>('GET', `/members/${buyer.id}`)).body.tier).toBe('silver');

    const announced = await waitFor('member.tier-changed', () => Promise.resolve(tierChanges(buyer.id)[0]));
    expect(announced).toMatchObject({ payload: { memberId: buyer.id, fromTier: 'basic', toTier: 'silver', reason: 'TIER_CHANGE_REASON_SPEND' } });
  }, 180_000);

  it('lowers the spend on a refund but keeps the tier until the yearly review', async () => {
    const before = await tierOf(buyer.id);
    const sale = { memberId: buyer.id, tenantId: 'tenant-tiers', receiptNumber: `R-${randomUUID()}`, amountMinor: 100_000 };
    await points.send(points.earned(sale), points.refunded(sale, 'F-1', 100_000), points.refunded({ ...sale, receiptNumber: `UNKNOWN-${randomUUID()}` }, 'F-2', 250_000));
    // 550,000 + 100,000 - 100,000 - 250,000: below silver's 500,000, still at its keep threshold.
    const after = await waitFor('the refunds counted', async () => {
      const answer = await tierOf(buyer.id);
      return answer.rollingSpendMinor === 300_000 ? answer : undefined;
    }, 30_000);
    expect(before.rollingSpendMinor).toBe(550_000);
    expect(after.tier.code).toBe('silver');
    expect(after.history).toHaveLength(1);
  }, 180_000);

  it('refuses a tier that is not configured and a review in the future, naming the field', async () => {
    const badTier = await service.call<{ errors: { field: string }[] }>('POST', `/members/${buyer.id}/tier`, { body: { tier: 'platinum', reason: 'x' }, staff: supervisor });
    expect(badTier.status).toBe(400);
    expect(badTier.body.errors.map((error) => error.field)).toEqual(['tier']);
    const future = await service.call<{ errors: { field: string }[] }>('POST', '/tier-reviews', { body: { asOf: new Date(Date.now() + 86_400_000).toISOString() }, staff: supervisor });
    expect(future.status).toBe(400);
    expect(future.body.errors.map((error) => error.field)).toEqual(['asOf']);
    const noOffset = await service.call<{ errors: { field: string }[] }>('POST', '/tier-reviews', { body: { asOf: '2026-01-01T00:00:00' }, staff: supervisor });
    expect(noOffset.body.errors.map((error) => error.field)).toEqual(['asOf']);
    expect((await tierOf(buyer.id)).history).toHaveLength(1);
  }, 180_000);

  it('takes members below their keep threshold down one level in the yearly review, and a second run of the year changes nothing', async () => {
    const gold = await service.register(desk);
    const vip = await service.register(desk);
    const basic = await service.register(desk);
    for (const [member, tier] of [
      [gold, 'gold'],
      [vip, 'vip'],
    ] as const) {
      const set = await service.call('POST', `/members/${member.id}/tier`, { body: { tier, reason: 'migrated by hand' }, staff: supervisor });
      expect(set.status).toBe(200);
    }
    expect((await tierOf(vip.id)).history).toEqual([expect.objectContaining({ from: 'basic', to: 'vip', reason: 'staff' })]);

    const runOf = async (asOf: string) => {
      const started = await service.call<RunAnswer>('POST', '/tier-reviews', { body: { asOf }, staff: supervisor });
      expect(started.status).toBe(202);
      return waitFor('the review run to complete', async () => {
        const run = (await service.call<RunAnswer>('GET', `/tier-reviews/${started.body.id}`)).body;
        return run.status === 'completed' ? run : undefined;
      }, 60_000);
    };
    const asOf = new Date().toISOString();
    const first = await runOf(asOf);
    // Everyone this test file registered: the buyer (silver, 3,000.00: kept), gold and VIP with no spend, basic.
    expect(first).toMatchObject({ total: 4, processed: 4, downgraded: 2, kept: 2, alreadyReviewed: 0, closed: 0 });
    expect((await tierOf(gold.id)).tier.code).toBe('silver');
    expect((await tierOf(vip.id)).tier.code).toBe('gold');
    expect((await tierOf(buyer.id)).tier.code).toBe('silver');
    expect((await tierOf(basic.id)).tier.code).toBe('basic');
    const vipAfter = await tierOf(vip.id);
    expect(vipAfter.history[0]).toMatchObject({ from: 'vip', to: 'gold', reason: 'yearly-review', runId: first.id, reviewYear: first.year });
    expect(vipAfter.reviews).toEqual([expect.objectContaining({ year: first.year, runId: first.id, from: 'vip', to: 'gold' })]);
    const reviewed = await waitFor('the review\'s tier events', () => {
      const events = tierChanges(vip.id).filter((event) => event.payload.reason === 'TIER_CHANGE_REASON_YEARLY_REVIEW');
      return Promise.resolve(events.length > 0 ? events : undefined);
    });
    expect(reviewed[0].payload).toMatchObject({ fromTier: 'vip', toTier: 'gold', reviewRunId: first.id });

    const second = await runOf(asOf);
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ year: first.year, processed: 4, downgraded: 0, alreadyReviewed: 3, kept: 1 });
    for (const member of [gold, vip, buyer, basic]) {
      const answer = await tierOf(member.id);
      expect(answer.reviews.filter((review) => review.year === first.year).map((review) => review.runId)).toEqual(member === basic ? [] : [first.id]);
    }
    expect((await tierOf(gold.id)).tier.code).toBe('silver');
    expect((await tierOf(vip.id)).history.filter((change) => change.reason === 'yearly-review')).toHaveLength(1);
  }, 180_000);
});
