// The member projection kept from real events on the real Kafka topics (written as the member
// and points services write them: protobuf envelopes through the EventCodec), consumed by the
// service's consumers into the real FerretDB, as segments then see it.
import { randomInt, randomUUID } from 'node:crypto';
import { PreferredLanguage, RegistrationChannel } from '@atrium/contracts';
import { waitFor } from '@atrium/testing';
import type { MemberProfile } from '../src/members/member-profile.entity';
import { CampaignSideApp, SPECIALIST } from './support/campaign-side';
import { EventFeed, eventIdsOf, type Message } from './support/event-feed';

const mobile = (): string => `+8525${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
const DAY = 86_400_000;

describe('member projection from member and points events', () => {
  const service = new CampaignSideApp();
  const feed = new EventFeed();

  beforeAll(async () => {
    await service.start({ consume: true });
    await feed.start();
  }, 120_000);

  afterAll(async () => {
    await feed.stop();
    await service.stop();
  });

  /** Waits until the projection has the member and `ready` says it has caught up. */
  async function profileWhen(memberId: string, what: string, ready: (profile: MemberProfile) => boolean): Promise<MemberProfile> {
    return waitFor(`${what} for ${memberId}`, async () => {
      const profile = await service.profiles.get(memberId);
      return profile && ready(profile) ? profile : undefined;
    }, 60_000, 200);
  }

  it('builds the profile from registration, card, profile and consent events, absent fields unset', async () => {
    const memberId = randomUUID();
    const phone = mobile();
    const registeredAt = new Date(Date.now() - 10 * DAY);
    const updatedAt = new Date(Date.now() - 5 * DAY);
    const consentAt = new Date(Date.now() - 4 * DAY);
    await feed.member([
      feed.registered(memberId, phone, { channel: RegistrationChannel.CORPORATE, sourceRef: 'ACME', at: registeredAt }),
      feed.cardIssued(memberId, '8800000000000013', registeredAt),
      feed.profile(memberId, { phone, name: '陳大文', language: PreferredLanguage.ZH_HANT, birthday: [6, 20], tags: ['vip-room', 'vip-room'], at: updatedAt }),
      feed.consent(memberId, phone, true, consentAt),
    ]);
    const profile = await profileWhen(memberId, 'consent', (candidate) => candidate.marketingConsent.granted);
    expect(profile).toEqual({
      memberId,
      name: '陳大文',
      phone,
      language: 'zh-Hant',
      tier: 'basic',
      birthday: { month: 6, day: 20 },
      registeredAt,
      registrationChannel: 'corporate',
      companyCode: 'ACME',
      tags: ['vip-room'],
      marketingConsent: { granted: true, at: consentAt },
      smsOptedOut: false,
      cardState: 'active',
      erased: false,
      pointsBalance: 0,
      spendLast12MonthsMinor: 0,
      phoneInvalid: false,
    });
    // Stored as the segment translator expects it: absent fields are not there at all, never null.
    const stored = await service.database.collection('member_profiles').findOne({ _id: memberId } as Record<string, unknown>);
    for (const field of ['lastPurchaseAt', 'smsOptedOutAt']) expect(stored && Object.hasOwn(stored, field)).toBe(false);
    expect(Object.values(stored ?? {})).not.toContain(null);

    await feed.member([feed.cardFrozen(memberId, '8800000000000013', new Date())]);
    await profileWhen(memberId, 'the frozen card', (candidate) => candidate.cardState === 'frozen');
  }, 120_000);

  it('keeps spend by month and the last purchase from points events, even before the registration, each event once', async () => {
    const memberId = randomUUID();
    const phone = mobile();
    const lastPurchase = new Date(Date.now() - 2 * DAY);
    const duplicated = feed.earned(memberId, 30_000, new Date(Date.now() - 40 * DAY));
    await feed.points([
      feed.earned(memberId, 12_345, lastPurchase),
      duplicated,
      duplicated,
      // Thirteen months ago: outside the last 12 months.
      feed.earned(memberId, 99_999, new Date(Date.now() - 400 * DAY)),
      feed.refunded(memberId, 2_345, new Date(Date.now() - DAY)),
    ]);
    // Points first, registration after: the member is no profile until registered, then has the spend.
    await waitFor('the spend to be kept', async () => {
      const stored = await service.database.collection('member_profiles').findOne({ _id: memberId } as Record<string, unknown>);
      return stored?.spendLast12MonthsMinor === 40_000 ? stored : undefined;
    }, 60_000, 200);
    expect(await service.profiles.get(memberId)).toBeUndefined();
    await feed.member([feed.registered(memberId, phone)]);
    const profile = await profileWhen(memberId, 'the registration', () => true);
    expect(profile).toMatchObject({ spendLast12MonthsMinor: 40_000, lastPurchaseAt: lastPurchase, pointsBalance: 0 });

    const preview = await service.expect<{ count: number; sample: { memberId: string }[] }>(200, 'POST', '/segments/preview', {
      body: { rule: { all: [{ field: 'spendLast12MonthsMinor', op: 'between', from: 40_000, to: 40_000 }, { noPurchaseForDays: 1 }] } },
    });
    expect(preview.sample.map((member) => member.memberId)).toEqual([memberId]);
  }, 120_000);

  it('loses no update when both topics change one member at once', async () => {
    const memberId = randomUUID();
    const phone = mobile();
    await feed.member([feed.registered(memberId, phone)]);
    await profileWhen(memberId, 'the registration', () => true);
    const sales = Array.from({ length: 40 }, (_, index) => feed.earned(memberId, 100 + index, new Date(Date.now() - (index + 1) * 60_000)));
    const updates = Array.from({ length: 15 }, (_, index) => feed.profile(memberId, { phone, name: 'Test Shopper', tags: [`tag-${index}`], at: new Date(Date.now() - (15 - index) * 1_000) }));
    // One message per send: the two consumers interleave their writes to this member.
    await Promise.all([...sales.map((sale) => feed.points([sale])), ...updates.map((update) => feed.member([update]))]);
    const expectedSpend = sales.reduce((sum, _sale, index) => sum + 100 + index, 0);
    const profile = await profileWhen(memberId, 'every sale and the last profile update', (candidate) => candidate.spendLast12MonthsMinor === expectedSpend && candidate.tags[0] === 'tag-14');
    expect(profile.tags).toEqual(['tag-14']);
  }, 120_000);

  it('drops an erased member to a tombstone that later events do not bring back', async () => {
    const memberId = randomUUID();
    const phone = mobile();
    const tag = `erase-${randomUUID().slice(0, 8)}`;
    await feed.member([feed.registered(memberId, phone), feed.profile(memberId, { phone, name: 'Eve', tags: [tag], at: new Date(Date.now() - 1_000) })]);
    await profileWhen(memberId, 'the tag', (candidate) => candidate.tags.includes(tag));
    const rule = { body: { rule: { hasTag: tag } } };
    expect((await service.expect<{ count: number }>(200, 'POST', '/segments/preview', rule)).count).toBe(1);

    // No member.erased event exists yet: its consumer will call this.
    await service.profiles.erase(memberId, new Date());
    const memberEvents = [feed.profile(memberId, { phone, name: 'Eve again', tags: [tag], at: new Date() })];
    const pointsEvents = [feed.earned(memberId, 5_000, new Date())];
    await feed.member(memberEvents);
    await feed.points(pointsEvents);
    const eventIds = eventIdsOf([...memberEvents, ...pointsEvents]);
    await waitFor('the events after the erasure to be processed', async () => {
      const processed = await service.database.collection('messaging_inbox').countDocuments({ eventId: { $in: eventIds } });
      return processed === eventIds.length ? true : undefined;
    }, 60_000, 200);

    expect(await service.profiles.get(memberId)).toMatchObject({ erased: true, name: '', phone: '', tags: [], spendLast12MonthsMinor: 0 });
    expect((await service.expect<{ count: number }>(200, 'POST', '/segments/preview', rule)).count).toBe(0);
    const stored = await service.database.collection('member_profiles').findOne({ _id: memberId } as Record<string, unknown>);
    expect(stored).not.toHaveProperty('name');
    expect(stored).not.toHaveProperty('phone');
  }, 120_000);

  it('selects on tier and points balance as the member and points events left them, and renders both in the member language', async () => {
    const tag = `tier-points-${randomUUID().slice(0, 8)}`;
    const now = Date.now();
    // Each member's events, in the order the member and points services would publish them.
    type Step =
      | { readonly tier: string; readonly at: number }
      | { readonly earned: number }
      | { readonly redeemed: number }
      | { readonly cancelled: number }
      | { readonly expired: number }
      | { readonly refunded: number };
    const plans: Step[][] = [
      [{ tier: 'gold', at: now - 3_000 }, { earned: 800 }],
      [{ tier: 'silver', at: now - 5_000 }, { tier: 'gold', at: now - 4_000 }, { earned: 1_200 }, { redeemed: 300 }],
      [{ tier: 'gold', at: now - 5_000 }, { tier: 'silver', at: now - 4_000 }, { earned: 600 }, { redeemed: 200 }, { cancelled: 500 }],
      [{ earned: 499 }],
      [{ earned: 900 }, { expired: 400 }],
      [{ earned: 700 }, { refunded: 150 }],
      [{ tier: 'vip', at: now - 2_000 }],
      [],
    ];
    const members = plans.map((plan) => ({ memberId: randomUUID(), phone: mobile(), plan }));

    // What each member should end up with, worked out from the plan alone.
    const expected = members.map(({ memberId, plan }) => {
      let tier = 'basic';
      let tierAt = -Infinity;
      let balance = 0;
      for (const step of plan) {
        if ('tier' in step && step.at > tierAt) [tier, tierAt] = [step.tier, step.at];
        if ('earned' in step) balance = step.earned;
        if ('redeemed' in step) balance = step.redeemed;
        if ('cancelled' in step) balance = step.cancelled;
        if ('expired' in step) balance = step.expired;
        if ('refunded' in step) balance = step.refunded;
      }
      return { memberId, tier, balance };
    });

    for (const { memberId, phone, plan } of members) {
      await feed.member([
        feed.registered(memberId, phone),
        feed.profile(memberId, { phone, name: '陳大文', language: PreferredLanguage.ZH_HANT, tags: [tag], at: new Date(now - 10_000) }),
        ...plan.flatMap((step) => ('tier' in step ? [feed.tierChanged(memberId, 'basic', step.tier, new Date(step.at))] : [])),
      ]);
      const points = plan.flatMap((step): Message[] => {
        if ('earned' in step) return [feed.earned(memberId, 10_000, new Date(now - DAY), randomUUID(), step.earned)];
        if ('redeemed' in step) return [feed.redeemed(memberId, 100, step.redeemed)];
        if ('cancelled' in step) return [feed.redemptionCancelled(memberId, 100, step.cancelled)];
        if ('expired' in step) return [feed.expired(memberId, 100, step.expired)];
        if ('refunded' in step) return [feed.refunded(memberId, 5_000, new Date(now - 1_000), step.refunded)];
        return [];
      });
      if (points.length > 0) await feed.points(points);
    }
    for (const { memberId, tier, balance } of expected) {
      await profileWhen(memberId, `tier ${tier} and balance ${balance}`, (profile) => profile.tier === tier && profile.pointsBalance === balance && profile.tags.includes(tag));
    }

    const selected = async (rule: unknown): Promise<string[]> => {
      const preview = await service.expect<{ count: number; sample: { memberId: string }[] }>(200, 'POST', '/segments/preview', {
        body: { rule: { all: [{ hasTag: tag }, rule] }, sampleSize: 50 },
      });
      expect(preview.sample).toHaveLength(preview.count);
      return preview.sample.map((member) => member.memberId).sort();
    };
    const idsWhere = (keep: (member: (typeof expected)[number]) => boolean): string[] => expected.filter(keep).map((member) => member.memberId).sort();
    expect(await selected({ field: 'tier', op: 'eq', value: 'gold' })).toEqual(idsWhere((member) => member.tier === 'gold'));
    expect(await selected({ field: 'tier', op: 'eq', value: 'basic' })).toEqual(idsWhere((member) => member.tier === 'basic'));
    expect(await selected({ tierIn: ['silver', 'vip'] })).toEqual(idsWhere((member) => member.tier === 'silver' || member.tier === 'vip'));
    expect(await selected({ field: 'pointsBalance', op: 'gte', value: 500 })).toEqual(idsWhere((member) => member.balance >= 500));
    expect(await selected({ all: [{ field: 'tier', op: 'eq', value: 'gold' }, { field: 'pointsBalance', op: 'gte', value: 500 }] })).toEqual(
      idsWhere((member) => member.tier === 'gold' && member.balance >= 500),
    );
    // The plans are chosen so that every rule above selects someone and leaves someone out.
    expect(idsWhere((member) => member.tier === 'gold').length).toBeGreaterThan(0);
    expect(idsWhere((member) => member.balance >= 500).length).toBeLessThan(expected.length);

    // {{tier}} and {{points}} as the first member (gold, 800 points) reads them, in their language.
    const template = await service.expect<{ id: string }>(201, 'POST', '/templates', {
      body: { name: `tier-points-${randomUUID()}`, kind: 'transactional', bodies: { 'zh-Hant': '{{name}}：{{tier}}會員，積分{{points}}', en: '{{name}}: {{tier}}, {{points}} points' } },
      headers: SPECIALIST,
    });
    const first = members[0];
    expect(await service.expect(200, 'POST', `/templates/${template.id}/preview`, { body: { memberId: first.memberId } })).toMatchObject({
      rendered: true,
      language: 'zh-Hant',
      text: '陳大文：金卡會員，積分800',
    });
    await feed.member([feed.profile(first.memberId, { phone: first.phone, name: 'Ann', language: PreferredLanguage.EN, tags: [tag], at: new Date() })]);
    await feed.points([feed.earned(first.memberId, 10_000, new Date(), randomUUID(), 1_800)]);
    await profileWhen(first.memberId, 'English and 1,800 points', (profile) => profile.language === 'en' && profile.pointsBalance === 1_800);
    expect(await service.expect(200, 'POST', `/templates/${template.id}/preview`, { body: { memberId: first.memberId } })).toMatchObject({
      rendered: true,
      language: 'en',
      text: 'Ann: Gold, 1,800 points',
    });
  }, 180_000);
});
