import { exampleOffer } from '../../agreements/agreement-terms.examples';
import { compileEditionContent } from '../edition-content';
import { renderEditionPage } from './edition-page.renderer';

const content = compileEditionContent(
  '2027-03-01',
  [
    { agreementId: 'A-1', tenantId: 'T-1', validFrom: '2027-01-01', lastDay: '2027-12-31', offer: exampleOffer({ offerId: 'o-1', terms: { 'zh-Hant': '全單九折 <限堂食>', 'zh-Hans': '全单九折', en: '10% off' } }) },
    { agreementId: 'A-2', tenantId: 'T-2', validFrom: '2027-01-01', lastDay: '2027-12-31', offer: exampleOffer({ offerId: 'o-2', tiers: [] }) },
  ],
  new Map([
    ['T-1', { tenantId: 'T-1', brand: '翠華餐廳', unit: 'L2-15', floor: 'L2', category: 'dining' }],
    ['T-2', { tenantId: 'T-2', brand: '童樂坊', unit: 'B1-03', floor: 'B1', category: 'kids' }],
  ]),
);
const page = (language: 'zh-Hant' | 'en') =>
  renderEditionPage({ content, editionNumber: 2, language, currency: 'CNY', centreName: 'Atrium', tierNames: new Map([['gold', '金卡']]), pageUrl: (lang) => `/booklet/editions/2/${lang}` });

describe('the web page of an edition', () => {
  it('shows every offer with its tenant, unit and terms in the language, escaped', () => {
    const html = page('zh-Hant');
    expect(html.match(/<article class="offer"/g)).toHaveLength(2);
    expect(html).toContain('<span class="brand">翠華餐廳</span> <span class="unit">L2-15</span>');
    expect(html).toContain('全單九折 &lt;限堂食&gt;');
    expect(html).toContain('適用: 金卡, vip');
    expect(html).toContain('<h2>餐飲</h2>');
  });

  it('links the other languages, and is in English when asked', () => {
    const html = page('en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<a hreflang="zh-Hant" href="/booklet/editions/2/zh-Hant">繁體</a>');
    expect(html).toContain('<h2>Dining</h2>');
    expect(html).toContain('All members');
  });
});
