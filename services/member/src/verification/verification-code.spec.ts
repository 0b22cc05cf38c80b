import { CODE_DIGITS, hashVerificationCode, newVerificationCode, verificationCodeMatches } from './verification-code';

describe('verification codes', () => {
  it('are six digits, leading zeros included, and vary', () => {
    const codes = Array.from({ length: 200 }, () => newVerificationCode());
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(CODE_DIGITS).toBe(6);
    expect(new Set(codes).size).toBeGreaterThan(150);
  });

  it('match only the code they were hashed from, under the same code id', () => {
    const hash = hashVerificationCode('id-1', '012345');
    expect(verificationCodeMatches('id-1', '012345', hash)).toBe(true);
    expect(verificationCodeMatches('id-1', '012346', hash)).toBe(false);
    expect(verificationCodeMatches('id-2', '012345', hash)).toBe(false);
  });

  it('never match input that is not six digits, even a prefix of the code', () => {
    const hash = hashVerificationCode('id-1', '123456');
    for (const candidate of ['12345', '1234567', '12345a', ' 123456', '', '１２３４５６']) {
      expect(verificationCodeMatches('id-1', candidate, hash)).toBe(false);
    }
  });

  it('store no code in the clear', () => {
    expect(hashVerificationCode('id-1', '123456')).not.toContain('123456');
    expect(hashVerificationCode('id-1', '123456')).toMatch(/^[0-9a-f]{64}$/);
  });
});
