import { randomUUID } from 'node:crypto';
import { TOPICS } from '@atrium/contracts';
import { dropTestDatabases, GatewayStaff, infraEnv, startConsumerGroupsAtEnd, startServiceProcess, type GatewayAnswer, type ServiceProcess } from '@atrium/testing';

export type Role = 'admin' | 'desk' | 'specialist' | 'supervisor';

export type Answer<Body = Record<string, unknown>> = GatewayAnswer<Body>;

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
  private readonly admin = { username: `merchant-admin-${this.run}`, password: `pw-${randomUUID()}` };
  /** The points service's consumer group (dead letters name the group that wrote them). */
  readonly pointsGroup = `points-merchant-test-${this.run}`;
  private readonly databases = {
    merchant: `atrium_test_merchant_${this.run}`,
    points: `atrium_test_points_merchant_${this.run}`,
    gateway: `atrium_test_gateway_merchant_${this.run}`,
  };

  private readonly staff: GatewayStaff<Exclude<Role, 'admin'>>;

  constructor(readonly ports: StackPorts) {
    this.staff = new GatewayStaff(`http://127.0.0.1:${ports.gateway}`);
  }

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
    await this.staff.logIn(this.admin, ['desk', 'specialist', 'supervisor'], (role) => `merchant-${role}-${this.run}`);
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
