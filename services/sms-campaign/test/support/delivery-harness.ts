import { randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Queue } from 'bullmq';
import type { Connection } from 'mongoose';
import { TOPICS } from '@atrium/contracts';
import { loadConfig } from '@atrium/config';
import { ProblemDetailsFilter, requestValidationPipe } from '@atrium/http-problem';
import { connectEventConsumers } from '@atrium/messaging';
import { createLogger, Metrics } from '@atrium/observability';
import { RedisConnection } from '@atrium/service-kit';
import { infraEnv, startConsumerGroupsAtEnd, TEST_IDENTITY_SECRET, waitFor } from '@atrium/testing';
import { AppModule } from '../../src/app.module';
import { smsCampaignEnvSchema } from '../../src/config/env.schema';
import { CampaignDelivery, type CampaignDeliveryTotals, type CampaignMessage, type RecipientStatus } from '../../src/delivery/campaign-delivery';
import { deliveryTotalsOf } from '../../src/delivery/delivery-totals';
import { RecipientsRepository } from '../../src/delivery/recipients.repository';
import type { MemberLanguage } from '../../src/members/member-profile.entity';
import { campaignQueueNameOf } from '../../src/campaigns/campaign-queue';
import { sendQueueNameOf } from '../../src/delivery/send-queue';
import { statusCheckQueueNameOf } from '../../src/delivery/status-check.job';
import { MemberProfilesRepository } from '../../src/members/member-profiles.repository';
import { projectionQueueNameOf } from '../../src/members/spend-window.job';

/** A port nothing listens on (taken from the OS, then let go). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A Hong Kong mobile number no other test uses. */
export function uniqueMobile(): string {
  return `+8525${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

function twilioVariable(name: 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_API_BASE_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through jest's integration project (its global setup runs scripts/infra up)`);
  return value;
}

/**
 * The sms-campaign service's variables for one test run: a database and consumer group of its
 * own (so its queue, named after the database, is its own too), the local Twilio endpoint, and
 * webhooks pointing straight at the service on `port`.
 */
export function smsEnv(run: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  const infra = infraEnv();
  return {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
    REDIS_URL: infra.redisUrl,
    HTTP_PORT: String(port),
    MONGO_DATABASE: `atrium_test_sms_${run}`,
    KAFKA_CONSUMER_GROUP: `sms-test-${run}`,
    LOG_LEVEL: 'warn',
    ATRIUM_IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    TWILIO_ACCOUNT_SID: twilioVariable('TWILIO_ACCOUNT_SID'),
    TWILIO_AUTH_TOKEN: twilioVariable('TWILIO_AUTH_TOKEN'),
    TWILIO_API_BASE_URL: twilioVariable('TWILIO_API_BASE_URL'),
    TWILIO_FROM: `+8523${String(randomInt(0, 10_000_000)).padStart(7, '0')}`,
    TWILIO_WEBHOOK_BASE_URL: `http://127.0.0.1:${port}/twilio`,
    // No quiet hours unless a test sets them: tests run at any hour.
    SMS_QUIET_HOURS_START: '00:00',
    SMS_QUIET_HOURS_END: '00:00',
    SMS_MESSAGES_PER_SECOND: '50',
    ...extra,
  };
}

/**
 * Starts the consumer groups of a new run at the end of the topics the service consumes: the
 * member topic holds every registration other tests ever made, and a new group would otherwise
 * read (and welcome) them all.
 */
export async function startGroupsAtEnd(group: string): Promise<void> {
  await startConsumerGroupsAtEnd(group, [TOPICS.memberEvents.name, TOPICS.pointsEvents.name]);
}

/**
 * The whole sms-campaign app in this process (as runService builds it, without exiting on
 * failure), on the real servers and the local Twilio endpoint.
 */
export class SmsServiceUnderTest {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string>, options: { consume?: boolean } = {}): Promise<SmsServiceUnderTest> {
    const config = loadConfig(smsCampaignEnvSchema, env);
    const logger = createLogger('sms-campaign', config.LOG_LEVEL);
    const app = await NestFactory.create(AppModule.register(config, logger, new Metrics('sms-campaign')), { logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter(logger));
    app.useGlobalPipes(requestValidationPipe());
    if (options.consume ?? false) {
      if (config.KAFKA_CONSUMER_GROUP) await startGroupsAtEnd(config.KAFKA_CONSUMER_GROUP);
      connectEventConsumers(app);
      await app.init();
      await app.startAllMicroservices();
    }
    await app.listen(config.HTTP_PORT, '127.0.0.1');
    return new SmsServiceUnderTest(app, `http://127.0.0.1:${config.HTTP_PORT}`, env);
  }

  get delivery(): CampaignDelivery {
    return this.app.get(CampaignDelivery);
  }

  get profiles(): MemberProfilesRepository {
    return this.app.get(MemberProfilesRepository);
  }

  get database(): Connection {
    return this.app.get<Connection>(getConnectionToken());
  }

  /**
   * Jobs still in the sending queue, of one campaign when named (a retry of an earlier test's
   * message may linger for its backoff after its callbacks already settled it).
   */
  async jobsLeft(campaignId?: string): Promise<number> {
    const queue = this.app.get<Queue>(getQueueToken(sendQueueNameOf(this.env.MONGO_DATABASE)));
    if (campaignId === undefined) {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'paused');
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    }
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized', 'paused']);
    return jobs.filter((job) => job.id?.startsWith(encodeURIComponent(`${campaignId}:`)) === true).length;
  }

  /** An HTTP call to the service as the gateway makes it (staff in `headers`). */
  async call<Body = Record<string, unknown>>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.headers ?? {}) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body };
  }

  /** Calls and expects `status`, failing with the answer when it is another. */
  async expect<Body = Record<string, unknown>>(status: number, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Body> {
    const answer = await this.call<Body>(method, path, options);
    if (answer.status !== status) throw new Error(`${method} ${path} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** A recipient's stored record, as delivery keeps it. */
  async record(recipientId: string): Promise<Record<string, unknown> | undefined> {
    return (await this.database.collection('delivery_recipients').findOne({ _id: recipientId } as Record<string, unknown>)) ?? undefined;
  }

  /**
   * Waits until every recipient of the campaign has its final status (delivered, undelivered,
   * failed, excluded, cancelled): `finished` already holds while Twilio's last "delivered"
   * callbacks are still on their way (a message `sent` is not open).
   */
  async waitUntilSettled(campaignId: string, timeoutMs = 60_000): Promise<void> {
    const unsettled = ['pending', 'deferred', 'sending', 'queued', 'sent'] as const;
    await waitFor(
      `campaign ${campaignId} to settle`,
      async () => {
        const totals = await this.delivery.totals(campaignId);
        return totals.finished && unsettled.every((status) => (totals.byStatus[status] ?? 0) === 0) ? true : undefined;
      },
      timeoutMs,
      250,
    );
  }

  /**
   * Waits until `count` of the campaign's messages are delivered (after a sender was killed:
   * Twilio's last callbacks, or the status check, come after the campaign finished). A timeout
   * names the totals, and `detail` (a sender's output) when given.
   */
  async waitUntilDelivered(campaignId: string, count: number, detail?: () => string): Promise<void> {
    await waitFor('every message to be delivered', async () => ((await this.delivery.totals(campaignId)).byStatus.delivered === count ? true : undefined), 150_000, 500).catch(
      async (error: unknown) => {
        throw new Error(`${(error as Error).message}; totals: ${JSON.stringify(await this.delivery.totals(campaignId))}${detail ? `; ${detail()}` : ''}`);
      },
    );
  }

  /** A campaign's totals worked out from every record (the slow way the counters spare), to hold the counters to. */
  async totalsFromRecords(campaignId: string): Promise<CampaignDeliveryTotals> {
    const records = this.app.get(RecipientsRepository);
    return { ...deliveryTotalsOf(await records.groups(campaignId)), finished: !(await records.hasOpen(campaignId)) };
  }

  /** Statuses of the campaign's recipients by id. */
  async statuses(campaignId: string): Promise<Map<string, RecipientStatus>> {
    const page = await this.delivery.recipients(campaignId, { limit: 100_000, offset: 0 });
    return new Map(page.items.map((item) => [item.recipientId, item.status]));
  }

  /** Removes the run's database, queue and Redis keys (unless told to keep them), and closes the app. */
  async stop(options: { keepData?: boolean } = {}): Promise<void> {
    try {
      if (!(options.keepData ?? false)) {
        const namespace = this.env.MONGO_DATABASE;
        for (const name of [sendQueueNameOf(namespace), statusCheckQueueNameOf(namespace), campaignQueueNameOf(namespace), projectionQueueNameOf(namespace)]) {
          await this.app.get<Queue>(getQueueToken(name)).obliterate({ force: true });
        }
        const redis = this.app.get(RedisConnection).client;
        const keys = await redis.keys(`${this.env.MONGO_DATABASE}:*`);
        if (keys.length > 0) await redis.del(...keys);
        await this.database.dropDatabase();
      }
    } finally {
      await this.app.close();
    }
  }
}

/** The language of members a test gives none: the service's SMS_DEFAULT_LANGUAGE default. */
const DEFAULT_LANGUAGE: MemberLanguage = 'zh-Hans';

/** A member as a test seeds the projection with (through its repository, as its consumers write). */
export interface SeededMember {
  readonly memberId: string;
  readonly phone: string;
  readonly language: MemberLanguage;
}

/** Registers members in the projection, with marketing consent unless told otherwise (five at a time: the database is shared). */
export async function seedMembers(
  profiles: MemberProfilesRepository,
  count: number,
  options: { consent?: boolean; language?: MemberLanguage } = {},
): Promise<SeededMember[]> {
  const at = new Date(Date.now() - 60_000);
  // Distinct within the call: tests count messages per number, and 300 random draws from 10^7
  // numbers repeat one in about 220 runs (two members, one number, two messages, no double send).
  const phones = new Set<string>();
  while (phones.size < count) phones.add(uniqueMobile());
  const members: SeededMember[] = [...phones].map((phone) => ({ memberId: randomUUID(), phone, language: options.language ?? DEFAULT_LANGUAGE }));
  const seed = async (member: SeededMember): Promise<void> => {
    await profiles.applyMemberChange(member.memberId, { kind: 'registered', phone: member.phone, name: 'Test Shopper', channel: 'desk', sourceRef: '', registeredAt: at });
    if (options.language !== undefined) {
      await profiles.applyMemberChange(member.memberId, { kind: 'profile-updated', phone: member.phone, name: 'Test Shopper', language: member.language, tags: [], at });
    }
    if (options.consent ?? true) await profiles.applyMemberChange(member.memberId, { kind: 'consent-changed', granted: true, at });
  };
  for (let start = 0; start < members.length; start += 5) await Promise.all(members.slice(start, start + 5).map(seed));
  return members;
}

/** One campaign message per member, as the campaigns half renders them. */
export function campaignMessages(campaignId: string, members: readonly SeededMember[], body = `【Atrium】Test offer ${campaignId.slice(0, 8)}. Reply STOP to opt out`): CampaignMessage[] {
  return members.map((member) => ({
    recipientId: `${campaignId}:${member.memberId}`,
    campaignId,
    memberId: member.memberId,
    phone: member.phone,
    language: member.language,
    body,
    segments: 1,
  }));
}

/** The local Twilio endpoint's control API (docs/infra.md, "Local Twilio endpoint"). */
export class LocalTwilio {
  readonly baseUrl = twilioVariable('TWILIO_API_BASE_URL');
  /**
   * Counts start here: the endpoint's record keeps every earlier run's messages, and a random
   * test number had one of them once (a count of 2 where the test sent 1).
   */
  private readonly since = new Date();

  /** How many messages sent through the API (not TwiML replies) each of these numbers got since this harness was made, 0 included. */
  async countsFor(phones: readonly string[]): Promise<Map<string, number>> {
    const answer = (await (await fetch(`${this.baseUrl}/_local/recipients?direction=outbound-api&since=${this.since.toISOString()}`)).json()) as { recipients: Record<string, number> };
    return new Map(phones.map((phone) => [phone, answer.recipients[phone] ?? 0]));
  }

  /** The messages the endpoint recorded to one number since this harness was made, oldest first. */
  async messagesTo(phone: string): Promise<Array<{ message: { sid: string; body: string; status: string; direction: string; error_code: number | null }; answerLost: boolean }>> {
    const answer = (await (await fetch(`${this.baseUrl}/_local/messages?to=${encodeURIComponent(phone)}&since=${this.since.toISOString()}`)).json()) as {
      messages: Array<{ message: { sid: string; body: string; status: string; direction: string; error_code: number | null }; answerLost: boolean }>;
    };
    return answer.messages;
  }

  /** Tells the endpoint to fail a number (a Twilio error code, or `loseAnswer`). */
  async fail(rule: { to: string; code?: number; loseAnswer?: boolean; times?: number; stage?: string }): Promise<string> {
    const response = await fetch(`${this.baseUrl}/_local/failures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
    if (response.status !== 201) throw new Error(`failure rule refused: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  async removeRule(id: string): Promise<void> {
    await fetch(`${this.baseUrl}/_local/failures/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  /** A shopper's SMS to `to`, posted (signed) to `url` as Twilio would; answers the webhook's outcome. */
  async inbound(from: string, to: string, body: string, url: string): Promise<{ webhook: { httpStatus: number | null; responseBody: string | null }; replies: Array<{ body: string }> }> {
    const response = await fetch(`${this.baseUrl}/_local/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, to, body, url }),
    });
    if (!response.ok) throw new Error(`inbound simulation refused: ${response.status} ${await response.text()}`);
    return (await response.json()) as { webhook: { httpStatus: number | null; responseBody: string | null }; replies: Array<{ body: string }> };
  }
}
