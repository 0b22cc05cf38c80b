import type { CalendarDay, Offer, TermsLanguage } from '../agreements/agreement.entity';
import type { OfferInForce } from '../agreements/offer-overlap';
import { compareFloors } from './floor-order';

/** What the booklet needs to know of a tenant. */
export interface BookletTenant {
  readonly tenantId: string;
  readonly brand: string;
  readonly unit: string;
  readonly floor: string;
  readonly category: string;
}

/** One offer as an edition prints it: the offer with its tenant and the days it holds. */
export interface EditionOffer {
  readonly offerId: string;
  readonly agreementId: string;
  readonly tenant: BookletTenant;
  readonly validFrom: CalendarDay;
  readonly lastDay: CalendarDay;
  readonly benefit: Offer['benefit'];
  readonly tiers: readonly string[];
  readonly window: Offer['window'];
  readonly capPerMember?: number;
  readonly terms: Readonly<Record<TermsLanguage, string>>;
  readonly exclusions?: Readonly<Record<TermsLanguage, string>>;
}

export interface EditionGroup {
  readonly key: string;
  readonly offerIds: readonly string[];
}

/** An edition's content, the same for its web page, PDF and JSON feed. */
export interface EditionContent {
  /** The day whose agreements in force the edition shows. */
  readonly asOf: CalendarDay;
  /** Every offer, ordered by floor, unit, tenant and offer id. */
  readonly offers: readonly EditionOffer[];
  readonly byCategory: readonly EditionGroup[];
  readonly byFloor: readonly EditionGroup[];
}

function group(offers: readonly EditionOffer[], keyOf: (offer: EditionOffer) => string, order: (a: string, b: string) => number): EditionGroup[] {
  const groups = new Map<string, string[]>();
  for (const offer of offers) {
    const key = keyOf(offer);
    groups.set(key, [...(groups.get(key) ?? []), offer.offerId]);
  }
  return [...groups.entries()].sort(([a], [b]) => order(a, b)).map(([key, offerIds]) => ({ key, offerIds }));
}

/**
 * The edition of `asOf`: the offers in force that day whose tenant is in the directory
 * (`tenants`: the tenants open or fitting out; a closed tenant's offers are left out), each
 * once, grouped by category and by floor in a stable order.
 */
export function compileEditionContent(asOf: CalendarDay, inForce: readonly OfferInForce[], tenants: ReadonlyMap<string, BookletTenant>): EditionContent {
  const offers: EditionOffer[] = [];
  for (const entry of inForce) {
    const tenant = tenants.get(entry.tenantId);
    if (!tenant || asOf < entry.validFrom || asOf > entry.lastDay) continue;
    const { offer } = entry;
    offers.push({
      offerId: offer.offerId,
      agreementId: entry.agreementId,
      tenant,
      validFrom: entry.validFrom,
      lastDay: entry.lastDay,
      benefit: offer.benefit,
      tiers: offer.tiers,
      window: offer.window,
      ...(offer.capPerMember === undefined ? {} : { capPerMember: offer.capPerMember }),
      terms: offer.terms,
      ...(offer.exclusions === undefined ? {} : { exclusions: offer.exclusions }),
    });
  }
  offers.sort(
    (a, b) =>
      compareFloors(a.tenant.floor, b.tenant.floor) ||
      a.tenant.unit.localeCompare(b.tenant.unit, 'en', { numeric: true }) ||
      a.tenant.tenantId.localeCompare(b.tenant.tenantId) ||
      a.offerId.localeCompare(b.offerId),
  );
  return {
    asOf,
    offers,
    byCategory: group(offers, (offer) => offer.tenant.category, (a, b) => a.localeCompare(b)),
    byFloor: group(offers, (offer) => offer.tenant.floor, compareFloors),
  };
}
