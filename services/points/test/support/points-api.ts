import mongoose from 'mongoose';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, registerTenantsInPoints, signedFetch, startConsumerGroupsAtEnd, waitFor } from '@atrium/testing';

/** What the gateway forwards for a signed-in member of staff (services/gateway upstream-proxies.ts). */
export function staff(username: string, ...roles: string[]): Record<string, string> {
  return { 'x-atrium-staff': username, 'x-atrium-roles': roles.join(',') };
}

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

export interface Problem {
  readonly code: string;
  readonly errors?: { field: string; message: string }[];
  readonly [detail: string]: unknown;
}

export interface AccountView {
  memberId: string;
  available: number;
  pending: number;
  lifetimeEarned: number;
  debt: number;
  cardNumbers: string[];
}

/** The environment of a points service process of one test run: its own database and consumer group. */
export function pointsEnv(port: number, run: string, group: string, extra: Record<string, string> = {}): Record<string, string> {
  const infra = infraEnv();
  return {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
    REDIS_URL: infra.redisUrl,
    HTTP_PORT: String(port),
    MONGO_DATABASE: `atrium_test_points_${run}`,
    KAFKA_CONSUMER_GROUP: group,
    ...extra,
  };
}

/**
 * Makes a new consumer group start at the end of the points service's topics instead of at
 * their oldest message, before the service joins it: the topics hold every registration and
 * sale that earlier runs and benchmarks produced, which a test reading from the beginning
 * would wait minutes for. The service's runner names its groups `<group>.<topic>`.
 */
export async function consumeFromNow(group: string): Promise<void> {
  // A topic that does not exist yet (a fresh broker) has no backlog: the service creates it.
  await startConsumerGroupsAtEnd(group, [TOPICS.memberEvents.name, TOPICS.purchases.name, TOPICS.merchantEvents.name]);
}

/** Drops the run's database (tests leave nothing behind on the shared server). */
export async function dropDatabase(run: string): Promise<void> {
  const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: `atrium_test_points_${run}` }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

/** The points service's HTTP API, as the gateway (or a test standing in for it) calls it. */
export class PointsApi {
  constructor(readonly url: string) {}

  async call<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const response = await signedFetch(`${this.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async account(memberId: string): Promise<AccountView | undefined> {
    const answer = await this.call<AccountView>('GET', `/accounts/${memberId}`);
    return answer.status === 200 ? answer.body : undefined;
  }

  /** Waits until every member's account is open with its one card (the member events arrived). */
  async waitForAccountsWithCards(memberIds: readonly string[]): Promise<void> {
    await waitFor('the members\' accounts with cards', async () => {
      const accounts = await Promise.all(memberIds.map((memberId) => this.account(memberId)));
      return accounts.every((account) => account?.cardNumbers.length === 1) ? true : undefined;
    }, 120_000, 500);
  }

  async ledgerMismatches(memberId?: string): Promise<unknown[]> {
    const answer = await this.call<{ mismatches: unknown[] }>('GET', `/ledger/check${memberId ? `?memberId=${memberId}` : ''}`);
    if (answer.status !== 200) throw new Error(`ledger check answered ${answer.status}`);
    return answer.body.mismatches;
  }

  /** Registers the tenant as the directory does (its tenant.registered event) and waits until the registry has it. */
  async registerTenant(id: string, status: 'open' | 'closed'): Promise<void> {
    await registerTenantsInPoints(this.url, [{ id, status }]);
  }
}
