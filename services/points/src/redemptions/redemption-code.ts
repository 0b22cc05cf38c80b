import { randomInt } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a code read out at the desk cannot be misheard as another. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A redemption's code: 8 random characters in two groups, "K7M2-QX4P" (32^8 ≈ 10^12 codes; a
 * unique index refuses the rare repeat and the caller draws again).
 */
export function newRedemptionCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let index = 0; index < 8; index++) {
    if (index === 4) code += '-';
    code += ALPHABET[random(ALPHABET.length)];
  }
  return code;
}

/** A code as people type it: any case, with or without the dash; O read as 0 and I or L as 1. */
export function normaliseRedemptionCode(text: string): string {
  const compact = text.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}
