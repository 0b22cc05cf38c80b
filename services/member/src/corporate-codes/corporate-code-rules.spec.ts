import { CORPORATE_CODE_PATTERN, normalizeCorporateCode, standingOf } from './corporate-code-rules';
import type { CorporateProgramme } from './corporate-programme.entity';

const programme: CorporateProgramme = {
  programmeId: '0b6a8e0e-6c1f-4c8a-9f41-3f1d2c5e7a10',
  code: 'ACME2026',
  companyId: '5f0e3a4b-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  companyName: 'Acme Trading',
  validFrom: new Date('2026-01-01T00:00:00+08:00'),
  validUntil: new Date('2027-01-01T00:00:00+08:00'),
  status: 'active',
  revision: 1,
  changedAt: new Date('2025-12-01T00:00:00Z'),
};

describe('normalizeCorporateCode', () => {
  it.each([
    ['ACME2026', 'ACME2026'],
    ['acme2026', 'ACME2026'],
    [' AcMe2026  ', 'ACME2026'],
  ])('reads %j as %s', (raw, expected) => {
    expect(normalizeCorporateCode(raw)).toBe(expected);
    expect(normalizeCorporateCode(raw)).toMatch(CORPORATE_CODE_PATTERN);
  });
});

describe('standingOf', () => {
  const at = (instant: string) => new Date(instant);

  it('lets an active code inside its window sign up, from its first instant', () => {
    expect(standingOf(programme, at('2026-06-01T12:00:00+08:00'))).toBe('usable');
    expect(standingOf(programme, programme.validFrom)).toBe('usable');
    expect(standingOf({ ...programme, validUntil: undefined }, at('2040-01-01T00:00:00Z'))).toBe('usable');
  });

  it('refuses a code nobody knows', () => {
    expect(standingOf(undefined, at('2026-06-01T00:00:00Z'))).toBe('unknown');
  });

  it('refuses a code before its window and from the instant it ends', () => {
    expect(standingOf(programme, at('2025-12-31T23:59:59+08:00'))).toBe('not-yet-valid');
    expect(standingOf(programme, programme.validUntil!)).toBe('expired');
    expect(standingOf(programme, at('2027-03-01T00:00:00+08:00'))).toBe('expired');
  });

  it('says suspended before anything else', () => {
    expect(standingOf({ ...programme, status: 'suspended' }, at('2026-06-01T00:00:00Z'))).toBe('suspended');
    expect(standingOf({ ...programme, status: 'suspended' }, at('2028-01-01T00:00:00Z'))).toBe('suspended');
  });
});
