import type { FieldProblem } from '@atrium/errors';
import { TERMS_LANGUAGES, type AgreementTerms, type Offer, type OfferWindow, type TermsLanguage } from './agreement.entity';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function realDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

function checkTexts(texts: Readonly<Record<TermsLanguage, string>> | undefined, field: string, problems: FieldProblem[], required: boolean): void {
  if (texts === undefined) {
    if (required) problems.push({ field, message: `is required in ${TERMS_LANGUAGES.join(', ')}` });
    return;
  }
  for (const language of TERMS_LANGUAGES) {
    const text = texts[language];
    if (typeof text !== 'string' || text.trim() === '') problems.push({ field: `${field}.${language}`, message: 'must not be empty' });
    else if (text.length > 2000) problems.push({ field: `${field}.${language}`, message: 'must be at most 2000 characters' });
  }
}

function checkBenefit(offer: Offer, at: string, problems: FieldProblem[]): void {
  const benefit = offer.benefit;
  const whole = (value: number | undefined, field: string, min: number, max: number, words: string) => {
    if (value === undefined || !Number.isInteger(value) || value < min || value > max) problems.push({ field: `${at}.benefit.${field}`, message: words });
  };
  switch (benefit.kind) {
    case 'percentage':
      whole(benefit.percentOff, 'percentOff', 1, 99, 'must be a whole percentage from 1 to 99');
      break;
    case 'amount-off':
      whole(benefit.amountOffMinor, 'amountOffMinor', 1, 100_000_000, 'must be a whole number of minor units above 0');
      whole(benefit.minSpendMinor, 'minSpendMinor', 0, 1_000_000_000, 'must be a whole number of minor units, 0 or more');
      if (benefit.amountOffMinor !== undefined && benefit.minSpendMinor !== undefined && benefit.minSpendMinor > 0 && benefit.amountOffMinor >= benefit.minSpendMinor) {
        problems.push({ field: `${at}.benefit.amountOffMinor`, message: 'must be less than the minimum spend it needs' });
      }
      break;
    case 'free-item':
      checkTexts(benefit.item, `${at}.benefit.item`, problems, true);
      break;
    case 'points-multiplier':
      if (benefit.pointsMultiplier === undefined || !(benefit.pointsMultiplier > 1 && benefit.pointsMultiplier <= 10) || Math.round(benefit.pointsMultiplier * 10) !== benefit.pointsMultiplier * 10) {
        problems.push({ field: `${at}.benefit.pointsMultiplier`, message: 'must be above 1 and at most 10, in steps of 0.1' });
      }
      break;
  }
}

function checkWindow(window: OfferWindow, at: string, problems: FieldProblem[]): void {
  const days = new Set<number>();
  for (const [index, weekday] of window.weekdays.entries()) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) problems.push({ field: `${at}.window.weekdays.${index}`, message: 'must be an ISO weekday, 1 (Monday) to 7 (Sunday)' });
    else if (days.has(weekday)) problems.push({ field: `${at}.window.weekdays.${index}`, message: 'is listed twice' });
    days.add(weekday);
  }
  if ((window.from === undefined) !== (window.until === undefined)) problems.push({ field: `${at}.window.${window.from === undefined ? 'from' : 'until'}`, message: 'is required with the other end of the hours' });
  for (const end of ['from', 'until'] as const) {
    const value = window[end];
    if (value !== undefined && !TIME.test(value)) problems.push({ field: `${at}.window.${end}`, message: 'must be a local time HH:MM' });
  }
  if (window.from !== undefined && window.until !== undefined && TIME.test(window.from) && TIME.test(window.until) && window.until <= window.from) {
    problems.push({ field: `${at}.window.until`, message: `must be later than from (${window.from})` });
  }
}

/**
 * Every rule an agreement's terms break, each naming its field as the client sent it:
 * the validity window, each offer's benefit, tiers (only the programme's), hours, cap, texts
 * in every language and funding. An empty list means the terms hold.
 */
export function termsProblems(terms: AgreementTerms, knownTiers: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (terms.title.trim() === '') problems.push({ field: 'title', message: 'must not be empty' });
  if (!realDay(terms.validFrom)) problems.push({ field: 'validFrom', message: 'must be a calendar day YYYY-MM-DD' });
  if (!realDay(terms.validUntil)) problems.push({ field: 'validUntil', message: 'must be a calendar day YYYY-MM-DD' });
  else if (realDay(terms.validFrom) && terms.validUntil < terms.validFrom) problems.push({ field: 'validUntil', message: `must not be before validFrom (${terms.validFrom})` });
  if (terms.offers.length === 0) problems.push({ field: 'offers', message: 'must hold at least one offer' });
  const ids = new Set<string>();
  terms.offers.forEach((offer, index) => {
    const at = `offers.${index}`;
    if (ids.has(offer.offerId)) problems.push({ field: `${at}.offerId`, message: 'is used by another offer of this agreement' });
    ids.add(offer.offerId);
    checkBenefit(offer, at, problems);
    const tiers = new Set<string>();
    offer.tiers.forEach((tier, tierIndex) => {
      if (!knownTiers.has(tier)) problems.push({ field: `${at}.tiers.${tierIndex}`, message: `is not a tier of the programme (${[...knownTiers].join(', ')})` });
      else if (tiers.has(tier)) problems.push({ field: `${at}.tiers.${tierIndex}`, message: 'is listed twice' });
      tiers.add(tier);
    });
    checkWindow(offer.window, at, problems);
    if (offer.capPerMember !== undefined && (!Number.isInteger(offer.capPerMember) || offer.capPerMember < 1 || offer.capPerMember > 1000)) {
      problems.push({ field: `${at}.capPerMember`, message: 'must be a whole number from 1 to 1000' });
    }
    checkTexts(offer.terms, `${at}.terms`, problems, true);
    checkTexts(offer.exclusions, `${at}.exclusions`, problems, false);
    if (offer.fundedBy === 'shared') {
      const share = offer.tenantSharePercent;
      if (share === undefined || !Number.isInteger(share) || share < 1 || share > 99) problems.push({ field: `${at}.tenantSharePercent`, message: 'must be the tenant\'s share, a whole percentage from 1 to 99, when the offer is shared' });
    } else if (offer.tenantSharePercent !== undefined) {
      problems.push({ field: `${at}.tenantSharePercent`, message: 'is only for offers funded by both (fundedBy "shared")' });
    }
  });
  return problems;
}
