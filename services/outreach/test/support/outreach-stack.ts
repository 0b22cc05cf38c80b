import { randomInt, randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, startConsumerGroupsAtEnd, startServiceProcess, type ServiceProcess } from '@atrium/testing';

export type Role = 'admin' | 'desk' | 'specialist' | 'finance';

export interface Answer<Body = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly body: Body;
}

export interface StackPorts {
  readonly gateway: number;
  readonly outreach: number;
  readonly member: number;
}

/**
 * The built gateway, outreach and member services as processes of their own, each service
 * with a database and consumer groups of this run's own (the member service's start at the
 * end of the shared topics), and staff of each role logged in at the gateway.
 */
export class OutreachStack {
  readonly run = randomUUID().slice(0, 8);
  private readonly processes: ServiceProcess[] = [];
  private readonly tokens: Partial<Record<Role, string>> = {};
  private readonly admin = { username: `outreach-admin-${this.run}`, password: `pw-${randomUUID()}` };

  /** The member service's consumer group (dead letters name the group that wrote them). */
  readonly memberGroup = `member-outreach-test-${this.run}`;

  /** Each service's scratch database, dropped when the run ends. */
  private readonly databases = {
    outreach: `atrium_test_outreach_${this.run}`,
    member: `atrium_test_member_${this.run}`,
    gateway: `atrium_test_gateway_${this.run}`,
  };

  constructor(readonly ports: StackPorts) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}`;
  }

  /** Everything the processes wrote (for failure messages and log assertions). */
  output(name: 'member' | 'outreach' | 'gateway'): string {
    return this.processes.find((process) => process.name === name)?.output() ?? '';
  }

  async start(): Promise<this> {
    const env = infraEnv();
    const shared = { KAFKA_BROKERS: env.kafkaBrokers.join(','), MONGO_URL: env.mongoUrl, REDIS_URL: env.redisUrl };
    // Only what this run produces: not every programme, sale or reply earlier runs left on the topics.
    await startConsumerGroupsAtEnd(this.memberGroup, [TOPICS.outreachEvents.name, TOPICS.pointsEvents.name, TOPICS.smsEvents.name]);
    const started = await Promise.allSettled([
      startServiceProcess('outreach', this.ports.outreach, {
        ...shared,
        HTTP_PORT: String(this.ports.outreach),
        MONGO_DATABASE: this.databases.outreach,
        KAFKA_CONSUMER_GROUP: `outreach-test-${this.run}`,
      }),
      startServiceProcess('member', this.ports.member, {
        ...shared,
        HTTP_PORT: String(this.ports.member),
        MONGO_DATABASE: this.databases.member,
        KAFKA_CONSUMER_GROUP: this.memberGroup,
        LOG_LEVEL: 'info',
      }),
      startServiceProcess('gateway', this.ports.gateway, {
        ...shared,
        GATEWAY_PORT: String(this.ports.gateway),
        MONGO_DATABASE: this.databases.gateway,
        JWT_SECRET: randomUUID() + randomUUID(),
        ATRIUM_ADMIN_USERNAME: this.admin.username,
        ATRIUM_ADMIN_PASSWORD: this.admin.password,
        MEMBER_SERVICE_URL: `http://127.0.0.1:${this.ports.member}`,
        OUTREACH_SERVICE_URL: `http://127.0.0.1:${this.ports.outreach}`,
      }),
    ]);
    for (const result of started) if (result.status === 'fulfilled') this.processes.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      // The ones that did start must not outlive the run.
      await this.stop();
      throw failed.reason;
    }
    this.tokens.admin = await this.login(this.admin.username, this.admin.password);
    for (const role of ['desk', 'specialist', 'finance'] as const) {
      const username = `outreach-${role}-${this.run}`;
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

  /** Calls the gateway as a staff member of the role (or without a token). */
  async call<Body = Record<string, unknown>>(method: string, path: string, as: Role | undefined, body?: unknown): Promise<Answer<Body>> {
    const token = as ? this.tokens[as] : undefined;
    const response = await fetch(`${this.gatewayUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
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

/** A mainland mobile number nobody else in the run has (11 digits, starting 137). */
export function uniqueMobile(): string {
  return `137${String(randomInt(10_000_000, 99_999_999))}`;
}

/** A programme code nobody else has, starting with `prefix` (codes are shared by no database: each run makes its own). */
export function uniqueCode(prefix: string): string {
  return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 8)}`.toUpperCase();
}
