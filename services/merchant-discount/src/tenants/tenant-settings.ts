/** What the directory takes from the configuration. */
export class TenantSettings {
  constructor(
    /** Region of contact phones written without a country code. */
    readonly phoneRegion: string,
  ) {}
}
