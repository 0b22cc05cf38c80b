import { InvalidInputError } from '@atrium/errors';
import { generateProgrammeCode, normalizeProgrammeCode, PROGRAMME_CODE_PATTERN } from './programme-code';

describe('normalizeProgrammeCode', () => {
  it.each([
    ['ACME2026', 'ACME2026'],
    ['acme2026', 'ACME2026'],
    ['  Tower9 ', 'TOWER9'],
  ])('stores %j as %s', (raw, expected) => {
    expect(normalizeProgrammeCode(raw)).toBe(expected);
  });

  it.each(['ABC', 'ACME-2026', 'ACME 2026', '艾克美2026', 'A'.repeat(21), ''])('refuses %j naming the field', (raw) => {
    expect(() => normalizeProgrammeCode(raw)).toThrow(InvalidInputError);
    try {
      normalizeProgrammeCode(raw, 'code');
    } catch (error) {
      expect((error as InvalidInputError).fields.map((problem) => problem.field)).toEqual(['code']);
    }
  });
});

describe('generateProgrammeCode', () => {
  const first = () => 0;

  it('starts with the first letters and digits of the company name', () => {
    expect(generateProgrammeCode('Acme Trading Ltd', first)).toBe('ACMEAAAA');
    expect(generateProgrammeCode('3M China', first)).toBe('3MCHAAAA');
    expect(generateProgrammeCode('K & L Gates', first)).toBe('KLGAAAAA');
  });

  it('is all random for a name without Latin letters or digits', () => {
    expect(generateProgrammeCode('艾克美貿易', first)).toBe('AAAAAAAA');
  });

  it('always makes a valid code of eight characters, without 0, O, 1 or I among the random ones', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateProgrammeCode('艾克美');
      expect(code).toMatch(PROGRAMME_CODE_PATTERN);
      expect(code).toHaveLength(8);
      expect(code).not.toMatch(/[01OI]/);
    }
  });
});
