/** The member programme's tier codes (MEMBER_TIER_CODES) and the centre's time zone (TZ_CENTRE). */
export class AgreementSettings {
  constructor(
    readonly tierCodes: ReadonlySet<string>,
    readonly timeZone: string,
  ) {}
}
