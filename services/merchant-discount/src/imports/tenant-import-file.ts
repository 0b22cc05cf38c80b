import { InvalidInputError } from '@atrium/errors';
import type { CsvRecord } from '@atrium/csv';
import { parseOpeningHoursText } from './opening-hours-text';

/** The columns a tenant import file may have, by their API names. */
export const TENANT_IMPORT_COLUMNS = [
  'tenantId',
  'brand',
  'legalName',
  'unitNumber',
  'floor',
  'zone',
  'category',
  'status',
  'fittingOutFrom',
  'openedOn',
  'closingFrom',
  'closedOn',
  'openingHours',
  'contactName',
  'contactRole',
  'contactPhone',
  'contactEmail',
] as const;
export type TenantImportColumn = (typeof TENANT_IMPORT_COLUMNS)[number];

const REQUIRED: readonly TenantImportColumn[] = ['tenantId', 'brand', 'legalName', 'unitNumber', 'floor', 'category'];
const DATE_COLUMNS = ['fittingOutFrom', 'openedOn', 'closingFrom', 'closedOn'] as const;
const CONTACT_COLUMNS = { contactName: 'name', contactRole: 'role', contactPhone: 'phone', contactEmail: 'email' } as const;

/** Header spellings compared without case, spaces, "_" or "-": "Tenant ID", "unit_number". */
const HEADER_NAMES: ReadonlyMap<string, TenantImportColumn> = new Map(TENANT_IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]));

export class TenantImportFileError extends InvalidInputError {
  constructor(field: string, message: string) {
    super('merchant.import-file-invalid', `The import file cannot be read: ${message}`, [{ field, message }]);
  }
}

/** One data row: the line of the file it starts on and the text of each column. */
export interface TenantImportRow {
  readonly line: number;
  readonly values: Partial<Record<TenantImportColumn, string>>;
  readonly extraFields: number;
}

/** The file's rows, checked as a whole: known columns, the required ones, 1 to `maxRows` rows. */
export function tenantRowsOfFile(records: readonly CsvRecord[], maxRows: number): TenantImportRow[] {
  const [header, ...data] = records;
  if (!header) throw new TenantImportFileError('body', 'the file is empty');
  const columns = header.fields.map((name) => {
    const column = HEADER_NAMES.get(name.toLowerCase().replace(/[\s_-]/g, ''));
    if (!column) throw new TenantImportFileError('header', `unknown column "${name.trim()}" (columns: ${TENANT_IMPORT_COLUMNS.join(', ')})`);
    return column;
  });
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) throw new TenantImportFileError('header', `the column ${repeated} appears twice`);
  const missing = REQUIRED.find((column) => !columns.includes(column));
  if (missing) throw new TenantImportFileError('header', `the column ${missing} is required`);
  if (data.length === 0) throw new TenantImportFileError('body', 'the file has a header and no rows');
  if (data.length > maxRows) throw new TenantImportFileError('body', `the file has ${data.length} rows; one import takes at most ${maxRows}`);
  return data.map((record) => ({
    line: record.line,
    values: Object.fromEntries(columns.map((column, at) => [column, (record.fields[at] ?? '').trim()])),
    extraFields: Math.max(0, record.fields.length - columns.length),
  }));
}

/** A row as the body POST /tenants would take (validated as that body is), or the columns it cannot even read. */
export type RowReading = { readonly ok: true; readonly body: Record<string, unknown> } | { readonly ok: false; readonly column: TenantImportColumn | 'row'; readonly message: string };

export function bodyOfRow(row: TenantImportRow): RowReading {
  if (row.extraFields > 0) return { ok: false, column: 'row', message: `has ${row.extraFields} more field(s) than the header has columns` };
  const value = (column: TenantImportColumn) => row.values[column] ?? '';
  const body: Record<string, unknown> = {};
  for (const column of ['tenantId', 'brand', 'legalName', 'unitNumber', 'floor', 'category'] as const) body[column] = value(column);
  if (value('zone')) body.zone = value('zone');
  if (value('status')) body.status = value('status').toLowerCase().replace(/[\s_]/g, '-');
  const dates = Object.fromEntries(DATE_COLUMNS.filter((column) => value(column)).map((column) => [column, value(column)]));
  if (Object.keys(dates).length > 0) body.statusDates = dates;
  if (value('openingHours')) {
    const hours = parseOpeningHoursText(value('openingHours'));
    if (!hours) return { ok: false, column: 'openingHours', message: 'must be lines like "mon-fri 10:00-22:00; sat,sun 09:30-23:00" or "daily 10:00-22:00"' };
    body.openingHours = hours;
  }
  const contact = Object.fromEntries(
    Object.entries(CONTACT_COLUMNS)
      .filter(([column]) => value(column as TenantImportColumn))
      .map(([column, field]) => [field, value(column as TenantImportColumn)]),
  );
  if (Object.keys(contact).length > 0) body.contacts = [contact];
  return { ok: true, body };
}

/** The column of the file a field of the body came from ("contacts.0.phone" is contactPhone). */
export function columnOfField(field: string): TenantImportColumn | 'row' {
  const [head, , nested] = field.split('.');
  if (head === 'contacts' && nested) {
    const column = Object.entries(CONTACT_COLUMNS).find(([, name]) => name === nested)?.[0];
    return (column as TenantImportColumn | undefined) ?? 'row';
  }
  if (head === 'statusDates') {
    const date = field.split('.')[1];
    return (DATE_COLUMNS as readonly string[]).includes(date) ? (date as TenantImportColumn) : 'row';
  }
  return (TENANT_IMPORT_COLUMNS as readonly string[]).includes(head) ? (head as TenantImportColumn) : 'row';
}
