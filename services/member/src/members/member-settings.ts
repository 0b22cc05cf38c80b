/** The member service's settings from its configuration, injectable by class. */
export class MemberSettings {
  constructor(
    /** Region of phone numbers written without a country code (PHONE_DEFAULT_REGION). */
    readonly defaultRegion: string,
    /** First digits of every card number (CARD_PREFIX). */
    readonly cardPrefix: string,
  ) {}
}
