import { InvalidInputError } from '@atrium/errors';
import { isValidCardNumber } from '../cards/card-number';
import { normalizePhone } from '../members/phone-number';
import type { TierDefinition } from '../tiers/tier.entity';
import type { CsvRecord } from '@atrium/csv';

/** The columns an import file may have, by their API names; phone and name are required. */
export const IMPORT_COLUMNS = ['phone', 'name', 'cardNumber', 'tier', 'consent', 'openingPoints'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The most opening points one member may bring. */
export const MAX_OPENING_POINTS = 10_000_000;

/** Header spellings each column is known by (compared without case, spaces, "_" or "-"). */
const HEADER_NAMES: Readonly<Record<string, ImportColumn>> = {
  phone: 'phone',
  mobile: 'phone',
  name: 'name',
  cardnumber: 'cardNumber',
  card: 'cardNumber',
  tier: 'tier',
  consent: 'consent',
  openingpoints: 'openingPoints',
  points: 'openingPoints',
};

/** A row as the file has it: the text of each column (absent columns are blank). */
export type ImportRowValues = Partial<Record<ImportColumn, string>>;

/** One row of the file, with its number (the file's record number: the header is row 1). */
export interface ImportFileRow {
  readonly row: number;
  readonly values: ImportRowValues;
  /** Fields beyond the header's columns, if the row had any (an error). */
  readonly extraFields: number;
}

export class ImportFileError extends InvalidInputError {
  constructor(field: string, message: string) {
    super('member.import-file-invalid', `The import file cannot be read: ${message}`, [{ field, message }]);
  }
}

/**
 * The file's rows by column, checked as a whole (what is checked before anything is stored):
 * a header naming known columns, phone and name among them, at least one row and no more than
 * `maxRows`. Each row is checked on its own when the import runs.
 */
export function rowsOfFile(records: readonly CsvRecord[], maxRows: number): { columns: ImportColumn[]; rows: ImportFileRow[] } {
  const [header, ...data] = records;
  if (!header) throw new ImportFileError('body', 'the file is empty');
  const columns: ImportColumn[] = header.fields.map((name) => {
    const column = HEADER_NAMES[name.toLowerCase().replace(/[\s_-]/g, '')];
    if (!column) throw new ImportFileError('header', `unknown column "${name.trim()}" (columns: ${IMPORT_COLUMNS.join(', ')})`);
    return column;
  });
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) throw new ImportFileError('header', `the column ${repeated} appears twice`);
  for (const required of ['phone', 'name'] as const) {
    if (!columns.includes(required)) throw new ImportFileError('header', `the column ${required} is required`);
  }
  if (data.length === 0) throw new ImportFileError('body', 'the file has a header and no rows');
  if (data.length > maxRows) throw new ImportFileError('body', `the file has ${data.length} rows; one import takes at most ${maxRows}`);
  const rows = data.map((record, index) => ({
    row: index + 2,
    values: Object.fromEntries(columns.map((column, at) => [column, record.fields[at] ?? ''])),
    extraFields: Math.max(0, record.fields.length - columns.length),
  }));
  return { columns, rows };
}

/** A row that passed every check, in stored form. */
export interface ImportedMember {
  readonly phone: string;
  readonly name: string;
  readonly cardNumber?: string;
  /** The tier to start in; undefined: the lowest. */
  readonly tier?: TierDefinition;
  readonly consent?: 'granted' | 'withdrawn';
  readonly openingPoints: number;
}

/** What is wrong with one column of a row. */
export interface RowProblem {
  readonly column: ImportColumn | 'row';
  readonly message: string;
}

export type RowCheck = { readonly ok: true; readonly member: ImportedMember } | { readonly ok: false; readonly problems: RowProblem[] };

/** Checks one row, naming every column at fault (not only the first). */
export function checkImportRow(row: ImportFileRow, tiers: readonly TierDefinition[], defaultRegion: string): RowCheck {
  const problems: RowProblem[] = [];
  const text = (column: ImportColumn) => (row.values[column] ?? '').trim();
  if (row.extraFields > 0) problems.push({ column: 'row', message: `has ${row.extraFields} more field(s) than the header has columns` });

  let phone = '';
  if (!text('phone')) problems.push({ column: 'phone', message: 'is required' });
  else {
    try {
      phone = normalizePhone(text('phone'), defaultRegion);
    } catch {
      problems.push({ column: 'phone', message: `is not a valid phone number (numbers without a country code are read as ${defaultRegion})` });
    }
  }

  const name = text('name');
  if (!name) problems.push({ column: 'name', message: 'is required' });
  else if (name.length > 100) problems.push({ column: 'name', message: 'must be at most 100 characters' });

  const cardNumber = text('cardNumber').replace(/[\s-]/g, '');
  if (cardNumber && !isValidCardNumber(cardNumber)) problems.push({ column: 'cardNumber', message: 'must be 16 digits with a valid check digit' });

  let tier: TierDefinition | undefined;
  if (text('tier')) {
    const wanted = text('tier').toLowerCase();
    tier = tiers.find((candidate) => [candidate.code, candidate.zh.toLowerCase(), candidate.en.toLowerCase()].includes(wanted));
    if (!tier) problems.push({ column: 'tier', message: `must be one of ${tiers.map((candidate) => candidate.code).join(', ')} (or their labels)` });
  }

  const consentText = text('consent').toLowerCase();
  if (consentText && consentText !== 'granted' && consentText !== 'withdrawn') problems.push({ column: 'consent', message: 'must be granted, withdrawn or blank' });

  let openingPoints = 0;
  if (text('openingPoints')) {
    openingPoints = /^\d{1,9}$/.test(text('openingPoints')) ? Number(text('openingPoints')) : Number.NaN;
    if (!(openingPoints <= MAX_OPENING_POINTS)) problems.push({ column: 'openingPoints', message: `must be a whole number of points from 0 to ${MAX_OPENING_POINTS}` });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    member: {
      phone,
      name,
      ...(cardNumber ? { cardNumber } : {}),
      ...(tier && tier.code !== tiers[0].code ? { tier } : {}),
      ...(consentText === 'granted' || consentText === 'withdrawn' ? { consent: consentText } : {}),
      openingPoints,
    },
  };
}

/**
 * Rows whose phone an earlier row of the same file has already (same number in another
 * format too): the first row counts, the later ones are errors naming it.
 */
export function repeatedPhones(rows: readonly ImportFileRow[], defaultRegion: string): Map<number, number> {
  const firstRowOf = new Map<string, number>();
  const repeated = new Map<number, number>();
  for (const row of rows) {
    let phone: string;
    try {
      phone = normalizePhone(row.values.phone ?? '', defaultRegion);
    } catch {
      continue;
    }
    const first = firstRowOf.get(phone);
    if (first === undefined) firstRowOf.set(phone, row.row);
    else repeated.set(row.row, first);
  }
  return repeated;
}
