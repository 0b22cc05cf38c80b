import { PreferredLanguage } from '@atrium/contracts';
import { welcomeText } from './transactional-texts';
import { welcomeLanguageOf } from './welcome-language';

describe('welcomeLanguageOf', () => {
  it('writes in the language the member chose at registration, whatever the projection holds', () => {
    expect(welcomeLanguageOf(PreferredLanguage.EN, 'zh-Hans', 'zh-Hans')).toBe('en');
    expect(welcomeLanguageOf(PreferredLanguage.ZH_HANT, undefined, 'zh-Hans')).toBe('zh-Hant');
    expect(welcomeLanguageOf(PreferredLanguage.ZH_HANS, 'en', 'en')).toBe('zh-Hans');
  });

  it('falls back to the projection, then to the default, when the registration names none', () => {
    expect(welcomeLanguageOf(PreferredLanguage.UNSPECIFIED, 'zh-Hant', 'zh-Hans')).toBe('zh-Hant');
    expect(welcomeLanguageOf(PreferredLanguage.UNSPECIFIED, undefined, 'en')).toBe('en');
  });

  it('gives the welcome a member who chose English reads', () => {
    expect(welcomeText('【Atrium】', welcomeLanguageOf(PreferredLanguage.EN, undefined, 'zh-Hans'))).toBe(
      '【Atrium】Welcome to the membership! Every purchase earns points, which you can exchange for gifts and parking.',
    );
  });
});
