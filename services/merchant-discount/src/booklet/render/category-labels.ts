import type { TermsLanguage } from '../../agreements/agreement.entity';

const LABELS: Readonly<Record<string, Readonly<Record<TermsLanguage, string>>>> = {
  dining: { 'zh-Hant': '餐飲', 'zh-Hans': '餐饮', en: 'Dining' },
  fashion: { 'zh-Hant': '時裝', 'zh-Hans': '时装', en: 'Fashion' },
  kids: { 'zh-Hant': '兒童', 'zh-Hans': '儿童', en: 'Kids' },
  beauty: { 'zh-Hant': '美容', 'zh-Hans': '美容', en: 'Beauty' },
  services: { 'zh-Hant': '服務', 'zh-Hans': '服务', en: 'Services' },
  entertainment: { 'zh-Hant': '娛樂', 'zh-Hans': '娱乐', en: 'Entertainment' },
  lifestyle: { 'zh-Hant': '生活', 'zh-Hans': '生活', en: 'Lifestyle' },
  electronics: { 'zh-Hant': '電子產品', 'zh-Hans': '电子产品', en: 'Electronics' },
  supermarket: { 'zh-Hant': '超級市場', 'zh-Hans': '超级市场', en: 'Supermarket' },
  jewellery: { 'zh-Hant': '珠寶鐘錶', 'zh-Hans': '珠宝钟表', en: 'Jewellery & watches' },
  sports: { 'zh-Hant': '運動', 'zh-Hans': '运动', en: 'Sports' },
};

/** A tenant category's heading in a language; a category without a label shows its code. */
export function categoryLabel(category: string, language: TermsLanguage): string {
  return LABELS[category]?.[language] ?? category;
}
