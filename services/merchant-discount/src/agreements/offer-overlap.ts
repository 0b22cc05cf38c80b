import type { FieldProblem } from '@atrium/errors';
import type { AgreementTerms, CalendarDay, Offer, OfferWindow } from './agreement.entity';

/** An offer of an agreement in force, with the days it holds. */
export interface OfferInForce {
  readonly agreementId: string;
  readonly tenantId: string;
  readonly validFrom: CalendarDay;
  readonly lastDay: CalendarDay;
  readonly offer: Offer;
}

const ALL_DAY = { from: '00:00', until: '24:00' };

function windowsMeet(a: OfferWindow, b: OfferWindow): boolean {
  const daysMeet = a.weekdays.length === 0 || b.weekdays.length === 0 || a.weekdays.some((day) => b.weekdays.includes(day));
  if (!daysMeet) return false;
  const ha = a.from !== undefined && a.until !== undefined ? { from: a.from, until: a.until } : ALL_DAY;
  const hb = b.from !== undefined && b.until !== undefined ? { from: b.from, until: b.until } : ALL_DAY;
  return ha.from < hb.until && hb.from < ha.until;
}

function tiersMeet(a: readonly string[], b: readonly string[]): string | undefined {
  if (a.length === 0) return b[0] ?? 'every tier';
  if (b.length === 0) return a[0];
  return a.find((tier) => b.includes(tier));
}

/**
 * The offers of `candidate` that would hold at the same time as an offer in force of another
 * agreement of the same tenant, of the same kind and for a tier both cover: a member could
 * then claim both. Each names the candidate's offer field and the agreement it meets.
 */
export function overlappingOffers(candidate: { readonly agreementId: string; readonly terms: AgreementTerms }, inForce: readonly OfferInForce[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  candidate.terms.offers.forEach((offer, index) => {
    for (const other of inForce) {
      if (other.agreementId === candidate.agreementId || other.tenantId !== candidate.terms.tenantId) continue;
      if (other.offer.benefit.kind !== offer.benefit.kind) continue;
      if (candidate.terms.validFrom > other.lastDay || other.validFrom > candidate.terms.validUntil) continue;
      const tier = tiersMeet(offer.tiers, other.offer.tiers);
      if (tier === undefined || !windowsMeet(offer.window, other.offer.window)) continue;
      problems.push({
        field: `offers.${index}`,
        message: `meets offer ${other.offer.offerId} of agreement ${other.agreementId} (${offer.benefit.kind}, tier ${tier}, ${other.validFrom} to ${other.lastDay})`,
      });
    }
  });
  return problems;
}
