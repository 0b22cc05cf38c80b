import { request } from 'node:http';

export interface CallOptions {
  readonly token?: string;
  /** Sent as JSON unless it is a string (then sent as is, with the content type given in headers). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** The loopback address to call from (127.x.y.z), so per-address limits see a client of its own. */
  readonly from?: string;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly contentType: string;
  readonly text: string;
  /** The body parsed as JSON when the answer says it is JSON (problem+json included). */
  readonly json: unknown;
}

/** A real HTTP call to a server under test, with node's own client; the path is sent exactly as given. */
export function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const url = new URL(baseUrl);
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined && typeof options.body !== 'string') headers['content-type'] = 'application/json';
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path, method, headers, localAddress: options.from },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const contentType = incoming.headers['content-type'] ?? '';
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            contentType,
            text,
            json: /json/.test(contentType) && text !== '' ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A loopback address of its own (Linux routes all of 127.0.0.0/8 to the loopback interface). */
export function loopbackAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 254);
  return `127.${byte()}.${byte()}.${byte()}`;
}
