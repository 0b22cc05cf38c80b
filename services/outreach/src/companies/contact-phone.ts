import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { InvalidInputError } from '@atrium/errors';

/**
 * A contact person's phone as staff type it ("138 0013 8000", "+852 9123-4567") in E.164.
 * Numbers without a country code take the centre's region.
 */
export function normalizeContactPhone(raw: string, defaultRegion: string, field = 'contactPhone'): string {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultRegion as CountryCode);
  if (!parsed || !parsed.isValid()) {
    throw new InvalidInputError('outreach.phone-invalid', `"${raw}" is not a valid phone number.`, [
      { field, message: `must be a valid phone number (numbers without a country code are read as ${defaultRegion})` },
    ]);
  }
  return parsed.number;
}
