import type { PreferredLanguage } from '@atrium/contracts';
import { languageOf } from '../members/member-event-changes';
import type { MemberLanguage } from '../members/member-profile.entity';

/**
 * The language of a new member's welcome: the one they chose at registration
 * (`member.registered`'s `preferred_language`), else the projection's (a profile update may
 * have named one), else SMS_DEFAULT_LANGUAGE. The event comes first because the projection's
 * consumer and this one read the same registration independently: when the welcome is sent,
 * the projection may not hold the member yet, or hold only the default language.
 */
export function welcomeLanguageOf(chosen: PreferredLanguage, projected: MemberLanguage | undefined, fallback: MemberLanguage): MemberLanguage {
  return languageOf(chosen) ?? projected ?? fallback;
}
