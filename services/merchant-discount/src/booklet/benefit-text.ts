import type { OfferBenefit, OfferWindow, TermsLanguage } from '../agreements/agreement.entity';

const WEEKDAY_NAMES: Readonly<Record<TermsLanguage, readonly string[]>> = {
  'zh-Hant': ['一', '二', '三', '四', '五', '六', '日'],
  'zh-Hans': ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

const INTL_LOCALE: Readonly<Record<TermsLanguage, string>> = { 'zh-Hant': 'zh-Hant', 'zh-Hans': 'zh-Hans', en: 'en' };

function money(minor: number, currency: string, language: TermsLanguage): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { style: 'currency', currency, minimumFractionDigits: minor % 100 === 0 ? 0 : 2 }).format(minor / 100);
}

/** A percentage off as shoppers read it: 九折 / 八五折 in Chinese, "10% off" in English. */
function percentText(percentOff: number, language: TermsLanguage): string {
  if (language === 'en') return `${percentOff}% off`;
  const paid = 100 - percentOff;
  const digits = paid % 10 === 0 ? String(paid / 10) : String(paid);
  const numerals = digits.replace(/\d/g, (digit) => '〇一二三四五六七八九'[Number(digit)]);
  return `${numerals}折`;
}

/** What the member gets, in one line of the language. */
export function benefitText(benefit: OfferBenefit, language: TermsLanguage, currency: string): string {
  switch (benefit.kind) {
    case 'percentage':
      return percentText(benefit.percentOff ?? 0, language);
    case 'amount-off': {
      const off = money(benefit.amountOffMinor ?? 0, currency, language);
      const min = benefit.minSpendMinor ?? 0;
      if (min === 0) return language === 'en' ? `${off} off` : language === 'zh-Hant' ? `減${off}` : `减${off}`;
      const spend = money(min, currency, language);
      return language === 'en' ? `${off} off a spend of ${spend} or more` : language === 'zh-Hant' ? `滿${spend}減${off}` : `满${spend}减${off}`;
    }
    case 'free-item': {
      const item = benefit.item?.[language] ?? '';
      return language === 'en' ? `Free: ${item}` : language === 'zh-Hant' ? `免費贈送：${item}` : `免费赠送：${item}`;
    }
    case 'points-multiplier': {
      const times = String(benefit.pointsMultiplier ?? 1);
      return language === 'en' ? `${times}× points` : language === 'zh-Hant' ? `${times}倍積分` : `${times}倍积分`;
    }
  }
}

/** When the offer holds, or nothing when it holds every day, all day. */
export function windowText(window: OfferWindow, language: TermsLanguage): string {
  const days = [...window.weekdays].sort((a, b) => a - b).map((day) => WEEKDAY_NAMES[language][day - 1]);
  const dayText = days.length === 0 || days.length === 7 ? '' : language === 'en' ? days.join(', ') : `逢星期${days.join('、')}`;
  const hours = window.from !== undefined && window.until !== undefined ? `${window.from}–${window.until}` : '';
  return [dayText, hours].filter((part) => part !== '').join(' ');
}
