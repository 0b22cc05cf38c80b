import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Queue } from 'bullmq';
import type { Connection } from 'mongoose';
import { loadConfig } from '@atrium/config';
import { ProblemDetailsFilter, requestValidationPipe } from '@atrium/http-problem';
import { connectEventConsumers } from '@atrium/messaging';
import { createLogger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import { CampaignsModule } from '../../src/campaigns/campaigns.module';
import { campaignQueueNameOf } from '../../src/campaigns/campaign-queue';
import { smsCampaignEnvSchema, type SmsCampaignConfig } from '../../src/config/env.schema';
import {
  CampaignDelivery,
  type CampaignDeliveryTotals,
  type CampaignExclusion,
  type CampaignMessage,
  type RecipientQuery,
  type RecipientRecord,
  type RecipientStatus,
} from '../../src/delivery/campaign-delivery';
import type { MemberLanguage } from '../../src/members/member-profile.entity';
import { MemberProfilesRepository } from '../../src/members/member-profiles.repository';
import { MemberProjectionModule } from '../../src/members/member-projection.module';
import { projectionQueueNameOf } from '../../src/members/spend-window.job';
import { SegmentsModule } from '../../src/segments/segments.module';
import { TemplatesModule } from '../../src/templates/templates.module';
import { freePort, smsEnv, startGroupsAtEnd, uniqueMobile } from './delivery-harness';

/** What the gateway forwards for a signed-in member of staff. */
export function staff(username: string, ...roles: string[]): Record<string, string> {
  return { 'x-atrium-staff': username, 'x-atrium-roles': roles.join(',') };
}

export const SPECIALIST = staff('sam', 'specialist');
export const OTHER_SPECIALIST = staff('sid', 'specialist');
export const SUPERVISOR = staff('sue', 'supervisor');
export const OTHER_SUPERVISOR = staff('sol', 'supervisor');

export interface Answer<Body = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly body: Body;
}

/** A problem+json answer's fields tests look at. */
export interface Problem {
  readonly code: string;
  readonly errors?: { field: string; message: string }[];
  readonly [detail: string]: unknown;
}

/**
 * Delivery as the campaign side sees it, recorded: the other half of the service (Twilio,
 * queues) is tested on its own; here what matters is what the campaign side hands over. Like
 * the real one it records each recipient once, whatever is dispatched again. It can be told to
 * fail a dispatch (a crash in the middle of freezing) and to hold messages unfinished.
 */
export class RecordingDelivery extends CampaignDelivery {
  /** Every dispatch call, in order, as it was made (including ones that then failed). */
  readonly dispatches: { campaignId: string; messages: CampaignMessage[]; exclusions: CampaignExclusion[] }[] = [];
  readonly calls: string[] = [];
  readonly tests: { campaignId: string; phones: readonly string[]; body: string }[] = [];
  private readonly recipientsByCampaign = new Map<string, Map<string, { message?: CampaignMessage; exclusion?: CampaignExclusion; status: RecipientStatus }>>();
  private failAt: number | undefined;
  /** While true, dispatched messages stay pending (the campaign cannot finish). */
  hold = false;

  /** The `n`-th dispatch from now throws after recording what it was given (1: the next one). */
  failDispatch(n: number): void {
    this.failAt = this.dispatches.length + n;
  }

  dispatch(campaignId: string, messages: readonly CampaignMessage[], exclusions: readonly CampaignExclusion[]): Promise<void> {
    this.dispatches.push({ campaignId, messages: [...messages], exclusions: [...exclusions] });
    if (this.failAt !== undefined && this.dispatches.length === this.failAt) {
      this.failAt = undefined;
      return Promise.reject(new Error('delivery crashed in the middle of a dispatch (test)'));
    }
    const recipients = this.recipientsOf(campaignId);
    for (const message of messages) {
      if (!recipients.has(message.recipientId)) recipients.set(message.recipientId, { message, status: this.hold ? 'pending' : 'delivered' });
    }
    for (const exclusion of exclusions) {
      if (!recipients.has(exclusion.recipientId)) recipients.set(exclusion.recipientId, { exclusion, status: 'excluded' });
    }
    return Promise.resolve();
  }

  /** Every message still pending is delivered now. */
  deliverAll(campaignId: string): void {
    for (const record of this.recipientsOf(campaignId).values()) if (record.status === 'pending') record.status = 'delivered';
  }

  /** The recorded list: recipient id → message or exclusion. */
  recorded(campaignId: string): Map<string, { message?: CampaignMessage; exclusion?: CampaignExclusion; status: RecipientStatus }> {
    return this.recipientsOf(campaignId);
  }

  pause(campaignId: string): Promise<void> {
    this.calls.push(`pause:${campaignId}`);
    return Promise.resolve();
  }

  resume(campaignId: string): Promise<void> {
    this.calls.push(`resume:${campaignId}`);
    return Promise.resolve();
  }

  cancel(campaignId: string): Promise<void> {
    this.calls.push(`cancel:${campaignId}`);
    for (const record of this.recipientsOf(campaignId).values()) if (record.status === 'pending') record.status = 'cancelled';
    return Promise.resolve();
  }

  totals(campaignId: string): Promise<CampaignDeliveryTotals> {
    const byStatus: Partial<Record<RecipientStatus, number>> = {};
    const excludedByReason: Record<string, number> = {};
    let segmentsBilled = 0;
    for (const record of this.recipientsOf(campaignId).values()) {
      byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
      if (record.exclusion) excludedByReason[record.exclusion.reason] = (excludedByReason[record.exclusion.reason] ?? 0) + 1;
      if (record.status === 'delivered') segmentsBilled += record.message?.segments ?? 0;
    }
    const unfinished = (byStatus.pending ?? 0) + (byStatus.deferred ?? 0) + (byStatus.sending ?? 0) + (byStatus.queued ?? 0);
    return Promise.resolve({
      recipients: this.recipientsOf(campaignId).size,
      byStatus,
      excludedByReason,
      failedByErrorCode: {},
      optOutsCaused: 0,
      segmentsBilled,
      finished: unfinished === 0,
    });
  }

  recipients(campaignId: string, query: RecipientQuery): Promise<{ total: number; items: RecipientRecord[] }> {
    const items = [...this.recipientsOf(campaignId).entries()]
      .map(([recipientId, record]) => ({
        recipientId,
        memberId: record.message?.memberId ?? record.exclusion?.memberId ?? '',
        phoneMasked: record.message ? `***${record.message.phone.slice(-4)}` : '',
        status: record.status,
        ...(record.exclusion ? { exclusionReason: record.exclusion.reason } : {}),
        segments: record.message?.segments ?? 0,
        updatedAt: new Date(),
      }))
      .filter((item) => (query.status === undefined || item.status === query.status) && (query.memberId === undefined || item.memberId === query.memberId));
    return Promise.resolve({ total: items.length, items: items.slice(query.offset, query.offset + query.limit) });
  }

  sendTest(campaignId: string, phones: readonly string[], body: string): Promise<{ phone: string; messageSid: string }[]> {
    this.tests.push({ campaignId, phones, body });
    return Promise.resolve(phones.map((phone) => ({ phone, messageSid: `SM${randomUUID().replace(/-/g, '')}` })));
  }

  private recipientsOf(campaignId: string) {
    let recipients = this.recipientsByCampaign.get(campaignId);
    if (!recipients) {
      recipients = new Map();
      this.recipientsByCampaign.set(campaignId, recipients);
    }
    return recipients;
  }
}

@Module({})
class RecordingDeliveryModule {
  static register(delivery: RecordingDelivery): DynamicModule {
    return { module: RecordingDeliveryModule, providers: [{ provide: CampaignDelivery, useValue: delivery }], exports: [CampaignDelivery] };
  }
}

/**
 * The campaign side of the sms-campaign service in this process: member projection (with its
 * Kafka consumers when asked), segments, templates and campaigns on the real FerretDB, Redis
 * (BullMQ) and Kafka, with a database, queues and consumer group of the run's own. Delivery is
 * a RecordingDelivery.
 */
export class CampaignSideApp {
  readonly delivery = new RecordingDelivery();
  readonly run = randomUUID().slice(0, 8);
  private app?: INestApplication;
  private config?: SmsCampaignConfig;
  url = '';

  async start(options: { consume?: boolean; freezeChunk?: number; env?: Record<string, string> } = {}): Promise<this> {
    const port = await freePort();
    const config = loadConfig(smsCampaignEnvSchema, smsEnv(this.run, port, options.env ?? {}));
    this.config = config;
    const logger = createLogger('sms-campaign', 'error');
    const metrics = new Metrics('sms-campaign');
    const delivery = RecordingDeliveryModule.register(this.delivery);
    @Module({
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'sms-campaign', config, logger, metrics }),
        BullModule.forRoot({ connection: { url: config.REDIS_URL, maxRetriesPerRequest: null }, prefix: 'atrium-sms' }),
        MemberProjectionModule.register(config),
        SegmentsModule.register(config),
        TemplatesModule.register(config),
        CampaignsModule.register(config, { delivery, ...(options.freezeChunk ? { freezeChunk: options.freezeChunk } : {}) }),
      ],
    })
    class CampaignSideModule {}
    const app = await NestFactory.create(CampaignSideModule, { logger: false });
    this.app = app;
    app.useGlobalFilters(new ProblemDetailsFilter(logger));
    app.useGlobalPipes(requestValidationPipe());
    if (options.consume ?? false) {
      if (config.KAFKA_CONSUMER_GROUP) await startGroupsAtEnd(config.KAFKA_CONSUMER_GROUP);
      // FerretDB v1 can fail two concurrent first inserts into a collection that does not exist
      // yet ("relation does not exist"); the consumers' inbox is created before they start.
      await app.get<Connection>(getConnectionToken()).createCollection('messaging_inbox').catch(() => undefined);
      connectEventConsumers(app);
      await app.init();
      await app.startAllMicroservices();
    }
    await app.listen(port, '127.0.0.1');
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  /** A provider of the app (e.g. to run a job's work directly, as a second process would). */
  get<T>(token: abstract new (...args: never[]) => T): T {
    return this.nest.get(token);
  }

  get profiles(): MemberProfilesRepository {
    return this.nest.get(MemberProfilesRepository);
  }

  get database(): Connection {
    return this.nest.get<Connection>(getConnectionToken());
  }

  private get nest(): INestApplication {
    if (!this.app) throw new Error('the app is not started');
    return this.app;
  }

  async call<Body = Record<string, unknown>>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<Body>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.headers ?? {}) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : {}) as Body };
  }

  /** Calls and expects `status`, failing with the answer when it is another. */
  async expect<Body = Record<string, unknown>>(status: number, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Body> {
    const answer = await this.call<Body>(method, path, options);
    if (answer.status !== status) throw new Error(`${method} ${path} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Drops the run's database and queues, and closes the app. */
  async stop(): Promise<void> {
    if (!this.app || !this.config) return;
    const namespace = this.config.MONGO_DATABASE ?? '';
    try {
      for (const name of [campaignQueueNameOf(namespace), projectionQueueNameOf(namespace)]) {
        await this.app.get<Queue>(getQueueToken(name)).obliterate({ force: true });
      }
      await this.database.dropDatabase();
    } finally {
      await this.app.close();
    }
  }
}

/** A member as tests put them in the projection (through its repository, as its consumers write). */
export interface TestMember {
  readonly memberId: string;
  readonly phone: string;
  readonly name: string;
  readonly language: MemberLanguage;
  readonly consent: boolean;
  readonly tags: readonly string[];
  readonly birthday?: { readonly month: number; readonly day: number };
}

/** Registers a member in the projection with the given profile; returns what was registered. */
export async function putMember(
  profiles: MemberProfilesRepository,
  fields: Partial<Omit<TestMember, 'memberId' | 'phone'>> & { readonly registeredAt?: Date } = {},
): Promise<TestMember> {
  const at = fields.registeredAt ?? new Date(Date.now() - 86_400_000);
  const member: TestMember = {
    memberId: randomUUID(),
    phone: uniqueMobile(),
    name: fields.name ?? 'Test Shopper',
    language: fields.language ?? 'en',
    consent: fields.consent ?? true,
    tags: fields.tags ?? [],
    ...(fields.birthday ? { birthday: fields.birthday } : {}),
  };
  await profiles.applyMemberChange(member.memberId, { kind: 'registered', phone: member.phone, name: member.name, channel: 'desk', sourceRef: '', registeredAt: at });
  await profiles.applyMemberChange(member.memberId, {
    kind: 'profile-updated',
    phone: member.phone,
    name: member.name,
    language: member.language,
    tags: member.tags,
    ...(member.birthday ? { birthday: member.birthday } : {}),
    at,
  });
  if (member.consent) await profiles.applyMemberChange(member.memberId, { kind: 'consent-changed', granted: true, at });
  return member;
}
