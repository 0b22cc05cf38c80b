import { maskName, maskPhone } from '@atrium/observability';
import type { Birthday } from '../members/member.entity';
import type { AuditChange, AuditValue } from './audit-entry.entity';

/** Fields whose values the audit never shows in full: who the person is and when they were born. */
const PERSONAL_FIELDS: Readonly<Record<string, (value: unknown) => string>> = {
  phone: (value) => maskPhone(String(value)),
  name: (value) => maskName(String(value)),
  // Only that a birthday is there, and whether it has a year.
  birthday: (value) => ((value as Birthday).year === undefined ? '**-**' : '****-**-**'),
};

export function isPersonalField(field: string): boolean {
  return field in PERSONAL_FIELDS;
}

/** A field's value as the audit stores it: masked when personal, plain otherwise. */
export function auditValue(field: string, value: unknown): AuditValue {
  if (value === undefined || value === null) return null;
  const mask = PERSONAL_FIELDS[field];
  if (mask) return mask(value);
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** One audited change of a field, masked. */
export function auditChange(field: string, from: unknown, to: unknown): AuditChange {
  return { field, from: auditValue(field, from), to: auditValue(field, to) };
}
