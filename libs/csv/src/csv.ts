import { InvalidInputError } from '@atrium/errors';

/** A CSV record and the line of the file it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** The file is no CSV; the code is the caller's (each service names its own errors). */
export class CsvSyntaxError extends InvalidInputError {
  constructor(code: string, line: number, message: string) {
    super(code, `The file is not valid CSV: ${message} (line ${line}).`, [{ field: 'body', message: `${message} at line ${line}` }]);
  }
}

/**
 * Parses CSV as RFC 4180 writes it (and spreadsheets export it): comma-separated fields,
 * fields in double quotes may hold commas, line breaks and doubled quotes; CRLF or LF line
 * ends; a UTF-8 byte-order mark is skipped. Blank lines are left out. A file that breaks these
 * rules is a CsvSyntaxError with `errorCode`.
 */
export function parseCsv(text: string, errorCode = 'csv.invalid'): CsvRecord[] {
  const records: CsvRecord[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedAt = 0;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '' && !fieldStarted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = source[i + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') throw new CsvSyntaxError(errorCode, line, 'text after a closing quote');
        }
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    switch (char) {
      case '"':
        if (field !== '') throw new CsvSyntaxError(errorCode, line, 'a quote inside an unquoted field');
        quoted = true;
        fieldStarted = true;
        quoteOpenedAt = line;
        break;
      case ',':
        fields.push(field);
        field = '';
        fieldStarted = true;
        break;
      case '\r':
        if (source[i + 1] !== '\n') field += char;
        break;
      case '\n':
        endRecord();
        line++;
        recordLine = line;
        break;
      default:
        field += char;
    }
  }
  if (quoted) throw new CsvSyntaxError(errorCode, quoteOpenedAt, 'a quoted field that never ends');
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return records;
}
