import type { SmsTemplateContent } from './sms-template.entity';
import { DEFAULT_OPT_OUT_INSTRUCTIONS, marketingTemplateRules, templateComplianceProblems } from './template-compliance';

const rules = marketingTemplateRules({ signature: '【XX廣場】', signatureByLanguage: { 'zh-Hans': '【XX广场】', en: '[XX Plaza]' } });

const compliant: SmsTemplateContent = {
  kind: 'marketing',
  bodies: {
    'zh-Hant': '【XX廣場】{{name}}您好，週末全場八折。回T退訂',
    'zh-Hans': '【XX广场】{{name}}您好，周末全场八折。回T退订',
    en: '[XX Plaza] Hi {{name}}, 20% off this weekend. Reply STOP to opt out',
  },
};

describe('templateComplianceProblems', () => {
  it('approves a marketing template whose every version is signed and says how to opt out', () => {
    expect(templateComplianceProblems(compliant, rules)).toEqual([]);
  });

  it('holds transactional templates to no signature nor opt-out', () => {
    expect(templateComplianceProblems({ kind: 'transactional', bodies: { en: 'Your code is 123456' } }, rules)).toEqual([]);
  });

  it('refuses a template of either kind whose expiry date has no fallback (no member has one in a send)', () => {
    const expiring = { 'zh-Hant': '您的積分將於{{expiryDate|月底}}到期', en: 'Your points expire on {{expiryDate}}' };
    expect(templateComplianceProblems({ kind: 'transactional', bodies: expiring }, rules)).toEqual([
      { field: 'bodies.en', message: '{{expiryDate}} has no value for a member and no fallback: write what they read instead, as {{expiryDate|…}}' },
    ]);
    expect(templateComplianceProblems({ kind: 'transactional', bodies: { en: 'Your points expire on {{expiryDate|31 Dec}}' } }, rules)).toEqual([]);
  });

  it.each<[string, SmsTemplateContent['bodies'], [string, string][]]>([
    [
      'a version without the signature',
      { ...compliant.bodies, 'zh-Hant': '{{name}}您好，週末全場八折。回T退訂' },
      [['bodies.zh-Hant', "the zh-Hant version must carry the centre's signature 【XX廣場】"]],
    ],
    [
      'a version without the opt-out instruction',
      { ...compliant.bodies, en: '[XX Plaza] Hi {{name}}, 20% off this weekend.' },
      [['bodies.en', 'the en version must carry the en opt-out instruction "Reply STOP to opt out"']],
    ],
    [
      'the opt-out instruction of another language',
      { ...compliant.bodies, 'zh-Hans': '【XX广场】周末全场八折。回T退訂' },
      [['bodies.zh-Hans', 'the zh-Hans version must carry the zh-Hans opt-out instruction "回T退订"']],
    ],
    [
      'an English version with a Chinese opt-out',
      { ...compliant.bodies, en: '[XX Plaza] 20% off. 回T退訂' },
      [['bodies.en', 'the en version must carry the en opt-out instruction "Reply STOP to opt out"']],
    ],
    [
      'the signature of another script',
      { ...compliant.bodies, 'zh-Hans': '【XX廣場】周末全场八折。回T退订' },
      [['bodies.zh-Hans', "the zh-Hans version must carry the centre's signature 【XX广场】"]],
    ],
    [
      'two versions at fault, both missing everything',
      { 'zh-Hant': '週末全場八折', en: '20% off' },
      [
        ['bodies.zh-Hant', "the zh-Hant version must carry the centre's signature 【XX廣場】"],
        ['bodies.zh-Hant', 'the zh-Hant version must carry the zh-Hant opt-out instruction "回T退訂"'],
        ['bodies.en', "the en version must carry the centre's signature [XX Plaza]"],
        ['bodies.en', 'the en version must carry the en opt-out instruction "Reply STOP to opt out"'],
      ],
    ],
  ])('refuses %s, naming the version', (_case, bodies, expected) => {
    const problems = templateComplianceProblems({ kind: 'marketing', bodies }, rules);
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a lower-case instruction', '[XX Plaza] 20% off. reply stop to opt out'],
    ['an instruction inside a sentence', '[XX Plaza] 20% off. Reply STOP to opt out of offers.'],
  ])('accepts %s', (_case, en) => {
    expect(templateComplianceProblems({ kind: 'marketing', bodies: { en } }, rules)).toEqual([]);
  });

  it('accepts a full-width T in the Chinese instruction', () => {
    expect(templateComplianceProblems({ kind: 'marketing', bodies: { 'zh-Hant': '【XX廣場】八折。回Ｔ退訂' } }, rules)).toEqual([]);
  });
});

describe('marketingTemplateRules', () => {
  it('uses one signature everywhere and the default instructions unless told otherwise', () => {
    expect(marketingTemplateRules({ signature: '【XX廣場】' })).toEqual({
      signatures: { 'zh-Hans': '【XX廣場】', 'zh-Hant': '【XX廣場】', en: '【XX廣場】' },
      optOutInstructions: DEFAULT_OPT_OUT_INSTRUCTIONS,
    });
  });

  it('takes configured instructions per language, keeping the defaults for the others', () => {
    const configured = marketingTemplateRules({ signature: 'S', optOutInstructions: { en: 'Text STOP to unsubscribe', 'zh-Hans': ' ' } });
    expect(configured.optOutInstructions).toEqual({ 'zh-Hans': '回T退订', 'zh-Hant': '回T退訂', en: 'Text STOP to unsubscribe' });
  });
});
