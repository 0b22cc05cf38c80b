import type { Tenant } from './tenant.entity';
import { changedFields, checkOpeningHours, checkStatusDates, normalizeContacts, normalizeUnitNumber } from './tenant-rules';

describe('tenant rules', () => {
  it('writes unit numbers as signage does', () => {
    expect(normalizeUnitNumber(' l1-05 ')).toBe('L1-05');
  });

  it('takes status dates in the order of the statuses, gaps allowed', () => {
    expect(() => checkStatusDates({ fittingOutFrom: '2026-01-01', openedOn: '2026-03-01', closedOn: '2027-01-31' })).not.toThrow();
    expect(() => checkStatusDates({ openedOn: '2026-03-01', closingFrom: '2026-03-01' })).not.toThrow();
  });

  it('names the date that runs backwards and the one it follows', () => {
    expect(() => checkStatusDates({ fittingOutFrom: '2026-05-01', openedOn: '2026-03-01' })).toThrow(
      expect.objectContaining({ code: 'merchant.tenant-status-dates-out-of-order', fields: [{ field: 'statusDates.openedOn', message: 'must not be before statusDates.fittingOutFrom (2026-05-01)' }] }) as Error,
    );
    expect(() => checkStatusDates({ openedOn: '2026-03-01', closedOn: '2026-02-01' })).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'statusDates.closedOn' })] }) as Error);
  });

  it('refuses a date that is no calendar day', () => {
    expect(() => checkStatusDates({ openedOn: '2026-02-30' })).toThrow(expect.objectContaining({ code: 'merchant.tenant-date-invalid' }) as Error);
  });

  it('refuses a day given twice and hours that open and close at once', () => {
    expect(() => checkOpeningHours([{ days: ['mon', 'tue'], opens: '10:00', closes: '22:00' }, { days: ['sat', 'sun'], opens: '09:00', closes: '01:00' }])).not.toThrow();
    expect(() => checkOpeningHours([{ days: ['mon'], opens: '10:00', closes: '22:00' }, { days: ['sun', 'mon'], opens: '10:00', closes: '22:00' }])).toThrow(
      expect.objectContaining({ fields: [{ field: 'openingHours.1.days', message: 'mon is in openingHours.0 already' }] }) as Error,
    );
    expect(() => checkOpeningHours([{ days: ['mon'], opens: '10:00', closes: '10:00' }])).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'openingHours.0.closes' })] }) as Error);
  });

  it('stores contacts with E.164 phones and lowercase e-mails, naming the bad phone by its place', () => {
    expect(normalizeContacts([{ name: ' 李娜 ', role: 'manager', phone: '138 0013 8000', email: 'Li.Na@Example.com' }], 'CN')).toEqual([
      { name: '李娜', role: 'manager', phone: '+8613800138000', email: 'li.na@example.com' },
    ]);
    expect(() => normalizeContacts([{ name: 'A' }, { name: 'B', phone: '12' }], 'CN')).toThrow(
      expect.objectContaining({ code: 'merchant.tenant-phone-invalid', fields: [expect.objectContaining({ field: 'contacts.1.phone' })] }) as Error,
    );
  });

  it('lists the fields that changed', () => {
    const tenant: Tenant = {
      id: 'T-1',
      brand: 'A',
      legalName: 'A Ltd',
      unitNumber: 'L1-01',
      floor: 'L1',
      category: 'dining',
      contacts: [],
      openingHours: [],
      status: 'open',
      statusDates: {},
      revision: 1,
      createdAt: new Date(0),
      createdBy: 's',
      updatedAt: new Date(0),
      updatedBy: 's',
    };
    expect(changedFields(tenant, { ...tenant, brand: 'B', zone: 'North', revision: 2 })).toEqual(['brand', 'zone']);
    expect(changedFields(tenant, { ...tenant })).toEqual([]);
  });
});
