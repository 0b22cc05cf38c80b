import { newRedemptionCode, normaliseRedemptionCode } from './redemption-code';

describe('redemption codes', () => {
  it('are two groups of four unambiguous characters', () => {
    for (let index = 0; index < 200; index++) expect(newRedemptionCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('use every character of the alphabet', () => {
    let next = 0;
    expect(newRedemptionCode(() => next++)).toBe('0123-4567');
    next = 24;
    expect(newRedemptionCode(() => next++)).toBe('RSTV-WXYZ');
  });

  it.each([
    ['k7m2-qx4p', 'K7M2-QX4P'],
    ['K7M2QX4P', 'K7M2-QX4P'],
    [' k7m2 qx4p ', 'K7M2-QX4P'],
    ['O0IL-2345', '0011-2345'],
  ])('reads %s as %s', (typed, code) => {
    expect(normaliseRedemptionCode(typed)).toBe(code);
  });
});
