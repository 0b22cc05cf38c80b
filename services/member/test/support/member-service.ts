import { randomInt, randomUUID } from 'node:crypto';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, signedFetch, startConsumerGroupsAtEnd, startServiceProcess, type ServiceProcess } from '@atrium/testing';

/** A staff member as the gateway names one to the service. */
export interface TestStaff {
  readonly id: string;
  readonly roles: readonly string[];
}

export interface Answer<Body = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly body: Body;
}

/**
 * The built member service in a process of its own, with a database and consumer group of
 * this run's own, called over HTTP as the gateway calls it (staff in x-atrium-* headers).
 */
export class MemberServiceUnderTest {
  readonly run = randomUUID().slice(0, 8);
  private process?: ServiceProcess;

  constructor(private readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get output(): string {
    return this.process?.output() ?? '';
  }

  async start(extraEnv: Record<string, string> = {}): Promise<this> {
    const infra = infraEnv();
    // This run's groups start at the end of the shared topics: a new group would otherwise read
    // every sale and programme other suites ever sent before the test's own.
    if (!this.process) await startConsumerGroupsAtEnd(`member-test-${this.run}`, [TOPICS.pointsEvents.name, TOPICS.outreachEvents.name]);
    this.process = await startServiceProcess('member', this.port, {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: infra.mongoUrl,
      REDIS_URL: infra.redisUrl,
      HTTP_PORT: String(this.port),
      MONGO_DATABASE: `atrium_test_member_${this.run}`,
      KAFKA_CONSUMER_GROUP: `member-test-${this.run}`,
      ...extraEnv,
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }

  /** Kills the process without letting it finish anything (a crash); start() again resumes on the same database. */
  async kill(): Promise<void> {
    await this.process?.stop('SIGKILL');
  }

  async call<Body = Record<string, unknown>>(method: string, path: string, options: { body?: unknown; staff?: TestStaff } = {}): Promise<Answer<Body>> {
    const response = await signedFetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.staff ? { 'x-atrium-staff': options.staff.id, 'x-atrium-roles': options.staff.roles.join(',') } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : {}) as Body };
  }

  /** Sends a body as it is with its own content type (a CSV file). */
  async send<Body = Record<string, unknown>>(method: string, path: string, body: string, contentType: string, staff?: TestStaff): Promise<Answer<Body>> {
    const response = await signedFetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: { 'content-type': contentType, ...(staff ? { 'x-atrium-staff': staff.id, 'x-atrium-roles': staff.roles.join(',') } : {}) },
      body,
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : {}) as Body };
  }

  /** Registers a member at the desk with a fresh mobile number; returns its id, phone and card. */
  async register(staff: TestStaff, name = 'Test Shopper'): Promise<{ id: string; phone: string; cardNumber: string }> {
    const answer = await this.call<{ id: string; phone: string; cardNumber: string }>('POST', '/members', { body: { phone: uniqueMobile(), name }, staff });
    if (answer.status !== 201) throw new Error(`registration answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}

/** A mainland mobile number nobody else in the run has (11 digits, starting 139). */
export function uniqueMobile(): string {
  return `139${String(randomInt(10_000_000, 99_999_999))}`;
}
