import type { TierLabels } from './template-renderer';

/**
 * How `{{tier}}` reads in each language for the member service's default tiers (MEMBER_TIERS:
 * basic 普卡 / silver 銀卡 / gold 金卡 / vip VIP);
 * a tier code not listed here is written as its code.
 */
export const DEFAULT_TIER_LABELS: TierLabels = {
  basic: { 'zh-Hant': '普卡', 'zh-Hans': '普卡', en: 'Classic' },
  silver: { 'zh-Hant': '銀卡', 'zh-Hans': '银卡', en: 'Silver' },
  gold: { 'zh-Hant': '金卡', 'zh-Hans': '金卡', en: 'Gold' },
  vip: { 'zh-Hant': 'VIP', 'zh-Hans': 'VIP', en: 'VIP' },
};
