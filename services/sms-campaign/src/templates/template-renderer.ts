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
  /** The language of the version being rendered: numbers, dates and tier names are written its way. */
  readonly language: MemberLanguage;
  /** The centre's IANA zone: an expiry instant shows as the date the centre's calendar reads. */
  readonly timeZone: string;
  /** Without a label for the code and language, the tier code itself is written. */
  readonly tierLabels?: TierLabels;
  /** The tier of a member nobody assigned one (SMS_LOWEST_TIER): a member without a tier reads its label. */
  readonly lowestTier?: string;
}

/** What rendering a template for a member of the projection needs (the same for preview and sending). */
export interface MemberRenderSettings {
  /** `{{bookletLink}}` (SMS_BOOKLET_URL). */
  readonly bookletLink: string;
  readonly timeZone: string;
  readonly tierLabels: TierLabels;
  readonly lowestTier: string;
}

export type RenderResult =
  /** `fallbacks`: the variables this recipient had no value for, filled with the template's fallback or the built-in default. */
  | { readonly ok: true; readonly text: string; readonly fallbacks: readonly TemplateVariable[] }
  /** The variables the template uses that have neither a value for this recipient nor a fallback. */
  | { readonly ok: false; readonly missing: readonly TemplateVariable[] };

/**
 * What a member without a value reads when the template gives no fallback of its own. The
 * expiry date has none (no date can be made up): a template using it must give a fallback to
 * be approved (`variablesWithoutFallback`).
 */
const BUILT_IN_NAME: Readonly<Record<MemberLanguage, string>> = { 'zh-Hant': '會員', 'zh-Hans': '会员', en: 'Member' };

/** Variables a member may have no value for and that have no built-in default. */
const NO_BUILT_IN_DEFAULT: readonly TemplateVariable[] = ['expiryDate'];

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

/** One member's message of a template, in `language`: preview and sending both render through here. */
export function renderForMember(template: ParsedTemplate, member: MemberProfile, language: MemberLanguage, settings: MemberRenderSettings): RenderResult {
  return renderTemplate(template, templateValuesOf(member, { bookletLink: settings.bookletLink }), {
    language,
    timeZone: settings.timeZone,
    tierLabels: settings.tierLabels,
    lowestTier: settings.lowestTier,
  });
}

/**
 * The text one recipient receives. Values are inserted as they are, never read as template
 * syntax (a name containing "{{points}}" stays that text). Points are grouped by thousands
 * (1,200); a tier reads as its label in the language (金卡, Gold); an expiry date reads
 * 2025年3月31日 in Chinese and 31 Mar 2025 in English, on the centre's calendar. A variable the
 * recipient has no value for reads as the fallback written with it (`{{name|會員}}`), else as the
 * built-in default (name: 會員 / 会员 / Member; tier: the lowest tier's label); only a variable
 * with neither (an expiry date without fallback) makes the result `missing`.
 */
export function renderTemplate(template: ParsedTemplate, values: TemplateValues, options: RenderOptions): RenderResult {
  const missing: TemplateVariable[] = [];
  const fallbacks: TemplateVariable[] = [];
  const pieces = template.parts.map((part) => {
    if ('text' in part) return part.text;
    const value = formatted(part.variable, values, options);
    if (value !== undefined) return value;
    const substitute = part.fallback ?? builtInDefault(part.variable, options);
    const list = substitute === undefined ? missing : fallbacks;
    if (!list.includes(part.variable)) list.push(part.variable);
    return substitute ?? '';
  });
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, text: pieces.join(''), fallbacks };
}

/**
 * The variables of a template some recipient could have no value for, with nothing to put in
 * their place: used without a fallback and without a built-in default. Such a template is not
 * approved, so no member is ever left out of a send for a missing value.
 */
export function variablesWithoutFallback(template: ParsedTemplate): TemplateVariable[] {
  const found: TemplateVariable[] = [];
  for (const part of template.parts) {
    if ('variable' in part && part.fallback === undefined && NO_BUILT_IN_DEFAULT.includes(part.variable) && !found.includes(part.variable)) found.push(part.variable);
  }
  return found;
}

function builtInDefault(variable: TemplateVariable, options: RenderOptions): string | undefined {
  switch (variable) {
    case 'name':
      return BUILT_IN_NAME[options.language];
    case 'tier':
      return options.lowestTier === undefined ? undefined : formatted('tier', { tier: options.lowestTier }, options);
    default:
      return undefined;
  }
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
