import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Length of every code: what shoppers expect from an SMS code, and what the SMS template says. */
export const CODE_DIGITS = 6;

/** A fresh code of six digits, leading zeros kept, from the operating system's CSPRNG. */
export function newVerificationCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/**
 * What is stored instead of the code: a SHA-256 over the code's id and the code, so equal codes
 * of two requests differ in the database and the code never sits there in the clear.
 */
export function hashVerificationCode(codeId: string, code: string): string {
  return createHash('sha256').update(`${codeId}:${code}`).digest('hex');
}

/** Whether `candidate` is the code behind `storedHash`, compared in constant time. */
export function verificationCodeMatches(codeId: string, candidate: string, storedHash: string): boolean {
  if (!/^\d+$/.test(candidate) || candidate.length !== CODE_DIGITS) return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashVerificationCode(codeId, candidate), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
