import { expiringSoonText, languageOf, pointsEarnedText, redemptionText, verificationCodeText, welcomeText } from './transactional-texts';

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

describe('redemptionText', () => {
  const desk = { code: 'K7M2-QX4P', rewardName: 'Umbrella', quantity: 2, points: 400, availableAfter: 1200 };

  it('names the code, what was taken and the balance left, in each language', () => {
    expect(redemptionText('【Atrium】', desk, 'en')).toBe('【Atrium】Redeemed 2 × Umbrella for 400 points, code K7M2-QX4P. 1200 points left.');
    expect(redemptionText('【Atrium】', desk, 'zh-Hant')).toBe('【Atrium】您已用400積分兌換Umbrella×2，兌換碼K7M2-QX4P。積分餘額1200。');
    expect(redemptionText('【Atrium】', desk, 'zh-Hans')).toBe('【Atrium】您已用400积分兑换Umbrella×2，兑换码K7M2-QX4P。积分余额1200。');
  });

  it('tells a reservation when to collect it, and leaves out a balance the event did not give', () => {
    const reserved = { code: 'K7M2-QX4P', rewardName: '雨傘', quantity: 1, points: 200, collectBy: '2026-12-01' };
    expect(redemptionText('【A】', reserved, 'en')).toBe('【A】Redeemed 1 × 雨傘 for 200 points, code K7M2-QX4P. Collect it at the service desk by 2026-12-01.');
    expect(redemptionText('【A】', reserved, 'zh-Hant')).toBe('【A】您已用200積分兌換雨傘×1，兌換碼K7M2-QX4P。請於2026-12-01前到服務台領取。');
  });
});

describe('expiringSoonText', () => {
  it('gives the points and the last day, in each language', () => {
    expect(expiringSoonText('【Atrium】', 500, '2026-12-31', 'en')).toBe('【Atrium】500 of your points expire after 2026-12-31. Use them before then.');
    expect(expiringSoonText('【Atrium】', 500, '2026-12-31', 'zh-Hant')).toBe('【Atrium】您有500積分將於2026-12-31後到期，請盡快使用。');
    expect(expiringSoonText('【Atrium】', 500, '2026-12-31', 'zh-Hans')).toBe('【Atrium】您有500积分将于2026-12-31后到期，请尽快使用。');
  });
});

describe('pointsEarnedText', () => {
  it('gives the points earned and the balance after, in each language', () => {
    const earned = { points: 50, availableAfter: 1200 };
    expect(pointsEarnedText('【Atrium】', earned, 'en')).toBe('【Atrium】You earned 50 points. Balance: 1200 points.');
    expect(pointsEarnedText('【Atrium】', earned, 'zh-Hant')).toBe('【Atrium】您獲得50積分。積分餘額1200。');
    expect(pointsEarnedText('【Atrium】', earned, 'zh-Hans')).toBe('【Atrium】您获得50积分。积分余额1200。');
  });

  it('names the shop when it is known, and points still pending', () => {
    const earned = { points: 1, tenantName: 'Café Lumière', availableAfter: 300, pendingAfter: 80 };
    expect(pointsEarnedText('【A】', earned, 'en')).toBe('【A】You earned 1 point at Café Lumière. Balance: 300 points, plus 80 pending.');
    expect(pointsEarnedText('【A】', earned, 'zh-Hant')).toBe('【A】您在Café Lumière獲得1積分。積分餘額300，另有80積分待生效。');
    expect(pointsEarnedText('【A】', earned, 'zh-Hans')).toBe('【A】您在Café Lumière获得1积分。积分余额300，另有80积分待生效。');
  });

  it('leaves out a balance the event did not give, and pending points of none', () => {
    expect(pointsEarnedText('【A】', { points: 20 }, 'en')).toBe('【A】You earned 20 points.');
    expect(pointsEarnedText('【A】', { points: 20 }, 'zh-Hans')).toBe('【A】您获得20积分。');
    expect(pointsEarnedText('【A】', { points: 20, availableAfter: 20, pendingAfter: 0 }, 'en')).toBe('【A】You earned 20 points. Balance: 20 points.');
  });
});
