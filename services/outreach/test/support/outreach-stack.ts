import { randomInt, randomUUID } from 'node:crypto';
import { TOPICS } from '@atrium/contracts';
import { dropTestDatabases, GatewayStaff, infraEnv, startConsumerGroupsAtEnd, startServiceProcess, type GatewayAnswer, type ServiceProcess } from '@atrium/testing';

export type Role = 'admin' | 'desk' | 'specialist' | 'finance';

export type Answer<Body = Record<string, unknown>> = GatewayAnswer<Body>;

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
  private readonly admin = { username: `outreach-admin-${this.run}`, password: `pw-${randomUUID()}` };

  /** The member service's consumer group (dead letters name the group that wrote them). */
  readonly memberGroup = `member-outreach-test-${this.run}`;

  /** Each service's scratch database, dropped when the run ends. */
  private readonly databases = {
    outreach: `atrium_test_outreach_${this.run}`,
    member: `atrium_test_member_${this.run}`,
    gateway: `atrium_test_gateway_${this.run}`,
  };

  private readonly staff: GatewayStaff<Exclude<Role, 'admin'>>;

  constructor(readonly ports: StackPorts) {
    this.staff = new GatewayStaff(`http://127.0.0.1:${ports.gateway}`);
  }

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
    await this.staff.logIn(this.admin, ['desk', 'specialist', 'finance'], (role) => `outreach-${role}-${this.run}`);
    return this;
  }

  /** Stops the services, then drops their databases (never under a running service: docs/adr/0003). */
  async stop(): Promise<void> {
    await Promise.all(this.processes.map((process) => process.stop()));
    await dropTestDatabases(Object.values(this.databases));
  }

  /** Calls the gateway as a staff member of the role (or without a token); a string body goes as text/csv. */
  call<Body = Record<string, unknown>>(method: string, path: string, as: Role | undefined, body?: unknown): Promise<Answer<Body>> {
    return this.staff.call<Body>(method, path, as, body);
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
