import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the stand-in service received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export type StubAnswer = (request: ReceivedRequest, response: ServerResponse) => void;

/**
 * A real HTTP server on a random loopback port standing in for a service behind the gateway:
 * it records what arrives and answers as the test says.
 */
export class StubUpstream {
  readonly received: ReceivedRequest[] = [];
  /** TCP connections the gateway opened to this service since it started. */
  connectionsAccepted = 0;
  private answer: StubAnswer = defaultAnswer;
  private readonly server: Server;

  private constructor() {
    this.server = createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const received = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.received.push(received);
        this.answer(received, response);
      });
    });
    this.server.on('connection', () => this.connectionsAccepted++);
  }

  static async start(): Promise<StubUpstream> {
    const stub = new StubUpstream();
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    return stub;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** TCP connections open to this service now, busy or idle. */
  openConnections(): Promise<number> {
    return new Promise((resolve, reject) => this.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
  }

  answerWith(answer: StubAnswer): void {
    this.answer = answer;
  }

  reset(): void {
    this.received.length = 0;
    this.answer = defaultAnswer;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function defaultAnswer(request: ReceivedRequest, response: ServerResponse): void {
  response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ id: 'e5b1c1de-0000-4000-8000-000000000001', seen: request.url }));
}

/** A port on which nothing listens: taken from the OS, then let go. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
