/**
 * Masks phone numbers, e-mail addresses and names before anything is logged: logs travel to places member data
 * must not (log stores, support tickets). Pure, so it is unit-tested without a logger.
 */

// A phone number in any common written form: +86 138 0013 8000, 13800138000, (020) 1234-5678.
const PHONE_PATTERN = /(?<![\w-])\+?\d[\d\s().-]{6,}\d(?![\w-])/g;
// An e-mail address wherever it appears in a text (a contact's, in a message or an error).
const EMAIL_PATTERN = /[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g;
const PERSONAL_NAME_KEYS = /^(name|fullName|firstName|lastName|givenName|familyName|contactName|memberName|displayName)$/i;
const PHONE_KEYS = /(phone|mobile|msisdn|^to$|^from$)/i;
const SECRET_KEYS = /(password|secret|token|authorization|cookie)/i;
const MAX_DEPTH = 6;

/** "+8613800138000" -> "+86*******8000": keeps the last four digits so staff can tell numbers apart. */
export function maskPhone(text: string): string {
  return text.replace(PHONE_PATTERN, (match) => {
    const digits = match.replace(/\D/g, '');
    if (digits.length < 8) return match;
    const prefix = match.trimStart().startsWith('+') ? `+${digits.slice(0, 2)}` : '';
    const hidden = digits.length - 4 - (prefix ? 2 : 0);
    return `${prefix}${'*'.repeat(Math.max(hidden, 0))}${digits.slice(-4)}`;
  });
}

/** "li.na@example.com" -> "l****@example.com": the domain stays, it tells which company. */
export function maskEmail(text: string): string {
  return text.replace(EMAIL_PATTERN, (match, domain: string) => `${match[0]}****@${domain}`);
}

/** Phones and e-mail addresses in free text. */
export function maskContacts(text: string): string {
  return maskPhone(maskEmail(text));
}

/** "王小明" -> "王**", "Alice Chan" -> "A*********". */
export function maskName(name: string): string {
  const characters = Array.from(name);
  if (characters.length === 0) return name;
  return characters[0] + '*'.repeat(characters.length - 1);
}

export function maskPersonalData(value: unknown, key = '', depth = 0): unknown {
  if (typeof value === 'string') {
    if (SECRET_KEYS.test(key)) return '[redacted]';
    if (PERSONAL_NAME_KEYS.test(key)) return maskName(value);
    return maskContacts(value);
  }
  if (typeof value === 'number' && PHONE_KEYS.test(key)) return maskPhone(String(value));
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (value instanceof Error) {
    return { type: value.name, message: maskContacts(value.message), stack: value.stack && maskContacts(value.stack) };
  }
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, key, depth + 1));
  const masked: Record<string, unknown> = {};
  for (const [childKey, child] of Object.entries(value)) {
    masked[childKey] = maskPersonalData(child, childKey, depth + 1);
  }
  return masked;
}
