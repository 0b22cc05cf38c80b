import { localDateTime } from '../compliance/zoned-time';
import type { MemberLanguage, MemberProfile } from '../members/member-profile.entity';
import type { ParsedTemplate, TemplateVariable } from './template-syntax';

/** What fills a template's variables for one recipient; a variable with no value cannot be rendered. */
export interface TemplateValues {
  readonly name?: string;
  /** Tier code (e.g. "gold"); rendered as the label of the recipient's language when one is known. */
  readonly tier?: string;
  /** A whole number of points. */
  readonly points?: number;
  /** The instant points expire; rendered as its date on the centre's calendar. */
  readonly expiryDate?: Date;
  readonly bookletLink?: string;
}

/** Tier labels by tier code and language, e.g. `{ gold: { 'zh-Hant': '金卡', 'zh-Hans': '金卡', en: 'Gold' } }`. */
export type TierLabels = Readonly<Record<string, Readonly<Partial<Record<MemberLanguage, string>>>>>;

export interface RenderOptions {
  /** The language of the version being rendered: numbers and dates are written its way. */
  readonly language: MemberLanguage;
  /** The centre's IANA zone: an expiry instant shows as the date the centre's calendar reads. */
  readonly timeZone: string;
  /** Without a label for the code and language, the tier code itself is written. */
  readonly tierLabels?: TierLabels;
}

export type RenderResult =
  | { readonly ok: true; readonly text: string }
  /** The variables the template uses that have no value for this recipient. */
  | { readonly ok: false; readonly missing: readonly TemplateVariable[] };

const NUMBER_LOCALES: Readonly<Record<MemberLanguage, string>> = { 'zh-Hans': 'zh-Hans-CN', 'zh-Hant': 'zh-Hant-HK', en: 'en-GB' };
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const numberFormats = new Map<MemberLanguage, Intl.NumberFormat>();

/** The values a member's projection gives; the expiry date and booklet link come from the message's occasion. */
export function templateValuesOf(member: MemberProfile, occasion: Pick<TemplateValues, 'expiryDate' | 'bookletLink' | 'points'> = {}): TemplateValues {
  return {
    name: member.name,
    tier: member.tier,
    points: occasion.points ?? member.pointsBalance,
    expiryDate: occasion.expiryDate,
    bookletLink: occasion.bookletLink,
  };
}

/**
 * The text one recipient receives. Values are inserted as they are, never read as template
 * syntax (a name containing "{{points}}" stays that text). Points are grouped by thousands
 * (1,200); an expiry date reads 2025年3月31日 in Chinese and 31 Mar 2025 in English, on the
 * centre's calendar.
 */
export function renderTemplate(template: ParsedTemplate, values: TemplateValues, options: RenderOptions): RenderResult {
  const missing = template.variables.filter((variable) => formatted(variable, values, options) === undefined);
  if (missing.length > 0) return { ok: false, missing };
  const text = template.parts.map((part) => ('text' in part ? part.text : (formatted(part.variable, values, options) ?? ''))).join('');
  return { ok: true, text };
}

function formatted(variable: TemplateVariable, values: TemplateValues, options: RenderOptions): string | undefined {
  switch (variable) {
    case 'name':
      return nonEmpty(values.name?.trim());
    case 'bookletLink':
      return nonEmpty(values.bookletLink?.trim());
    case 'tier': {
      const code = nonEmpty(values.tier?.trim());
      return code === undefined ? undefined : (nonEmpty(options.tierLabels?.[code]?.[options.language]) ?? code);
    }
    case 'points':
      return Number.isSafeInteger(values.points) ? numberFormat(options.language).format(values.points as number) : undefined;
    case 'expiryDate':
      return values.expiryDate && !Number.isNaN(values.expiryDate.getTime()) ? dateText(values.expiryDate, options) : undefined;
  }
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

function numberFormat(language: MemberLanguage): Intl.NumberFormat {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALES[language], { maximumFractionDigits: 0, useGrouping: true });
    numberFormats.set(language, format);
  }
  return format;
}

/** Dates are assembled by hand: the same text on every runtime, whatever its ICU data. */
function dateText(at: Date, { language, timeZone }: RenderOptions): string {
  const { year, month, day } = localDateTime(at, timeZone);
  switch (language) {
    case 'zh-Hans':
    case 'zh-Hant':
      return `${year}年${month}月${day}日`;
    case 'en':
      return `${day} ${MONTHS_EN[month - 1]} ${year}`;
  }
}
