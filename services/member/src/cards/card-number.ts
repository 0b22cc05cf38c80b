import { InvalidInputError } from '@atrium/errors';

/** Card numbers: the centre's prefix, a zero-padded sequence, and a Luhn check digit (16 digits). */
export const CARD_NUMBER_LENGTH = 16;

/** The Luhn check digit of a string of digits, as payment cards use, so a mistyped number is caught. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    // From the right, every other digit starting with the one next to the check digit is doubled.
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function cardNumberFor(prefix: string, sequence: number): string {
  const bodyLength = CARD_NUMBER_LENGTH - 1 - prefix.length;
  const serial = String(sequence);
  if (serial.length > bodyLength) throw new Error(`card sequence ${sequence} does not fit after prefix ${prefix}`);
  const body = prefix + serial.padStart(bodyLength, '0');
  return body + String(luhnCheckDigit(body));
}

export function isValidCardNumber(cardNumber: string): boolean {
  if (!/^\d+$/.test(cardNumber) || cardNumber.length !== CARD_NUMBER_LENGTH) return false;
  return luhnCheckDigit(cardNumber.slice(0, -1)) === Number(cardNumber.slice(-1));
}

/** A card number typed by staff or a shopper ("8800 0000 0000 0017"), checked. */
export function normalizeCardNumber(raw: string, field = 'cardNumber'): string {
  const cardNumber = raw.replace(/[\s-]/g, '');
  if (!isValidCardNumber(cardNumber)) {
    throw new InvalidInputError('member.card-number-invalid', `"${raw}" is not a valid card number.`, [
      { field, message: `must be ${CARD_NUMBER_LENGTH} digits with a valid check digit` },
    ]);
  }
  return cardNumber;
}
