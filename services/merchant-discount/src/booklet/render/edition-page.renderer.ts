import { TERMS_LANGUAGES, type TermsLanguage } from '../../agreements/agreement.entity';
import { benefitText, windowText } from '../benefit-text';
import type { EditionContent, EditionOffer } from '../edition-content';
import { categoryLabel } from './category-labels';

export interface EditionPageInput {
  readonly content: EditionContent;
  readonly editionNumber: number;
  readonly language: TermsLanguage;
  readonly currency: string;
  readonly centreName: string;
  readonly tierNames: ReadonlyMap<string, string>;
  /** The page's address in each language, for the language links. */
  readonly pageUrl: (language: TermsLanguage) => string;
}

const WORDS: Readonly<Record<TermsLanguage, { title: string; offers: string; allMembers: string; tiers: string; cap: (n: number) => string; exclusions: string; floor: string }>> = {
  'zh-Hant': { title: '會員惠集', offers: '項優惠', allMembers: '全體會員', tiers: '適用', cap: (n) => `每位會員限 ${n} 次`, exclusions: '不適用', floor: '樓層' },
  'zh-Hans': { title: '会员惠集', offers: '项优惠', allMembers: '全体会员', tiers: '适用', cap: (n) => `每位会员限 ${n} 次`, exclusions: '不适用', floor: '楼层' },
  en: { title: 'Member Booklet', offers: 'offers', allMembers: 'All members', tiers: 'For', cap: (n) => `${n} per member`, exclusions: 'Not valid for', floor: 'Floor' },
};

const LANGUAGE_NAMES: Readonly<Record<TermsLanguage, string>> = { 'zh-Hant': '繁體', 'zh-Hans': '简体', en: 'English' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

function offerArticle(offer: EditionOffer, input: EditionPageInput): string {
  const words = WORDS[input.language];
  const tiers = offer.tiers.length > 0 ? `${words.tiers}: ${offer.tiers.map((tier) => input.tierNames.get(tier) ?? tier).join(', ')}` : words.allMembers;
  const facts = [windowText(offer.window, input.language), tiers, `${offer.validFrom} – ${offer.lastDay}`, offer.capPerMember !== undefined ? words.cap(offer.capPerMember) : ''].filter((part) => part !== '');
  const exclusions = offer.exclusions ? `<p class="exclusions">${escapeHtml(words.exclusions)}: ${escapeHtml(offer.exclusions[input.language])}</p>` : '';
  return [
    `<article class="offer" id="offer-${escapeHtml(offer.offerId)}" data-offer-id="${escapeHtml(offer.offerId)}" data-tenant-id="${escapeHtml(offer.tenant.tenantId)}">`,
    `<h3><span class="brand">${escapeHtml(offer.tenant.brand)}</span> <span class="unit">${escapeHtml(offer.tenant.unit)}</span></h3>`,
    `<p class="benefit">${escapeHtml(benefitText(offer.benefit, input.language, input.currency))}</p>`,
    `<p class="facts">${facts.map(escapeHtml).join(' · ')}</p>`,
    `<p class="terms">${escapeHtml(offer.terms[input.language])}</p>`,
    exclusions,
    '</article>',
  ].join('');
}

/**
 * The public web page of an edition in one language: every offer grouped by category, a
 * floor index linking to them, links to the other languages. Self-contained HTML (inline
 * style), so the gateway can serve and cache it as one document.
 */
export function renderEditionPage(input: EditionPageInput): string {
  const words = WORDS[input.language];
  const byId = new Map(input.content.offers.map((offer) => [offer.offerId, offer]));
  const sections = input.content.byCategory
    .map((group) => {
      const articles = group.offerIds.flatMap((id) => {
        const offer = byId.get(id);
        return offer ? [offerArticle(offer, input)] : [];
      });
      return `<section class="category" id="category-${escapeHtml(group.key)}"><h2>${escapeHtml(categoryLabel(group.key, input.language))}</h2>${articles.join('')}</section>`;
    })
    .join('');
  const floors = input.content.byFloor
    .map((group) => `<li><a href="#offer-${escapeHtml(group.offerIds[0] ?? '')}">${escapeHtml(group.key)}</a> (${group.offerIds.length})</li>`)
    .join('');
  const languages = TERMS_LANGUAGES.map((language) =>
    language === input.language ? `<strong>${LANGUAGE_NAMES[language]}</strong>` : `<a hreflang="${language}" href="${escapeHtml(input.pageUrl(language))}">${LANGUAGE_NAMES[language]}</a>`,
  ).join(' | ');
  const title = `${words.title} · ${input.centreName} · ${input.content.asOf}`;
  return [
    '<!doctype html>',
    `<html lang="${input.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:"Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:46rem;padding:1rem;color:#222}h1{color:#7a1f2b;margin-bottom:.2rem}h2{color:#7a1f2b;border-bottom:2px solid #7a1f2b;padding-bottom:.2rem}.offer{border-bottom:1px solid #ddd;padding:.5rem 0}.offer h3{margin:.2rem 0;font-size:1.05rem}.unit{color:#666;font-weight:normal}.benefit{font-weight:bold;margin:.2rem 0}.facts,.exclusions{color:#555;font-size:.9rem;margin:.2rem 0}.terms{margin:.2rem 0}nav ul{display:flex;flex-wrap:wrap;gap:.8rem;list-style:none;padding:0}</style>',
    '</head><body>',
    `<header><p class="languages">${languages}</p><h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(input.centreName)} · #${input.editionNumber} · ${escapeHtml(input.content.asOf)} · ${input.content.offers.length} ${escapeHtml(words.offers)}</p></header>`,
    `<nav aria-label="${escapeHtml(words.floor)}"><ul>${floors}</ul></nav>`,
    `<main>${sections}</main>`,
    '</body></html>',
  ].join('\n');
}
