import type { MemberLanguage } from '../members/member-profile.entity';
import type { TemplateBodies } from './sms-template.entity';
import { templateLanguageFor } from './template-language';

const all: TemplateBodies = { 'zh-Hant': '繁', 'zh-Hans': '简', en: 'en' };
const traditionalOnly: TemplateBodies = { 'zh-Hant': '繁' };
const simplifiedAndEnglish: TemplateBodies = { 'zh-Hans': '简', en: 'en' };
const englishOnly: TemplateBodies = { en: 'en' };

describe('templateLanguageFor', () => {
  it.each<[string, TemplateBodies, MemberLanguage, MemberLanguage | undefined, MemberLanguage | undefined]>([
    // case, versions, member's language, marketing, transactional
    ['every version there', all, 'zh-Hans', 'zh-Hans', 'zh-Hans'],
    ['every version there, English reader', all, 'en', 'en', 'en'],
    ['simplified reader, traditional only', traditionalOnly, 'zh-Hans', undefined, 'zh-Hant'],
    ['traditional reader, simplified and English', simplifiedAndEnglish, 'zh-Hant', undefined, 'zh-Hans'],
    ['English reader, traditional only', traditionalOnly, 'en', undefined, 'zh-Hant'],
    ['English reader, simplified and English', simplifiedAndEnglish, 'en', 'en', 'en'],
    ['traditional reader, English only', englishOnly, 'zh-Hant', undefined, 'en'],
    ['an empty version does not count', { ...all, 'zh-Hans': ' ' }, 'zh-Hans', undefined, 'zh-Hant'],
  ])('%s', (_case, bodies, language, marketing, transactional) => {
    expect(templateLanguageFor(bodies, language, 'marketing')).toBe(marketing);
    expect(templateLanguageFor(bodies, language, 'transactional')).toBe(transactional);
  });
});
