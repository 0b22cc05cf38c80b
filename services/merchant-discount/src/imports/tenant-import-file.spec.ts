import { parseCsv } from '@atrium/csv';
import { bodyOfRow, columnOfField, tenantRowsOfFile } from './tenant-import-file';

const rows = (text: string, maxRows = 10) => tenantRowsOfFile(parseCsv(text), maxRows);
const HEADER = 'tenantId,brand,legalName,unitNumber,floor,category';

describe('the tenant import file', () => {
  it('knows its columns in any spelling and needs the required ones', () => {
    expect(rows('Tenant ID,brand,legal_name,Unit-Number,floor,category\nT-1,A,A Ltd,L1-01,L1,dining\n')[0].values.legalName).toBe('A Ltd');
    expect(() => rows('tenantId,brand\nT-1,A\n')).toThrow('the column legalName is required');
    expect(() => rows(`${HEADER},colour\n`)).toThrow('unknown column "colour"');
    expect(() => rows(`${HEADER}\n`)).toThrow('no rows');
    expect(() => rows(`${HEADER}\na,b,c,d,e,f\na,b,c,d,e,f\n`, 1)).toThrow('at most 1');
  });

  it('keeps the line each row starts on (quoted line breaks count)', () => {
    const [first, second] = rows(`${HEADER}\nT-1,"A\nB",A Ltd,L1-01,L1,dining\nT-2,C,C Ltd,L1-02,L1,kids\n`);
    expect([first.line, second.line]).toEqual([2, 4]);
  });

  it('makes the body POST /tenants takes, with dates, hours and one contact', () => {
    const [row] = rows(
      'tenantId,brand,legalName,unitNumber,floor,category,status,openedOn,openingHours,contactName,contactPhone\nT-1,A,A Ltd,L1-01,L1,dining,Fitting Out,2026-03-01,daily 10:00-22:00,李娜,13800138000\n',
    );
    expect(bodyOfRow(row)).toEqual({
      ok: true,
      body: {
        tenantId: 'T-1',
        brand: 'A',
        legalName: 'A Ltd',
        unitNumber: 'L1-01',
        floor: 'L1',
        category: 'dining',
        status: 'fitting-out',
        statusDates: { openedOn: '2026-03-01' },
        openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '10:00', closes: '22:00' }],
        contacts: [{ name: '李娜', phone: '13800138000' }],
      },
    });
  });

  it('names the column of unreadable hours and of extra fields', () => {
    const [hours] = rows(`${HEADER},openingHours\nT-1,A,A Ltd,L1-01,L1,dining,sometimes\n`);
    expect(bodyOfRow(hours)).toEqual(expect.objectContaining({ ok: false, column: 'openingHours' }));
    const [extra] = rows(`${HEADER}\nT-1,A,A Ltd,L1-01,L1,dining,x\n`);
    expect(bodyOfRow(extra)).toEqual(expect.objectContaining({ ok: false, column: 'row' }));
  });

  it('maps the body\'s fields back to the file\'s columns', () => {
    expect(columnOfField('contacts.0.phone')).toBe('contactPhone');
    expect(columnOfField('contacts.0.email')).toBe('contactEmail');
    expect(columnOfField('statusDates.closedOn')).toBe('closedOn');
    expect(columnOfField('openingHours.0.days')).toBe('openingHours');
    expect(columnOfField('unitNumber')).toBe('unitNumber');
    expect(columnOfField('nothing')).toBe('row');
  });
});
