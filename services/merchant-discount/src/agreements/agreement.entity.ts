/** The languages every offer's terms are written in, as the booklet prints them. */
export const TERMS_LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type TermsLanguage = (typeof TERMS_LANGUAGES)[number];

/** What the member gets. */
export const OFFER_KINDS = ['percentage', 'amount-off', 'free-item', 'points-multiplier'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** Who pays for the offer. */
export const OFFER_FUNDERS = ['tenant', 'centre', 'shared'] as const;
export type OfferFunder = (typeof OFFER_FUNDERS)[number];

/**
 * The stored life-cycle status. "Active" and "expired" are not stored: a signed agreement is
 * active on the days of its validity window and expired after it (see agreementStateOn).
 */
export const AGREEMENT_STATUSES = ['draft', 'submitted', 'approved', 'signed', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** What staff see: the stored status, with a signed agreement read against the date. */
export type AgreementState = Exclude<AgreementStatus, 'signed'> | 'signed-not-yet-valid' | 'active' | 'expired';

/** A calendar day in the centre's time zone, as YYYY-MM-DD. */
export type CalendarDay = string;

export interface OfferBenefit {
  readonly kind: OfferKind;
  /** percentage: 1 to 99 (% off). */
  readonly percentOff?: number;
  /** amount-off: minor units off (fen) once the spend reaches minSpendMinor. */
  readonly amountOffMinor?: number;
  readonly minSpendMinor?: number;
  /** free-item: what is given, in each language. */
  readonly item?: Readonly<Record<TermsLanguage, string>>;
  /** points-multiplier: the points service multiplies the points earned at the tenant (above 1, at most 10). */
  readonly pointsMultiplier?: number;
}

export interface OfferWindow {
  /** ISO weekdays 1 (Monday) to 7 (Sunday) the offer holds on; all days when empty. */
  readonly weekdays: readonly number[];
  /** Local time of day, HH:MM, start inclusive and end exclusive; all day when absent. */
  readonly from?: string;
  readonly until?: string;
}

export interface Offer {
  /** Unique among all agreements (the service assigns it) and kept across versions, so that diffs and booklet editions can follow an offer. */
  readonly offerId: string;
  readonly benefit: OfferBenefit;
  /** Tier codes of the member programme that may use it; every tier when empty. */
  readonly tiers: readonly string[];
  readonly window: OfferWindow;
  /** Goods or cases it does not apply to, free text per language. */
  readonly exclusions?: Readonly<Record<TermsLanguage, string>>;
  /** How many times one member may use it over the agreement's validity; no cap when absent. */
  readonly capPerMember?: number;
  readonly terms: Readonly<Record<TermsLanguage, string>>;
  readonly fundedBy: OfferFunder;
  /** With fundedBy "shared": the tenant's share in percent (1 to 99). */
  readonly tenantSharePercent?: number;
}

/** What an agreement says: the part that versions cover and approvers read. */
export interface AgreementTerms {
  readonly tenantId: string;
  readonly title: string;
  readonly validFrom: CalendarDay;
  /** Inclusive: the last day the offers hold. */
  readonly validUntil: CalendarDay;
  readonly offers: readonly Offer[];
}

/** The tenant's sign-off of an approved version. */
export interface TenantSignOff {
  readonly signatoryName: string;
  readonly signatoryRole: string;
  readonly signedOn: CalendarDay;
  /** Where the scanned, signed document is kept, and its SHA-256 in hex. */
  readonly documentReference: string;
  readonly documentSha256: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface AgreementTermination {
  readonly reason: string;
  /** The last day the offers hold. */
  readonly lastDay: CalendarDay;
  readonly by: string;
  readonly at: string;
}
