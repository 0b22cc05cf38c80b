import type { TierLabels } from './template-renderer';

/**
 * How `{{tier}}` reads in each language for the tiers the centre has (普卡 / 銀卡 / 金卡 / VIP);
 * a tier code not listed here is written as its code.
 */
export const DEFAULT_TIER_LABELS: TierLabels = {
  standard: { 'zh-Hant': '普卡', 'zh-Hans': '普卡', en: 'Classic' },
  silver: { 'zh-Hant': '銀卡', 'zh-Hans': '银卡', en: 'Silver' },
  gold: { 'zh-Hant': '金卡', 'zh-Hans': '金卡', en: 'Gold' },
  vip: { 'zh-Hant': 'VIP', 'zh-Hans': 'VIP', en: 'VIP' },
};
