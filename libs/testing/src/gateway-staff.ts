import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { infraEnv } from './infra-env';

/** An answer of the gateway: its status, content type and JSON body. */
export interface GatewayAnswer<Body = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly body: Body;
}

/**
 * Staff of each role logged in at a test's gateway, and calls through it as one of them (or
 * without a token). A string body goes as text/csv (the imports), anything else as JSON.
 */
export class GatewayStaff<Role extends string> {
  private readonly tokens = new Map<Role | 'admin', string>();

  constructor(private readonly gatewayUrl: string) {}

  /** Logs the admin in, then creates a user of each role (named by `usernameOf`) and logs it in. */
  async logIn(admin: { username: string; password: string }, roles: readonly Role[], usernameOf: (role: Role) => string): Promise<void> {
    this.tokens.set('admin', await this.login(admin.username, admin.password));
    for (const role of roles) {
      const username = usernameOf(role);
      const password = `pw-${randomUUID()}`;
      const created = await this.call('POST', '/api/auth/staff', 'admin', { username, displayName: role, password, roles: [role] });
      if (created.status !== 201) throw new Error(`creating ${role} answered ${created.status}: ${JSON.stringify(created.body)}`);
      this.tokens.set(role, await this.login(username, password));
    }
  }

  async call<Body = Record<string, unknown>>(method: string, path: string, as: Role | 'admin' | undefined, body?: unknown): Promise<GatewayAnswer<Body>> {
    const token = as ? this.tokens.get(as) : undefined;
    const csv = typeof body === 'string';
    const response = await fetch(`${this.gatewayUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': csv ? 'text/csv' : 'application/json' }) },
      body: body === undefined ? undefined : csv ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : {}) as Body };
  }

  private async login(username: string, password: string): Promise<string> {
    const response = await fetch(`${this.gatewayUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (response.status !== 200) throw new Error(`login of ${username} answered ${response.status}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }
}

/** Drops a run's scratch databases (after its services stopped: never under a running service, docs/adr/0003). */
export async function dropTestDatabases(names: readonly string[]): Promise<void> {
  for (const dbName of names) {
    const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName }).asPromise();
    try {
      await connection.dropDatabase();
    } finally {
      await connection.close();
    }
  }
}
