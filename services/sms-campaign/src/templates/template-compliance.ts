import type { FieldProblem } from '@atrium/errors';
import { MEMBER_LANGUAGES, type MemberLanguage } from '../members/member-profile.entity';
import type { SmsTemplateContent } from './sms-template.entity';
import { variablesWithoutFallback } from './template-renderer';
import { parseTemplateBody } from './template-syntax';

/** What every language version of a marketing template must carry before it can be approved. */
export interface MarketingTemplateRules {
  /** The centre's signature in each language, e.g. 【XX廣場】 / 【XX广场】 / [XX Plaza]. */
  readonly signatures: Readonly<Record<MemberLanguage, string>>;
  /** How to opt out, in each language. */
  readonly optOutInstructions: Readonly<Record<MemberLanguage, string>>;
}

/** The opt-out instructions the issue gives, used unless configured otherwise. */
export const DEFAULT_OPT_OUT_INSTRUCTIONS: Readonly<Record<MemberLanguage, string>> = {
  'zh-Hant': '回T退訂',
  'zh-Hans': '回T退订',
  en: 'Reply STOP to opt out',
};

/**
 * The rules from configuration: one signature for every language, or one per language where
 * the centre writes its name differently (traditional, simplified, English); the default
 * opt-out instructions unless some are given.
 */
export function marketingTemplateRules(settings: {
  readonly signature: string;
  readonly signatureByLanguage?: Readonly<Partial<Record<MemberLanguage, string>>>;
  readonly optOutInstructions?: Readonly<Partial<Record<MemberLanguage, string>>>;
}): MarketingTemplateRules {
  const pick = (given: string | undefined, fallback: string): string => (given !== undefined && given.trim() !== '' ? given : fallback);
  const byLanguage = <T>(value: (language: MemberLanguage) => T): Record<MemberLanguage, T> =>
    Object.fromEntries(MEMBER_LANGUAGES.map((language) => [language, value(language)])) as Record<MemberLanguage, T>;
  return {
    signatures: byLanguage((language) => pick(settings.signatureByLanguage?.[language], settings.signature)),
    optOutInstructions: byLanguage((language) => pick(settings.optOutInstructions?.[language], DEFAULT_OPT_OUT_INSTRUCTIONS[language])),
  };
}

/**
 * Why a template cannot be approved, each problem naming the language version at fault
 * (`bodies.zh-Hant`); empty means it may be.
 *
 * Every template: a variable some member could lack with nothing to put in its place (an
 * expiry date without a fallback) must carry a fallback, `{{expiryDate|soon}}`: no member is
 * left out of a send for a missing value. Marketing templates besides:
 *
 * Each version must carry the signature of its language and the opt-out instruction **of its
 * own language** (an English version saying 回T退訂 does not tell an English reader how to opt
 * out). The comparison ignores letter case and compatibility forms (a full-width Ｔ counts as
 * T), since both read the same to the member; where in the text they stand is left to staff.
 */
export function templateComplianceProblems(content: SmsTemplateContent, rules: MarketingTemplateRules): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const language of MEMBER_LANGUAGES) {
    const body = content.bodies[language];
    if (body === undefined) continue;
    const field = `bodies.${language}`;
    const parsed = parseTemplateBody(body, field);
    for (const variable of parsed.ok ? variablesWithoutFallback(parsed.template) : []) {
      problems.push({ field, message: `{{${variable}}} has no value for a member and no fallback: write what they read instead, as {{${variable}|…}}` });
    }
    if (content.kind !== 'marketing') continue;
    const text = comparable(body);
    const signature = rules.signatures[language];
    const optOut = rules.optOutInstructions[language];
    if (!text.includes(comparable(signature))) {
      problems.push({ field, message: `the ${language} version must carry the centre's signature ${signature}` });
    }
    if (!text.includes(comparable(optOut))) {
      problems.push({ field, message: `the ${language} version must carry the ${language} opt-out instruction "${optOut}"` });
    }
  }
  return problems;
}

function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
