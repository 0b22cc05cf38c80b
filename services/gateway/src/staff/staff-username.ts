/**
 * Usernames are compared without regard to case ("Alice" and "alice" are one account), so
 * they are stored and signed into tokens in lower case.
 */
export const STAFF_USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export const STAFF_USERNAME_RULE = 'must be 2 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit';

export function normalizeUsername(raw: string): string {
  return raw.trim().toLowerCase();
}
