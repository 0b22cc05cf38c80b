import type { IncomingHttpHeaders } from 'node:http';
import { InvalidInputError } from '@atrium/errors';

/** The upload is not a CSV body the service takes; the code is the caller's. */
export class CsvBodyError extends InvalidInputError {
  constructor(code: string, field: 'body' | 'content-type', message: string) {
    super(code, `The import was not taken: ${message}`, [{ field, message }]);
  }
}

/** An HTTP request as Node gives it: its headers and its body as a stream of chunks. */
export interface CsvUpload extends AsyncIterable<Buffer> {
  readonly headers: IncomingHttpHeaders;
}

/**
 * The body of a `content-type: text/csv` upload as UTF-8 text (no body parser takes text/csv,
 * so the stream is read here), never read past `maxBytes`. Anything else is a CsvBodyError.
 */
export async function readCsvBody(request: CsvUpload, maxBytes: number, errorCode: string): Promise<string> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'text/csv') throw new CsvBodyError(errorCode, 'content-type', 'must be text/csv (the file itself as the body, UTF-8)');
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw new CsvBodyError(errorCode, 'body', `must be at most ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxBytes) throw new CsvBodyError(errorCode, 'body', `must be at most ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.includes('\uFFFD')) throw new CsvBodyError(errorCode, 'body', 'must be UTF-8 text');
  return text;
}
