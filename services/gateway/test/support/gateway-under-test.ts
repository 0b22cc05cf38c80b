import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { loadConfig } from '@atrium/config';
import { createLogger, Metrics } from '@atrium/observability';
import { RedisConnection } from '@atrium/service-kit';
import { infraEnv, TEST_IDENTITY_SECRET } from '@atrium/testing';
import { gatewayEnvSchema, type GatewayConfig } from '../../src/config/env.schema';
import { createGatewayApp } from '../../src/gateway-app';
import { call, loopbackAddress, type CallResult } from './http-call';
import { closedPort } from './stub-upstream';

type GatewayApp = Awaited<ReturnType<typeof createGatewayApp>>;

/**
 * The real gateway, in this process, on a random port, against the real MongoDB-compatible
 * server, Redis and Kafka. Every account it makes starts with `prefix`, so a run touches only
 * its own data in the shared atrium_gateway database, and `stop` removes it.
 */
export class GatewayUnderTest {
  readonly admin: { readonly username: string; readonly password: string };
  private readonly addresses: string[] = [];

  private constructor(
    private app: GatewayApp,
    private readonly config: GatewayConfig,
    readonly baseUrl: string,
    readonly prefix: string,
    adminPassword: string,
  ) {
    this.admin = { username: `${prefix}admin`, password: adminPassword };
  }

  /** `env` sets gateway variables for this run (upstream URLs, login limits). */
  static async start(env: Record<string, string> = {}): Promise<GatewayUnderTest> {
    const prefix = `it-${randomBytes(4).toString('hex')}-`;
    const adminPassword = randomBytes(12).toString('base64url');
    const servers = infraEnv();
    const config = loadConfig(gatewayEnvSchema, {
      KAFKA_BROKERS: servers.kafkaBrokers.join(','),
      MONGO_URL: servers.mongoUrl,
      REDIS_URL: servers.redisUrl,
      LOG_LEVEL: 'fatal',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ATRIUM_IDENTITY_SECRET: TEST_IDENTITY_SECRET,
      ATRIUM_ADMIN_USERNAME: `${prefix}admin`,
      ATRIUM_ADMIN_PASSWORD: adminPassword,
      ...env,
    });
    const app = await listeningApp(config, 0);
    const { port } = app.getHttpServer().address() as AddressInfo;
    return new GatewayUnderTest(app, config, `http://127.0.0.1:${port}`, prefix, adminPassword);
  }

  /**
   * A gateway whose member service is `memberUrl` and whose other services are a port where
   * nothing listens (a call there is a 502).
   */
  static async inFrontOfMember(memberUrl: string, env: Record<string, string> = {}): Promise<GatewayUnderTest> {
    const nothingThere = `http://127.0.0.1:${await closedPort()}`;
    return GatewayUnderTest.start({
      MEMBER_SERVICE_URL: memberUrl,
      POINTS_SERVICE_URL: nothingThere,
      MERCHANT_DISCOUNT_SERVICE_URL: nothingThere,
      SMS_CAMPAIGN_SERVICE_URL: nothingThere,
      OUTREACH_SERVICE_URL: nothingThere,
      ...env,
    });
  }

  /** Stops this gateway process's app and starts a new one with the same configuration on the same port; data stays. */
  async restart(): Promise<void> {
    await this.app.close();
    this.app = await listeningApp(this.config, Number(new URL(this.baseUrl).port));
  }

  call(method: string, path: string, options: Parameters<typeof call>[3] = {}): Promise<CallResult> {
    return call(this.baseUrl, method, path, options);
  }

  async login(username: string, password: string, from?: string): Promise<CallResult> {
    return this.call('POST', '/api/auth/login', { body: { username, password }, from });
  }

  /** Signs in and returns the access token, failing the test if sign-in fails. */
  async tokenOf(username: string, password: string): Promise<string> {
    const answer = await this.login(username, password);
    if (answer.status !== 200) throw new Error(`login of ${username} answered ${answer.status}: ${answer.text}`);
    return (answer.json as { accessToken: string }).accessToken;
  }

  async adminToken(): Promise<string> {
    return this.tokenOf(this.admin.username, this.admin.password);
  }

  /** Creates an account through the admin API; returns its (prefixed) username and password. */
  async createStaff(name: string, roles: string[]): Promise<{ username: string; password: string; token: () => Promise<string> }> {
    const username = `${this.prefix}${name}`;
    const password = randomBytes(12).toString('base64url');
    const created = await this.call('POST', '/api/auth/staff', {
      token: await this.adminToken(),
      body: { username, displayName: name, password, roles },
    });
    if (created.status !== 201) throw new Error(`creating ${username} answered ${created.status}: ${created.text}`);
    return { username, password, token: () => this.tokenOf(username, password) };
  }

  /** A client address of its own for one test (its failed logins count against nobody else). */
  clientAddress(): string {
    const address = loopbackAddress();
    this.addresses.push(address);
    return address;
  }

  /** Removes this run's accounts and Redis keys, then closes the app. */
  async stop(): Promise<void> {
    try {
      const mongo = this.app.get<Connection>(getConnectionToken());
      await mongo.collection('staff').deleteMany({ _id: { $regex: `^${this.prefix}` } } as Record<string, unknown>);
      const redis = this.app.get(RedisConnection).client;
      const keys = [
        ...(await redis.keys(`gateway:*${this.prefix}*`)),
        ...this.addresses.map((address) => `gateway:login-failures:address:${address}`),
      ];
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      await this.app.close();
    }
  }
}

async function listeningApp(config: GatewayConfig, port: number): Promise<GatewayApp> {
  const app = await createGatewayApp(config, createLogger('gateway', config.LOG_LEVEL), new Metrics('gateway'));
  await app.listen(port, '127.0.0.1');
  return app;
}
