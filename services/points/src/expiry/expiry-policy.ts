import { addMonths, dayKeyOf, endOfDay, localDateOf } from './centre-calendar';

/**
 * When earned points expire (POINTS_EXPIRY_POLICY):
 * - `none`: never;
 * - `end-of-year-after`: at the end of the calendar year after the one they were earned in
 *   (earned any day of 2025: spendable until 31 December 2026);
 * - `months-after:N`: N months after the day they were earned (earned 15 March 2026 with N = 12:
 *   spendable until 15 March 2027; earned 31 January with N = 1: until 28 or 29 February).
 * Days and years are the centre's (TZ_CENTRE).
 */
export type ExpiryPolicy = { readonly kind: 'none' } | { readonly kind: 'end-of-year-after' } | { readonly kind: 'months-after'; readonly months: number };

const MONTHS_AFTER = /^months-after:(\d{1,3})$/;

/** The policy a configuration value names; undefined when it names none. */
export function parseExpiryPolicy(text: string): ExpiryPolicy | undefined {
  if (text === 'none') return { kind: 'none' };
  if (text === 'end-of-year-after') return { kind: 'end-of-year-after' };
  const match = MONTHS_AFTER.exec(text);
  const months = match ? Number(match[1]) : 0;
  return months >= 1 && months <= 120 ? { kind: 'months-after', months } : undefined;
}

/** The policy's configuration spelling, recorded on expiry entries. */
export function expiryPolicyName(policy: ExpiryPolicy): string {
  switch (policy.kind) {
    case 'none':
    case 'end-of-year-after':
      return policy.kind;
    case 'months-after':
      return `months-after:${policy.months}`;
  }
}

/**
 * The last centre-local day ("2026-12-31") on which points earned at `earnedAt` can be spent;
 * undefined when they never expire. Later earnings never expire earlier than older ones, which
 * is what lets expiry take the oldest points first.
 */
export function expiryDateOf(earnedAt: Date, policy: ExpiryPolicy, timeZone: string): string | undefined {
  switch (policy.kind) {
    case 'none':
      return undefined;
    case 'end-of-year-after':
      return `${String(localDateOf(earnedAt, timeZone).year + 1).padStart(4, '0')}-12-31`;
    case 'months-after':
      return dayKeyOf(addMonths(localDateOf(earnedAt, timeZone), policy.months));
  }
}

/** The instant points of an expiry date expire: when the centre's next day begins. */
export function expiryInstantOf(expiryDate: string, timeZone: string): Date {
  return endOfDay(expiryDate, timeZone);
}
