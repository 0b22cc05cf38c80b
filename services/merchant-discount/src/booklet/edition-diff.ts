import { plainDiff, type PlainChange } from '../agreements/plain-diff';
import type { EditionContent, EditionOffer } from './edition-content';

/** What an edition changes against the one before it, offer by offer. */
export interface EditionDiff {
  readonly added: readonly EditionOffer[];
  readonly removed: readonly EditionOffer[];
  readonly changed: readonly { readonly offer: EditionOffer; readonly changes: readonly PlainChange[] }[];
}

/**
 * Offers are matched by their offer id: one whose agreement expired or was terminated is
 * removed, a new agreement's are added, and a new version's changed fields are named.
 */
export function editionDiff(previous: EditionContent | undefined, next: EditionContent): EditionDiff {
  const before = new Map((previous?.offers ?? []).map((offer) => [offer.offerId, offer]));
  const after = new Map(next.offers.map((offer) => [offer.offerId, offer]));
  return {
    added: next.offers.filter((offer) => !before.has(offer.offerId)),
    removed: (previous?.offers ?? []).filter((offer) => !after.has(offer.offerId)),
    changed: next.offers.flatMap((offer) => {
      const earlier = before.get(offer.offerId);
      const changes = earlier ? plainDiff(earlier, offer) : [];
      return changes.length > 0 ? [{ offer, changes }] : [];
    }),
  };
}
