import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { InvalidInputError } from '@atrium/errors';

/**
 * A phone number as staff or shoppers type it ("138 0013 8000", "+852 9123-4567") in E.164,
 * so one person always has one number. Numbers without a country code take the centre's region.
 */
export function normalizePhone(raw: string, defaultRegion: string, field = 'phone'): string {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultRegion as CountryCode);
  if (!parsed || !parsed.isValid()) {
    throw new InvalidInputError('member.phone-invalid', `"${raw}" is not a valid phone number.`, [
      { field, message: `must be a valid phone number (numbers without a country code are read as ${defaultRegion})` },
    ]);
  }
  return parsed.number;
}
