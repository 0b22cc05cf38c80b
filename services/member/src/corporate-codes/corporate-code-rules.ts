import type { CorporateProgramme } from './corporate-programme.entity';

/** A programme code: 4 to 20 letters and digits (outreach stores them uppercase). */
export const CORPORATE_CODE_PATTERN = /^[A-Z0-9]{4,20}$/;

/** Why a code cannot sign anyone up now, or `usable`. */
export type CodeStanding = 'usable' | 'unknown' | 'suspended' | 'not-yet-valid' | 'expired';

/** A code as someone typed it ("acme2026 "), in the form outreach stores it: codes are matched case-insensitively. */
export function normalizeCorporateCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Whether the programme's code signs an employee up at `now`: it must be known, active, and
 * inside its window (from inclusive, until exclusive). A suspended programme says so even
 * outside its window: that is what staff will want to know first.
 */
export function standingOf(programme: CorporateProgramme | undefined, now: Date): CodeStanding {
  if (!programme) return 'unknown';
  if (programme.status === 'suspended') return 'suspended';
  if (now.getTime() < programme.validFrom.getTime()) return 'not-yet-valid';
  if (programme.validUntil && now.getTime() >= programme.validUntil.getTime()) return 'expired';
  return 'usable';
}
