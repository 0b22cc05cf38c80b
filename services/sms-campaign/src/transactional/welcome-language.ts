import { PreferredLanguage } from '@atrium/contracts';
import type { MemberLanguage } from '../members/member-profile.entity';

/**
 * The language of a new member's welcome: the one they chose at registration
 * (`member.registered`'s `preferred_language`), else the projection's (a profile update may
 * have named one), else SMS_DEFAULT_LANGUAGE. The event comes first because the projection's
 * consumer and this one read the same registration independently: when the welcome is sent,
 * the projection may not hold the member yet, or hold only the default language.
 */
export function welcomeLanguageOf(chosen: PreferredLanguage, projected: MemberLanguage | undefined, fallback: MemberLanguage): MemberLanguage {
  return memberLanguageOf(chosen) ?? projected ?? fallback;
}

/** A preferred language from a member event as the language we write in; undefined when unspecified. */
function memberLanguageOf(language: PreferredLanguage): MemberLanguage | undefined {
  switch (language) {
    case PreferredLanguage.ZH_HANS:
      return 'zh-Hans';
    case PreferredLanguage.ZH_HANT:
      return 'zh-Hant';
    case PreferredLanguage.EN:
      return 'en';
    case PreferredLanguage.UNSPECIFIED:
      return undefined;
  }
}
