import type { SmsTemplateContent } from './sms-template.entity';
import { validateTemplateContent } from './sms-template.validation';

const valid: SmsTemplateContent = {
  kind: 'marketing',
  bodies: {
    'zh-Hant': '【XX廣場】{{name}}您好，您有{{points}}積分。回T退訂',
    'zh-Hans': '【XX广场】{{name}}您好，您有{{points}}积分。回T退订',
    en: '[XX Plaza] Hi {{name}}, you have {{points}} points. Reply STOP to opt out',
  },
};

/** Puts values of the wrong type where the types would not allow them (they arrive from HTTP). */
function loose(value: unknown): never {
  return value as never;
}

describe('validateTemplateContent', () => {
  it('finds nothing wrong with a valid template, nor with one in a single language', () => {
    expect(validateTemplateContent(valid)).toEqual([]);
    expect(validateTemplateContent({ kind: 'transactional', bodies: { en: 'Your code is 123456' } })).toEqual([]);
  });

  it.each<[string, SmsTemplateContent, string[]]>([
    ['an unknown kind', { ...valid, kind: loose('promotional') }, ['kind']],
    ['no language at all', { ...valid, bodies: {} }, ['bodies']],
    ['bodies that are not an object', { ...valid, bodies: loose('Hello') }, ['bodies']],
    ['bodies as a list', { ...valid, bodies: loose(['Hello']) }, ['bodies']],
    ['a language members do not read', { ...valid, bodies: loose({ ...valid.bodies, fr: 'Bonjour' }) }, ['bodies.fr']],
    ['a region instead of a script', { ...valid, bodies: loose({ 'zh-TW': '您好' }) }, ['bodies.zh-TW']],
    ['an empty version', { ...valid, bodies: { ...valid.bodies, en: '  ' } }, ['bodies.en']],
    ['a version that is not text', { ...valid, bodies: { ...valid.bodies, 'zh-Hans': loose(42) } }, ['bodies.zh-Hans']],
    ['a version too long for Twilio', { ...valid, bodies: { ...valid.bodies, en: 'a'.repeat(1601) } }, ['bodies.en']],
    ['an unknown variable in one version', { ...valid, bodies: { ...valid.bodies, 'zh-Hant': '{{nickname}}您好' } }, ['bodies.zh-Hant']],
    [
      'problems in several versions, each named',
      { kind: 'marketing', bodies: { en: 'Hi {{nickname}}', 'zh-Hans': '{{name' } },
      ['bodies.en', 'bodies.zh-Hans'],
    ],
  ])('refuses %s, naming the field', (_case, content, fields) => {
    expect(validateTemplateContent(content).map((problem) => problem.field)).toEqual(fields);
  });

  it('says which variable is unknown', () => {
    expect(validateTemplateContent({ kind: 'transactional', bodies: { en: 'Hi {{nickname}}' } })[0]?.message).toContain('{{nickname}}');
  });

  it('accepts a version of exactly 1,600 characters', () => {
    expect(validateTemplateContent({ kind: 'transactional', bodies: { en: 'a'.repeat(1600) } })).toEqual([]);
  });
});
