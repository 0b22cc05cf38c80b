import type { OfferInForce } from './offer-overlap';

/** The centre's clock at the moment of asking. */
export interface LocalMoment {
  readonly day: string;
  /** ISO weekday, 1 (Monday) to 7 (Sunday). */
  readonly weekday: number;
  /** HH:MM */
  readonly time: string;
}

export type NotUsableReason = 'tier' | 'weekday' | 'hours' | 'cap-reached' | 'not-valid-today';

export interface OfferForMember {
  readonly offer: OfferInForce;
  readonly usable: boolean;
  /** Why the member cannot use it now, when not usable. */
  readonly reason?: NotUsableReason;
  /** Uses left under the cap, when the offer has one. */
  readonly usesLeft?: number;
}

/**
 * Which of a tenant's offers in force a member may use now, and why not for the others: the
 * desk's answer to "what discount do I get here?". `usesSoFar` counts the member's uses of
 * each offer (by offer id) over its agreement's validity.
 */
export function offersForMember(offers: readonly OfferInForce[], tier: string, usesSoFar: ReadonlyMap<string, number>, now: LocalMoment): OfferForMember[] {
  return offers.map((entry) => {
    const { offer } = entry;
    const used = usesSoFar.get(offer.offerId) ?? 0;
    const usesLeft = offer.capPerMember === undefined ? undefined : Math.max(0, offer.capPerMember - used);
    const reason = ((): NotUsableReason | undefined => {
      if (now.day < entry.validFrom || now.day > entry.lastDay) return 'not-valid-today';
      if (offer.tiers.length > 0 && !offer.tiers.includes(tier)) return 'tier';
      if (offer.window.weekdays.length > 0 && !offer.window.weekdays.includes(now.weekday)) return 'weekday';
      if (offer.window.from !== undefined && offer.window.until !== undefined && (now.time < offer.window.from || now.time >= offer.window.until)) return 'hours';
      if (usesLeft === 0) return 'cap-reached';
      return undefined;
    })();
    return { offer: entry, usable: reason === undefined, ...(reason === undefined ? {} : { reason }), ...(usesLeft === undefined ? {} : { usesLeft }) };
  });
}
