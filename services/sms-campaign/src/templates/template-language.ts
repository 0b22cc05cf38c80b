import type { MessageKind } from '../compliance/message-kind';
import type { MemberLanguage } from '../members/member-profile.entity';
import type { TemplateBodies } from './sms-template.entity';

/** For a transactional message, the versions to try after the member's own, closest first. */
const FALLBACKS: Readonly<Record<MemberLanguage, readonly MemberLanguage[]>> = {
  'zh-Hans': ['zh-Hant', 'en'],
  'zh-Hant': ['zh-Hans', 'en'],
  en: ['zh-Hant', 'zh-Hans'],
};

/**
 * Which language version of a template a member gets, or undefined when none will do.
 *
 * Marketing goes out only in the member's own language: the opt-out instruction must be the
 * one of the member's language (the issue), so a member whose language the template lacks is
 * left out rather than sent another version. A transactional message (a sign-up code, a
 * redemption) matters more than its language: the closest version there is goes out.
 */
export function templateLanguageFor(bodies: TemplateBodies, language: MemberLanguage, kind: MessageKind): MemberLanguage | undefined {
  const candidates = kind === 'marketing' ? [language] : [language, ...FALLBACKS[language]];
  return candidates.find((candidate) => typeof bodies[candidate] === 'string' && bodies[candidate].trim() !== '');
}
