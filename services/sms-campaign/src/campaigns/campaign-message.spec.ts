import type { MemberProfile } from '../members/member-profile.entity';
import { campaignRecipient, campaignTexts, recipientIdOf, type MessageSettings } from './campaign-message';

const settings: MessageSettings = { bookletLink: 'https://atrium.example/booklet', timeZone: 'Asia/Shanghai', tierLabels: { gold: { 'zh-Hant': '金卡', en: 'Gold' } }, lowestTier: 'basic' };

function member(fields: Partial<MemberProfile> = {}): MemberProfile {
  return {
    memberId: 'm1',
    name: 'Ann',
    phone: '+85291234567',
    language: 'en',
    registeredAt: new Date('2025-01-01T00:00:00Z'),
    registrationChannel: 'desk',
    tags: [],
    marketingConsent: { granted: true },
    smsOptedOut: false,
    cardState: 'active',
    erased: false,
    pointsBalance: 1200,
    spendLast12MonthsMinor: 0,
    phoneInvalid: false,
    ...fields,
  };
}

const marketing = campaignTexts('c1', 'marketing', {
  en: '【Atrium】{{name}}, you have {{points}} points. Reply STOP to opt out',
  'zh-Hant': '【Atrium】{{name}}（{{tier}}），積分{{points}}。回T退訂',
});

describe('campaignRecipient', () => {
  it('renders the message in the member’s language with their values, counted in segments', () => {
    expect(campaignRecipient(member(), marketing, settings)).toEqual({
      message: {
        recipientId: 'c1:m1',
        campaignId: 'c1',
        memberId: 'm1',
        phone: '+85291234567',
        language: 'en',
        body: '【Atrium】Ann, you have 1,200 points. Reply STOP to opt out',
        segments: 1,
      },
    });
    const chinese = campaignRecipient(member({ language: 'zh-Hant', name: '陳大文', tier: 'gold' }), marketing, settings);
    expect('message' in chinese && chinese.message.body).toBe('【Atrium】陳大文（金卡），積分1,200。回T退訂');
  });

  it.each<[string, Partial<MemberProfile>, string]>([
    ['an erased member', { erased: true }, 'erased'],
    ['an invalid number', { phoneInvalid: true }, 'phone-invalid'],
    ['a member who replied STOP', { smsOptedOut: true }, 'opted-out'],
    ['a frozen card', { cardState: 'frozen' }, 'card-frozen'],
    ['no consent', { marketingConsent: { granted: false } }, 'no-consent'],
    ['a language the template lacks (marketing never falls back)', { language: 'zh-Hans' }, 'no-template-language'],
  ])('excludes %s', (_case, fields, reason) => {
    expect(campaignRecipient(member(fields), marketing, settings)).toEqual({ exclusion: { recipientId: 'c1:m1', campaignId: 'c1', memberId: 'm1', reason } });
  });

  it('sends transactional messages without consent, in the closest language there is', () => {
    const notice = campaignTexts('c2', 'transactional', { 'zh-Hant': '{{name}}，停車場週日維修。' });
    const outcome = campaignRecipient(member({ language: 'zh-Hans', marketingConsent: { granted: false }, name: '李' }), notice, settings);
    expect('message' in outcome && outcome.message).toMatchObject({ language: 'zh-Hant', body: '李，停車場週日維修。' });
  });

  it('gives a member without a value the template\'s fallback, or the built-in default, never leaves them out', () => {
    const withFallback = campaignTexts('c3', 'marketing', { 'zh-Hant': '【Atrium】{{name|貴賓}}（{{tier}}），積分{{points}}。回T退訂' });
    const nameless = member({ language: 'zh-Hant', name: undefined, tier: undefined, pointsBalance: 800 });
    expect('message' in campaignRecipient(nameless, withFallback, settings) && campaignRecipient(nameless, withFallback, settings)).toMatchObject({
      message: { body: '【Atrium】貴賓（basic），積分800。回T退訂' },
    });
    expect(campaignRecipient(nameless, marketing, settings)).toMatchObject({ message: { body: '【Atrium】會員（basic），積分800。回T退訂' } });
  });

  it('leaves out, as template-values-missing, only a variable with neither value nor fallback (a template approval refuses)', () => {
    const expiring = campaignTexts('c4', 'transactional', { en: 'Points expire {{expiryDate}}' });
    expect(campaignRecipient(member(), expiring, settings)).toMatchObject({ exclusion: { reason: 'template-values-missing' } });
  });

  it('names a recipient by campaign and member, the same every time', () => {
    expect(recipientIdOf('c1', 'm1')).toBe('c1:m1');
  });
});
