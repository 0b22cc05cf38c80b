import { cardNumberFor, isValidCardNumber, luhnCheckDigit, normalizeCardNumber } from './card-number';

describe('card numbers', () => {
  it.each([
    ['7992739871', 3],
    ['453201511283036', 6],
    ['0', 0],
  ])('the Luhn check digit of %s is %i', (digits, expected) => {
    expect(luhnCheckDigit(digits)).toBe(expected);
  });

  it('builds 16-digit numbers from the prefix and sequence that pass their own check', () => {
    const first = cardNumberFor('8800', 1);
    expect(first).toMatch(/^88000000000000\d\d$/);
    expect(first).toHaveLength(16);
    expect(isValidCardNumber(first)).toBe(true);
    expect(cardNumberFor('8800', 2)).not.toBe(first);
  });

  it('catches a mistyped digit and a swapped pair', () => {
    const card = cardNumberFor('8800', 12345);
    const typo = card.slice(0, 5) + String((Number(card[5]) + 1) % 10) + card.slice(6);
    const swapped = card.slice(0, 10) + card[11] + card[10] + card.slice(12);
    expect(isValidCardNumber(typo)).toBe(false);
    if (card[10] !== card[11]) expect(isValidCardNumber(swapped)).toBe(false);
  });

  it('reads spaces and dashes and names the field when the number is wrong', () => {
    const card = cardNumberFor('8800', 7);
    expect(normalizeCardNumber(`${card.slice(0, 4)} ${card.slice(4, 8)}-${card.slice(8)}`)).toBe(card);
    expect(() => normalizeCardNumber('8800000000000000')).toThrow('is not a valid card number');
  });
});
