import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, startConsumerGroupsAtEnd, startServiceProcess, type ServiceProcess } from '@atrium/testing';

export type Role = 'admin' | 'desk' | 'specialist' | 'supervisor';

export interface Answer<Body = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly body: Body;
}

export interface StackPorts {
  readonly gateway: number;
  readonly merchant: number;
  readonly points: number;
}

/**
 * The built gateway, merchant-discount and points services as processes of their own, each
 * with a database and consumer groups of this run's own (the points service's start at the end
 * of the shared topics), and staff of each role logged in at the gateway.
 */
export class MerchantStack {
  readonly run = randomUUID().slice(0, 8);
  private readonly processes: ServiceProcess[] = [];
  private readonly tokens: Partial<Record<Role, string>> = {};
  private readonly admin = { username: `merchant-admin-${this.run}`, password: `pw-${randomUUID()}` };
  /** The points service's consumer group (dead letters name the group that wrote them). */
  readonly pointsGroup = `points-merchant-test-${this.run}`;
  private readonly databases = {
    merchant: `atrium_test_merchant_${this.run}`,
    points: `atrium_test_points_merchant_${this.run}`,
    gateway: `atrium_test_gateway_merchant_${this.run}`,
  };

  constructor(readonly ports: StackPorts) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}`;
  }

  get pointsUrl(): string {
    return `http://127.0.0.1:${this.ports.points}`;
  }

  /** Everything a process wrote (for log assertions). */
  output(name: 'merchant-discount' | 'points' | 'gateway'): string {
    return this.processes.find((process) => process.name === name)?.output() ?? '';
  }

  async start(): Promise<this> {
    const env = infraEnv();
    const shared = { KAFKA_BROKERS: env.kafkaBrokers.join(','), MONGO_URL: env.mongoUrl, REDIS_URL: env.redisUrl };
    // Only what this run produces: not every tenant, member or sale earlier runs left on the topics.
    await startConsumerGroupsAtEnd(this.pointsGroup, [TOPICS.merchantEvents.name, TOPICS.memberEvents.name, TOPICS.purchases.name]);
    const started = await Promise.allSettled([
      startServiceProcess('merchant-discount', this.ports.merchant, {
        ...shared,
        HTTP_PORT: String(this.ports.merchant),
        MONGO_DATABASE: this.databases.merchant,
        KAFKA_CONSUMER_GROUP: `merchant-test-${this.run}`,
        LOG_LEVEL: 'debug',
      }),
      startServiceProcess('points', this.ports.points, {
        ...shared,
        HTTP_PORT: String(this.ports.points),
        MONGO_DATABASE: this.databases.points,
        KAFKA_CONSUMER_GROUP: this.pointsGroup,
      }),
      startServiceProcess('gateway', this.ports.gateway, {
        ...shared,
        GATEWAY_PORT: String(this.ports.gateway),
        MONGO_DATABASE: this.databases.gateway,
        JWT_SECRET: randomUUID() + randomUUID(),
        ATRIUM_ADMIN_USERNAME: this.admin.username,
        ATRIUM_ADMIN_PASSWORD: this.admin.password,
        MERCHANT_DISCOUNT_SERVICE_URL: `http://127.0.0.1:${this.ports.merchant}`,
        POINTS_SERVICE_URL: this.pointsUrl,
      }),
    ]);
    for (const result of started) if (result.status === 'fulfilled') this.processes.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      await this.stop();
      throw failed.reason;
    }
    this.tokens.admin = await this.login(this.admin.username, this.admin.password);
    for (const role of ['desk', 'specialist', 'supervisor'] as const) {
      const username = `merchant-${role}-${this.run}`;
      const password = `pw-${randomUUID()}`;
      const created = await this.call('POST', '/api/auth/staff', 'admin', { username, displayName: role, password, roles: [role] });
      if (created.status !== 201) throw new Error(`creating ${role} answered ${created.status}: ${JSON.stringify(created.body)}`);
      this.tokens[role] = await this.login(username, password);
    }
    return this;
  }

  /** Stops the services, then drops their databases (never under a running service: docs/adr/0003). */
  async stop(): Promise<void> {
    await Promise.all(this.processes.map((process) => process.stop()));
    for (const dbName of Object.values(this.databases)) {
      const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName }).asPromise();
      try {
        await connection.dropDatabase();
      } finally {
        await connection.close();
      }
    }
  }

  /** Calls the gateway as a staff member of the role; a string body goes as text/csv. */
  async call<Body = Record<string, unknown>>(method: string, path: string, as: Role | undefined, body?: unknown): Promise<Answer<Body>> {
    const token = as ? this.tokens[as] : undefined;
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
