import type { MemberLanguage, MemberProfile } from '../members/member-profile.entity';
import { renderForMember, renderTemplate, templateValuesOf, variablesWithoutFallback, type RenderOptions, type TemplateValues } from './template-renderer';
import { parseTemplateBody, type ParsedTemplate } from './template-syntax';

function parsed(body: string): ParsedTemplate {
  const result = parseTemplateBody(body);
  if (!result.ok) throw new Error(`test template is invalid: ${JSON.stringify(result.problems)}`);
  return result.template;
}

const tierLabels = { gold: { 'zh-Hant': '金卡', 'zh-Hans': '金卡', en: 'Gold' }, silver: { 'zh-Hant': '銀卡', 'zh-Hans': '银卡' } };
const values: TemplateValues = {
  name: '陳大文',
  tier: 'gold',
  points: 12_345,
  // 31 March 2025 at 23:30 in Shanghai: still the 31st there, though UTC says the 31st too.
  expiryDate: new Date('2025-03-31T15:30:00Z'),
  bookletLink: 'https://xx.example/b/2025-spring',
};
const shanghai = (language: MemberLanguage): RenderOptions => ({ language, timeZone: 'Asia/Shanghai', tierLabels });

describe('renderTemplate', () => {
  it.each<[string, string, TemplateValues, RenderOptions, string]>([
    [
      'a zh-Hant message with every variable',
      '【XX廣場】{{name}}您好，{{tier}}會員積分{{points}}分將於{{expiryDate}}到期。會員惠集：{{bookletLink}} 回T退訂',
      values,
      shanghai('zh-Hant'),
      '【XX廣場】陳大文您好，金卡會員積分12,345分將於2025年3月31日到期。會員惠集：https://xx.example/b/2025-spring 回T退訂',
    ],
    [
      'a zh-Hans message',
      '【XX广场】{{name}}您好，您是{{tier}}会员。回T退订',
      { ...values, tier: 'silver' },
      shanghai('zh-Hans'),
      '【XX广场】陳大文您好，您是银卡会员。回T退订',
    ],
    [
      'an English message',
      '[XX Plaza] Hi {{name}}, your {{tier}} points ({{points}}) expire on {{expiryDate}}. Reply STOP to opt out',
      { ...values, name: 'Tai Man' },
      shanghai('en'),
      '[XX Plaza] Hi Tai Man, your Gold points (12,345) expire on 31 Mar 2025. Reply STOP to opt out',
    ],
    // 2025-03-31T16:30Z is 00:30 on 1 April in Shanghai, still 31 March in UTC and in London.
    ['a date after midnight in Shanghai', '{{expiryDate}}', { expiryDate: new Date('2025-03-31T16:30:00Z') }, shanghai('en'), '1 Apr 2025'],
    [
      'the same instant for a centre in London',
      '{{expiryDate}}',
      { expiryDate: new Date('2025-03-31T16:30:00Z') },
      { language: 'en', timeZone: 'Europe/London' },
      '31 Mar 2025',
    ],
    ['a Chinese date', '{{expiryDate}}', { expiryDate: new Date('2025-12-01T00:00:00+08:00') }, shanghai('zh-Hans'), '2025年12月1日'],
    ['a tier with no label in that language: its code', '{{tier}}', { tier: 'silver' }, shanghai('en'), 'silver'],
    ['a tier with no labels at all: its code', '{{tier}}', { tier: 'vip' }, { language: 'zh-Hant', timeZone: 'Asia/Shanghai' }, 'vip'],
    ['0 points', '{{points}}', { points: 0 }, shanghai('en'), '0'],
    ['a million points', '{{points}}', { points: 1_000_000 }, shanghai('zh-Hant'), '1,000,000'],
    ['negative points (a debt after a refund)', '{{points}}', { points: -250 }, shanghai('en'), '-250'],
    ['a name that looks like a variable stays text', 'Hi {{name}}', { name: '{{points}}' }, shanghai('en'), 'Hi {{points}}'],
    ['values the template does not use are not needed', 'Hello {{name}}', { name: 'Ann' }, shanghai('en'), 'Hello Ann'],
    ['no variable at all', 'Plain', {}, shanghai('en'), 'Plain'],
  ])('%s', (_case, body, given, options, expected) => {
    expect(renderTemplate(parsed(body), given, options)).toEqual({ ok: true, text: expected, fallbacks: [] });
  });

  it.each<[string, string, TemplateValues, MemberLanguage, string, string[]]>([
    ['the template\'s fallback for an empty name', '{{name|貴賓}}您好', { name: '  ' }, 'zh-Hant', '貴賓您好', ['name']],
    ['the built-in name of the language without a fallback', '{{name}}您好', {}, 'zh-Hant', '會員您好', ['name']],
    ['the built-in name in simplified characters', '{{name}}您好', {}, 'zh-Hans', '会员您好', ['name']],
    ['the built-in name in English', 'Dear {{name}}', {}, 'en', 'Dear Member', ['name']],
    ['the lowest tier\'s label for a member without a tier', '{{tier}}會員', { tier: '' }, 'zh-Hant', '普卡會員', ['tier']],
    ['a tier fallback wins over the built-in default', '{{tier|尊貴}}會員', {}, 'zh-Hant', '尊貴會員', ['tier']],
    ['an expiry date\'s fallback', 'expire {{expiryDate|soon}}', {}, 'en', 'expire soon', ['expiryDate']],
    ['a fallback where the value exists is not used', '{{name|貴賓}} {{points|0}}', { name: '陳大文', points: 800 }, 'zh-Hant', '陳大文 800', []],
    ['each use keeps its own fallback', '{{name|Guest}}/{{name|Friend}}', {}, 'en', 'Guest/Friend', ['name']],
  ])('a missing value: %s', (_case, body, given, language, expected, fallbacks) => {
    const options: RenderOptions = { ...shanghai(language), tierLabels: { ...tierLabels, basic: { 'zh-Hant': '普卡' } }, lowestTier: 'basic' };
    expect(renderTemplate(parsed(body), given, options)).toEqual({ ok: true, text: expected, fallbacks });
  });

  it.each<[string, string, TemplateValues, string[]]>([
    ['no expiry date', '{{name}}: {{expiryDate}}', { name: 'Ann' }, ['expiryDate']],
    ['no link', '{{name}} {{bookletLink}}', { name: 'Ann', bookletLink: undefined }, ['bookletLink']],
    ['points that are not a whole number', '{{points}}', { points: 1.5 }, ['points']],
    ['an invalid date', '{{expiryDate}}', { expiryDate: new Date('not a date') }, ['expiryDate']],
    ['no tier and no lowest tier known', '{{tier}}', { tier: '' }, ['tier']],
  ])('names the variables with neither value nor fallback: %s', (_case, body, given, missing) => {
    expect(renderTemplate(parsed(body), given, shanghai('en'))).toEqual({ ok: false, missing });
  });
});

describe('variablesWithoutFallback', () => {
  it.each<[string, string, string[]]>([
    ['an expiry date without a fallback', '{{name}}: {{expiryDate}}', ['expiryDate']],
    ['an expiry date with one', '{{expiryDate|soon}}', []],
    ['one use without among uses with', '{{expiryDate|soon}} {{expiryDate}}', ['expiryDate']],
    ['name and tier have built-in defaults', '{{name}} {{tier}} {{points}} {{bookletLink}}', []],
  ])('%s', (_case, body, expected) => {
    expect(variablesWithoutFallback(parsed(body))).toEqual(expected);
  });
});

describe('renderForMember', () => {
  const settings = { bookletLink: 'https://b', timeZone: 'Asia/Shanghai', tierLabels: { gold: { 'zh-Hant': '金卡', en: 'Gold' } }, lowestTier: 'basic' };
  it('writes the member\'s current tier and balance in the language rendered', () => {
    const member = { memberId: 'm-1', name: 'Ann', tier: 'gold', pointsBalance: 800 } as MemberProfile;
    expect(renderForMember(parsed('{{name}}：{{tier}}會員，積分{{points}}'), member, 'zh-Hant', settings)).toEqual({ ok: true, text: 'Ann：金卡會員，積分800', fallbacks: [] });
    expect(renderForMember(parsed('{{tier}}, {{points}} points'), { ...member, pointsBalance: 12_800 }, 'en', settings)).toEqual({ ok: true, text: 'Gold, 12,800 points', fallbacks: [] });
  });
});

describe('templateValuesOf', () => {
  const member = {
    memberId: 'm-1',
    name: 'Ann',
    tier: 'gold',
    pointsBalance: 300,
  } as MemberProfile;

  it('takes name, tier and balance from the member and the rest from the occasion', () => {
    const expiry = new Date('2025-06-30T16:00:00Z');
    expect(templateValuesOf(member, { expiryDate: expiry, bookletLink: 'https://b' })).toEqual({
      name: 'Ann',
      tier: 'gold',
      points: 300,
      expiryDate: expiry,
      bookletLink: 'https://b',
    });
  });

  it('lets the occasion say which points a message is about (points expiring, points earned)', () => {
    expect(templateValuesOf(member, { points: 120 }).points).toBe(120);
  });
});
