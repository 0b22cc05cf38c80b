// Template variables in a real send: members built from real member and points events on Kafka
// (a gold tier, an 800-point balance) and members whose profile lacks values (no name, no tier:
// a profile stored before the projection kept tiers), a campaign made and approved
// through the HTTP API, sent through the real queue to the local Twilio endpoint. Each member's
// message reads their current tier and balance in their language, and a member without a value
// reads the template's fallback instead of being left out. The preview shows the same text.
import { randomUUID } from 'node:crypto';
import { PreferredLanguage } from '@atrium/contracts';
import { waitFor } from '@atrium/testing';
import type { MemberProfile } from '../src/members/member-profile.entity';
import { putMember, SPECIALIST, SUPERVISOR, type Problem } from './support/campaign-side';
import { freePort, LocalTwilio, smsEnv, SmsServiceUnderTest, uniqueMobile } from './support/delivery-harness';
import { EventFeed } from './support/event-feed';

const DAY = 86_400_000;
// 夜市 / night market marks the campaign's messages among the welcome messages registration sends.
const BODIES = {
  'zh-Hant': '【Atrium】{{name|貴賓}}，{{tier|尊貴}}會員夜市優先入場，積分{{points}}。回T退訂',
  en: '【Atrium】{{name|Dear member}}, {{tier|All}} members enter the night market first; you have {{points}} points. Reply STOP to opt out',
};

describe('template variables in a campaign sent through Twilio', () => {
  const endpoint = new LocalTwilio();
  const feed = new EventFeed();
  let sms: SmsServiceUnderTest;

  beforeAll(async () => {
    sms = await SmsServiceUnderTest.start(smsEnv(randomUUID().slice(0, 8), await freePort()), { consume: true });
    await feed.start();
  }, 120_000);

  afterAll(async () => {
    await feed.stop();
    await sms?.stop();
  });

  async function profileWhen(memberId: string, what: string, ready: (profile: MemberProfile) => boolean): Promise<MemberProfile> {
    return waitFor(`${what} for ${memberId}`, async () => {
      const profile = await sms.profiles.get(memberId);
      return profile && ready(profile) ? profile : undefined;
    }, 60_000, 200);
  }

  /** A member as the member and points services would publish them: registered, profile, consent, then tier and points events. */
  async function member(fields: { name: string; language: PreferredLanguage; tag: string; tier?: string; balance?: number }): Promise<{ memberId: string; phone: string }> {
    const memberId = randomUUID();
    const phone = uniqueMobile();
    const now = Date.now();
    await feed.member([
      feed.registered(memberId, phone, { at: new Date(now - 20_000) }),
      feed.profile(memberId, { phone, name: fields.name, language: fields.language, tags: [fields.tag], at: new Date(now - 10_000) }),
      feed.consent(memberId, phone, true, new Date(now - 9_000)),
      ...(fields.tier ? [feed.tierChanged(memberId, 'basic', fields.tier, new Date(now - 8_000))] : []),
    ]);
    if (fields.balance !== undefined) await feed.points([feed.earned(memberId, 80_000, new Date(now - DAY), randomUUID(), fields.balance)]);
    return { memberId, phone };
  }

  it('writes each member’s tier and balance in their language, and the fallback for a missing name or tier', async () => {
    const tag = `night-market-${randomUUID().slice(0, 8)}`;
    const goldZh = await member({ name: '陳大文', language: PreferredLanguage.ZH_HANT, tag, tier: 'gold', balance: 800 });
    const goldEn = await member({ name: 'Ann', language: PreferredLanguage.EN, tag, tier: 'gold', balance: 12_800 });
    // No name and no tier: a profile the projection stored before it kept tiers, with an empty name.
    const withoutValues = async (language: 'zh-Hant' | 'en'): Promise<{ memberId: string; phone: string }> => {
      const put = await putMember(sms.profiles, { name: '', language, tags: [tag] });
      await sms.database.collection('member_profiles').updateOne({ _id: put.memberId } as Record<string, unknown>, { $unset: { tier: '' } });
      return put;
    };
    const nameless = await withoutValues('zh-Hant');
    const namelessEn = await withoutValues('en');
    await profileWhen(goldZh.memberId, 'gold, 800 points, consent', (profile) => profile.tier === 'gold' && profile.pointsBalance === 800 && profile.marketingConsent.granted);
    await profileWhen(goldEn.memberId, 'gold, 12,800 points, consent', (profile) => profile.tier === 'gold' && profile.pointsBalance === 12_800 && profile.marketingConsent.granted);
    for (const { memberId } of [nameless, namelessEn]) {
      await profileWhen(memberId, 'no name, no tier', (profile) => profile.tier === undefined && !profile.name && profile.marketingConsent.granted);
    }

    const expected = new Map([
      [goldZh.phone, '【Atrium】陳大文，金卡會員夜市優先入場，積分800。回T退訂'],
      [goldEn.phone, '【Atrium】Ann, Gold members enter the night market first; you have 12,800 points. Reply STOP to opt out'],
      [nameless.phone, '【Atrium】貴賓，尊貴會員夜市優先入場，積分0。回T退訂'],
      [namelessEn.phone, '【Atrium】Dear member, All members enter the night market first; you have 0 points. Reply STOP to opt out'],
    ]);

    const segment = await sms.expect<{ id: string }>(201, 'POST', '/segments', { body: { name: tag, rule: { hasTag: tag } }, headers: SPECIALIST });
    const template = await sms.expect<{ id: string }>(201, 'POST', '/templates', { body: { name: tag, kind: 'marketing', bodies: BODIES }, headers: SPECIALIST });
    // The preview is what the member will get.
    for (const { memberId, phone } of [goldZh, goldEn, nameless, namelessEn]) {
      const preview = await sms.expect<{ rendered: boolean; text: string }>(200, 'POST', `/templates/${template.id}/preview`, { body: { memberId }, headers: SPECIALIST });
      expect(preview).toMatchObject({ rendered: true, text: expected.get(phone) });
    }
    expect(await sms.expect(200, 'POST', `/templates/${template.id}/preview`, { body: { memberId: nameless.memberId }, headers: SPECIALIST })).toMatchObject({
      fallbacks: ['name', 'tier'],
    });

    await sms.expect(200, 'POST', `/templates/${template.id}/approve`, { headers: SUPERVISOR });
    const campaign = await sms.expect<{ id: string }>(201, 'POST', '/campaigns', {
      body: { name: tag, segmentId: segment.id, templateId: template.id, kind: 'marketing' },
      headers: SPECIALIST,
    });
    await sms.expect(200, 'POST', `/campaigns/${campaign.id}/submit`, { headers: SPECIALIST });
    await sms.expect(200, 'POST', `/campaigns/${campaign.id}/approve`, { headers: SUPERVISOR });
    await sms.expect(200, 'POST', `/campaigns/${campaign.id}/send-now`, { headers: SPECIALIST });
    await waitFor(
      'the campaign to complete',
      async () => ((await sms.expect<{ state: string }>(200, 'GET', `/campaigns/${campaign.id}`)).state === 'completed' ? true : undefined),
      90_000,
      250,
    );

    for (const [phone, body] of expected) {
      const campaignBodies = (await endpoint.messagesTo(phone)).map((sent) => sent.message.body).filter((text) => text.includes('夜市') || text.includes('night market'));
      expect({ phone, campaignBodies }).toEqual({ phone, campaignBodies: [body] });
    }
    const results = await sms.expect<{ recipients: number; excludedByReason: Record<string, number> }>(200, 'GET', `/campaigns/${campaign.id}/results`);
    expect(results.recipients).toBe(4);
    expect(Object.entries(results.excludedByReason).filter(([, count]) => count > 0)).toEqual([]);
  }, 240_000);

  it('refuses a fallback that is empty, naming the language, and approves no expiry date without a fallback', async () => {
    const empty = await sms.call<Problem>('POST', '/templates', {
      body: { name: `empty fallback ${randomUUID()}`, kind: 'marketing', bodies: { 'zh-Hant': '【Atrium】{{name|}}您好。回T退訂' } },
      headers: SPECIALIST,
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.map((error) => error.field)).toEqual(['bodies.zh-Hant']);
    expect(empty.body.errors?.[0].message).toContain('the fallback after "|" is empty');

    const expiring = await sms.expect<{ id: string; complianceProblems: { field: string }[] }>(201, 'POST', '/templates', {
      body: { name: `expiry ${randomUUID()}`, kind: 'transactional', bodies: { en: 'Your points expire on {{expiryDate}}.', 'zh-Hant': '您的積分將於{{expiryDate|月底}}到期。' } },
      headers: SPECIALIST,
    });
    expect(expiring.complianceProblems.map((problem) => problem.field)).toEqual(['bodies.en']);
    const refused = await sms.call<Problem>('POST', `/templates/${expiring.id}/approve`, { headers: SUPERVISOR });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('template.not-compliant');
    expect(refused.body.errors?.map((error) => error.field)).toEqual(['bodies.en']);
    expect(refused.body.errors?.[0].message).toContain('{{expiryDate}} has no value for a member and no fallback');
  }, 60_000);
});
