import { randomInt } from 'node:crypto';
import { InvalidInputError } from '@atrium/errors';

/** A programme code as stored and published: 4 to 20 uppercase letters and digits, e.g. ACME2026. */
export const PROGRAMME_CODE_PATTERN = /^[A-Z0-9]{4,20}$/;
export const PROGRAMME_CODE_RULE = 'must be 4 to 20 letters and digits, e.g. ACME2026';

/** Length of a generated code: a name prefix of up to 4 characters, then random ones. */
export const GENERATED_CODE_LENGTH = 8;

/** Random characters of generated codes: no 0/O or 1/I, which people misread on a flyer. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A code as staff typed it, in its stored form (trimmed, uppercase): employees and the desk
 * may type it in any case, so one code has one form.
 */
export function normalizeProgrammeCode(raw: string, field = 'code'): string {
  const code = raw.trim().toUpperCase();
  if (!PROGRAMME_CODE_PATTERN.test(code)) {
    throw new InvalidInputError('outreach.programme-code-invalid', `"${raw}" is not a valid programme code.`, [{ field, message: PROGRAMME_CODE_RULE }]);
  }
  return code;
}

/**
 * A fresh code for a company's programme: the first letters and digits of the company's name
 * (up to 4, so staff recognise it: "Acme Trading" gives ACME…), then random characters up to
 * eight. A name without Latin letters or digits (艾克美) gives an all-random code. Unique only
 * by chance: the unique index decides, and a taken code is generated again.
 */
export function generateProgrammeCode(companyName: string, random: (below: number) => number = randomInt): string {
  const prefix = companyName
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 4);
  let code = prefix;
  while (code.length < GENERATED_CODE_LENGTH) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}
