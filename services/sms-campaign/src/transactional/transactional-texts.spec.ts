import { languageOf, verificationCodeText, welcomeText } from './transactional-texts';

describe('verificationCodeText', () => {
  it('gives the code and its validity in the language asked for, signed', () => {
    expect(verificationCodeText('【Atrium】', '123456', 600_000, 'en')).toBe('【Atrium】Your code is 123456, valid 10 minutes. Do not share it.');
    expect(verificationCodeText('【Atrium】', '123456', 600_000, 'zh-Hant')).toBe('【Atrium】您的驗證碼是123456，10分鐘內有效。請勿告訴他人。');
    expect(verificationCodeText('【Atrium】', '123456', 600_000, 'zh-Hans')).toBe('【Atrium】您的验证码是123456，10分钟内有效。请勿告诉他人。');
  });

  it('rounds the validity up to whole minutes, never below one', () => {
    expect(verificationCodeText('【A】', '1', 299_001, 'en')).toContain('valid 5 minutes');
    expect(verificationCodeText('【A】', '1', 30_000, 'en')).toContain('valid 1 minute.');
    expect(verificationCodeText('【A】', '1', -5, 'en')).toContain('valid 1 minute.');
  });
});

describe('welcomeText', () => {
  it('is signed in every language', () => {
    for (const language of ['en', 'zh-Hant', 'zh-Hans'] as const) expect(welcomeText('【Atrium】', language)).toMatch(/^【Atrium】\S/);
  });
});

describe('languageOf', () => {
  it('keeps the languages we write in and nothing else', () => {
    expect(languageOf('zh-Hant')).toBe('zh-Hant');
    expect(languageOf('en')).toBe('en');
    expect(languageOf('fr')).toBeUndefined();
    expect(languageOf('')).toBeUndefined();
  });
});
