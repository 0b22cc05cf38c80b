import type { AgreementTerms } from './agreement.entity';
import { plainDiff, type PlainChange } from './plain-diff';

/**
 * What a new version changes against the one before, for its approver: every field that
 * differs, offers matched by their offer id (so a reordered list is no change), in a stable order.
 */
export function termsDiff(before: AgreementTerms, after: AgreementTerms): PlainChange[] {
  const byId = (terms: AgreementTerms) => Object.fromEntries(terms.offers.map((offer) => [offer.offerId, offer]));
  return plainDiff({ ...before, offers: byId(before) }, { ...after, offers: byId(after) });
}
