/** The outreach service's settings from its configuration, injectable by class. */
export class OutreachSettings {
  constructor(
    /** Region of phone numbers written without a country code (PHONE_DEFAULT_REGION). */
    readonly defaultRegion: string,
  ) {}
}
