import { benefitText, windowText } from './benefit-text';

describe('an offer as shoppers read it', () => {
  it.each([
    [{ kind: 'percentage' as const, percentOff: 10 }, 'zh-Hant' as const, '九折'],
    [{ kind: 'percentage' as const, percentOff: 15 }, 'zh-Hans' as const, '八五折'],
    [{ kind: 'percentage' as const, percentOff: 15 }, 'en' as const, '15% off'],
    [{ kind: 'amount-off' as const, amountOffMinor: 20_00, minSpendMinor: 200_00 }, 'zh-Hant' as const, '滿CN¥200減CN¥20'],
    [{ kind: 'amount-off' as const, amountOffMinor: 20_50, minSpendMinor: 0 }, 'en' as const, 'CN¥20.50 off'],
    [{ kind: 'free-item' as const, item: { 'zh-Hant': '甜品一客', 'zh-Hans': '甜品一份', en: 'a dessert' } }, 'en' as const, 'Free: a dessert'],
    [{ kind: 'points-multiplier' as const, pointsMultiplier: 2 }, 'zh-Hant' as const, '2倍積分'],
  ])('%o in %s: %s', (benefit, language, text) => {
    expect(benefitText(benefit, language, 'CNY')).toBe(text);
  });

  it('names the days and hours, or nothing for every day all day', () => {
    expect(windowText({ weekdays: [6, 7], from: '11:00', until: '15:00' }, 'zh-Hant')).toBe('逢星期六、日 11:00–15:00');
    expect(windowText({ weekdays: [1, 2, 3], from: undefined, until: undefined }, 'en')).toBe('Mon, Tue, Wed');
    expect(windowText({ weekdays: [] }, 'en')).toBe('');
  });
});
