import type { AgreementTerms } from './agreement.entity';

/** One difference between two versions, at a dotted path (offers are named by their offer id). */
export interface TermsChange {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

type Plain = string | number | boolean | null | undefined | readonly Plain[] | { readonly [key: string]: Plain };

function isRecord(value: unknown): value is Readonly<Record<string, Plain>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compare(path: string, before: unknown, after: unknown, changes: TermsChange[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) compare(path === '' ? key : `${path}.${key}`, before[key], after[key], changes);
    return;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (before === undefined) changes.push({ path, change: 'added', after });
  else if (after === undefined) changes.push({ path, change: 'removed', before });
  else changes.push({ path, change: 'changed', before, after });
}

/**
 * What a new version changes against the one before, for its approver: every field that
 * differs, offers matched by their offer id (so a reordered list is no change), in a stable order.
 */
export function termsDiff(before: AgreementTerms, after: AgreementTerms): TermsChange[] {
  const byId = (terms: AgreementTerms) => Object.fromEntries(terms.offers.map((offer) => [offer.offerId, offer]));
  const changes: TermsChange[] = [];
  compare('', { ...before, offers: byId(before) }, { ...after, offers: byId(after) }, changes);
  return changes;
}
