/** What kind of shop a tenant is: the booklet groups offers by it. */
export const TENANT_CATEGORIES = [
  'dining',
  'fashion',
  'kids',
  'beauty',
  'services',
  'entertainment',
  'electronics',
  'home',
  'sports',
  'grocery',
  'jewellery',
  'books',
  'health',
  'other',
] as const;
export type TenantCategory = (typeof TENANT_CATEGORIES)[number];

/** Where a tenant stands in its life in the centre; only open and closing tenants trade. */
export const TENANT_STATUSES = ['fitting-out', 'open', 'closing', 'closed'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A person at the tenant the centre calls: personal data, masked in logs and kept out of events. */
export interface TenantContact {
  readonly name: string;
  readonly role?: string;
  /** E.164. */
  readonly phone?: string;
  readonly email?: string;
}

/** The hours of some days: "HH:MM" local time; closes before opens means after midnight. */
export interface OpeningHours {
  readonly days: readonly Weekday[];
  readonly opens: string;
  readonly closes: string;
}

/** Calendar dates (YYYY-MM-DD, centre time) a tenant reached or will reach each status. */
export interface StatusDates {
  readonly fittingOutFrom?: string;
  readonly openedOn?: string;
  readonly closingFrom?: string;
  readonly closedOn?: string;
}

export interface Tenant {
  /** Chosen by staff, the id the tenant's point-of-sale system sends with sales. */
  readonly id: string;
  readonly brand: string;
  readonly legalName: string;
  /** Stored uppercase, e.g. "L1-05". */
  readonly unitNumber: string;
  readonly floor: string;
  readonly zone?: string;
  readonly category: TenantCategory;
  readonly contacts: readonly TenantContact[];
  readonly openingHours: readonly OpeningHours[];
  readonly status: TenantStatus;
  readonly statusDates: StatusDates;
  /** 1 when registered, one more with every change (events carry it). */
  readonly revision: number;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}
