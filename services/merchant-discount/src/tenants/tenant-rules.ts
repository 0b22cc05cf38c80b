import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { OpeningHours, StatusDates, Tenant, TenantContact } from './tenant.entity';
import { TenantInvalidError } from './tenant.errors';

/** The order a tenant passes through its statuses; each date given is no earlier than the ones before. */
const DATE_ORDER = ['fittingOutFrom', 'openedOn', 'closingFrom', 'closedOn'] as const;

/** Unit numbers as signage writes them, whatever case staff type: "l1-05" is "L1-05". */
export function normalizeUnitNumber(unitNumber: string): string {
  return unitNumber.trim().toUpperCase();
}

/** Refuses dates that are no calendar day (2026-02-30) or that run backwards through the statuses. */
export function checkStatusDates(dates: StatusDates): void {
  let previous: { field: string; date: string } | undefined;
  for (const field of DATE_ORDER) {
    const date = dates[field];
    if (date === undefined) continue;
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      throw new TenantInvalidError('tenant-date-invalid', `statusDates.${field}`, 'must be a calendar date YYYY-MM-DD');
    }
    if (previous && date < previous.date) {
      throw new TenantInvalidError('tenant-status-dates-out-of-order', `statusDates.${field}`, `must not be before statusDates.${previous.field} (${previous.date})`);
    }
    previous = { field, date };
  }
}

/** Each day has one line of hours, and a line opens and closes at different times. */
export function checkOpeningHours(hours: readonly OpeningHours[]): void {
  const lineOf = new Map<string, number>();
  hours.forEach((line, index) => {
    if (line.opens === line.closes) throw new TenantInvalidError('tenant-hours-invalid', `openingHours.${index}.closes`, 'must differ from opens');
    for (const day of line.days) {
      const earlier = lineOf.get(day);
      if (earlier !== undefined) throw new TenantInvalidError('tenant-hours-invalid', `openingHours.${index}.days`, `${day} is in openingHours.${earlier} already`);
      lineOf.set(day, index);
    }
  });
}

/** Contacts as stored: phones in E.164 (without a country code they take `region`), e-mails lowercase. */
export function normalizeContacts(contacts: readonly TenantContact[], region: string): TenantContact[] {
  return contacts.map((contact, index) => {
    let phone: string | undefined;
    if (contact.phone !== undefined && contact.phone.trim() !== '') {
      const parsed = parsePhoneNumberFromString(contact.phone.trim(), region as CountryCode);
      if (!parsed || !parsed.isValid()) {
        throw new TenantInvalidError('tenant-phone-invalid', `contacts.${index}.phone`, `must be a valid phone number (numbers without a country code are read as ${region})`);
      }
      phone = parsed.number;
    }
    return {
      name: contact.name.trim(),
      ...(contact.role?.trim() ? { role: contact.role.trim() } : {}),
      ...(phone ? { phone } : {}),
      ...(contact.email?.trim() ? { email: contact.email.trim().toLowerCase() } : {}),
    };
  });
}

/** The fields other services see that differ between two states of a tenant, by their API names. */
export function changedFields(before: Tenant, after: Tenant): string[] {
  const fields = ['brand', 'legalName', 'unitNumber', 'floor', 'zone', 'category', 'contacts', 'openingHours', 'status', 'statusDates'] as const;
  return fields.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}
