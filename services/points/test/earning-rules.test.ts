import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ProblemDetailsFilter, requestValidationPipe } from '@atrium/http-problem';
import { createLogger, Metrics, ObservabilityModule } from '@atrium/observability';
import { infraEnv, TestLocksModule, waitFor } from '@atrium/testing';
import { EarningModule } from '../src/earning/earning.module';

interface RuleSetView {
  version: number;
  effectiveFrom: string;
  createdBy: string;
  createdAt: string;
  currency: string;
  baseRate: { points: number; perAmountMinor: number };
  rounding: string;
  tierMultipliers: Record<string, number>;
  campaigns: { id: string; from: string; to: string; weekdays?: number[]; multiplierPermille?: number }[];
  maxPointsPerPurchase?: number;
  maxPointsPerDay?: number;
  status: string;
  approval?: { by: string; at: string };
  rejection?: { by: string; at: string; reason: string };
}

const AUTHOR = { 'x-atrium-staff': 'specialist.li', 'x-atrium-roles': 'specialist' };
const SUPERVISOR = { 'x-atrium-staff': 'supervisor.wong', 'x-atrium-roles': 'supervisor' };

interface Answer {
  status: number;
  contentType: string;
  json: unknown;
}

/** The earning-rules API on the real FerretDB, in a database of its own that is dropped afterwards. */
class EarningRulesApp {
  private app?: INestApplication;
  private baseUrl = '';

  constructor(readonly databaseName = `atrium_test_earning_${randomUUID().slice(0, 8)}`) {}

  async start(): Promise<this> {
    const logger = createLogger('t', 'error');
    @Module({
      imports: [
        ObservabilityModule.forRoot(logger, new Metrics('t')),
        MongooseModule.forRoot(infraEnv().mongoUrl, { dbName: this.databaseName }),
        TestLocksModule.forRoot(infraEnv().redisUrl),
        EarningModule,
      ],
    })
    class TestModule {}
    this.app = await NestFactory.create(TestModule, { logger: false });
    this.app.useGlobalFilters(new ProblemDetailsFilter(logger));
    this.app.useGlobalPipes(requestValidationPipe());
    await this.app.listen(0, '127.0.0.1');
    this.baseUrl = await this.app.getUrl();
    return this;
  }

  async call(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', json: await response.json() };
  }

  async versions(): Promise<number[]> {
    const answer = await this.call('GET', '/earning-rules');
    expect(answer.status).toBe(200);
    return (answer.json as RuleSetView[]).map((ruleSet) => ruleSet.version);
  }

  async currentVersion(): Promise<number> {
    const answer = await this.call('GET', '/earning-rules/current');
    expect(answer.status).toBe(200);
    return (answer.json as RuleSetView).version;
  }

  /** Stops the app; with `drop`, removes its database too. */
  async stop(drop: boolean): Promise<void> {
    if (!this.app) return;
    if (drop) await this.app.get<Connection>(getConnectionToken()).dropDatabase();
    await this.app.close();
  }
}

/** Waits until the clock passes `time` (an effectiveFrom plus the rules cache's lifetime). */
async function untilPast(time: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));
}

/** A consistent proposal starting `aheadMs` from now (the service asks for a few seconds' lead). */
function proposal(aheadMs: number): Record<string, unknown> {
  return {
    effectiveFrom: new Date(Date.now() + aheadMs).toISOString(),
    currency: 'CNY',
    baseRate: { points: 1, perAmountMinor: 100 },
    rounding: 'round-half-up',
    tierMultipliers: { GOLD: 1500, VIP: 2000 },
    categoryMultipliers: { dining: 1500 },
    excludedCategories: ['tobacco'],
    campaigns: [
      { id: 'member-day', name: '會員日雙倍積分', from: '2025-01-01T00:00:00+08:00', to: '2030-01-01T00:00:00+08:00', weekdays: [3], multiplierPermille: 2000 },
    ],
    maxPointsPerPurchase: 5000,
    maxPointsPerDay: 20000,
  };
}

describe('earning rules API (versions on the real database)', () => {
  let api: EarningRulesApp;

  beforeAll(async () => {
    api = await new EarningRulesApp().start();
  });

  afterAll(async () => {
    await api?.stop(true);
  });

  it('starts a fresh system with version 1: 1 point per yuan in CNY, rounded down, since the epoch', async () => {
    const listed = await api.call('GET', '/earning-rules');
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual([
      expect.objectContaining({
        version: 1,
        effectiveFrom: '1970-01-01T00:00:00.000Z',
        createdBy: 'system',
        currency: 'CNY',
        baseRate: { points: 1, perAmountMinor: 100 },
        rounding: 'floor',
        tierMultipliers: {},
        excludedTenants: [],
        campaigns: [],
      }),
    ]);
    expect(await api.currentVersion()).toBe(1);
  });

  it('does not add a second default when another instance starts on the same database', async () => {
    const twin = await new EarningRulesApp(api.databaseName).start();
    try {
      expect(await twin.versions()).toEqual([1]);
    } finally {
      await twin.stop(false);
    }
  });

  it('refuses contradictory rules with a 400 problem naming every field, and stores nothing', async () => {
    const answer = await api.call('POST', '/earning-rules', {
      ...proposal(60_000),
      tenantMultipliers: { 'T-FOOD': 2000 },
      excludedTenants: ['T-FOOD'],
      campaigns: [{ id: 'spring', name: 'Spring', from: '2025-04-01T00:00:00+08:00', to: '2025-03-01T00:00:00+08:00', multiplierPermille: 2000, extraPoints: 10 }],
      maxPointsPerPurchase: 30000,
      maxPointsPerDay: 20000,
    }, AUTHOR);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ status: 400, code: 'earning.rules-invalid' });
    const fields = (answer.json as { errors: { field: string; message: string }[] }).errors.map((error) => error.field);
    expect(fields).toEqual([
      'excludedTenants.0',
      'tenantMultipliers.T-FOOD',
      'campaigns.0.to',
      'campaigns.0.multiplierPermille',
      'campaigns.0.extraPoints',
      'maxPointsPerPurchase',
    ]);
    expect(await api.versions()).toEqual([1]);
  });

  it('refuses a back-dated version and a malformed body, naming the fields', async () => {
    const backDated = await api.call('POST', '/earning-rules', proposal(-60_000), AUTHOR);
    expect(backDated.status).toBe(400);
    expect(backDated.json).toMatchObject({ code: 'earning.rules-invalid', errors: [{ field: 'effectiveFrom' }] });

    const { baseRate: _missing, ...withoutBaseRate } = proposal(60_000);
    const malformed = await api.call('POST', '/earning-rules', {
      ...withoutBaseRate,
      campaigns: [{ id: 'x', name: 'x', from: '2025-04-01', to: '2025-05-01T00:00:00+08:00', extraPoints: 1.5 }],
    }, AUTHOR);
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toMatch(/^application\/problem\+json/);
    const fields = (malformed.json as { errors: { field: string }[] }).errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['baseRate', 'campaigns.0.from', 'campaigns.0.extraPoints']));
    expect(await api.versions()).toEqual([1]);
  });

  it('stores a valid proposal as version 2, submitted: it prices nothing until a supervisor other than its author approves it', async () => {
    const body = proposal(6_000);
    const created = await api.call('POST', '/earning-rules', body, AUTHOR);
    expect(created.status).toBe(201);
    const saved = created.json as RuleSetView;
    expect(saved).toMatchObject({
      version: 2,
      status: 'submitted',
      createdBy: 'specialist.li',
      effectiveFrom: body.effectiveFrom,
      rounding: 'round-half-up',
      tierMultipliers: { GOLD: 1500, VIP: 2000 },
      maxPointsPerPurchase: 5000,
      maxPointsPerDay: 20000,
    });
    expect(saved.approval).toBeUndefined();
    expect(saved.campaigns).toEqual([
      { id: 'member-day', name: '會員日雙倍積分', from: '2024-12-31T16:00:00.000Z', to: '2029-12-31T16:00:00.000Z', weekdays: [3], multiplierPermille: 2000 },
    ]);
    expect(await api.versions()).toEqual([2, 1]);

    // Past its effectiveFrom (and the service's cache), the submitted version is still not in effect.
    await untilPast(Date.parse(saved.effectiveFrom) + 5_500);
    expect(await api.currentVersion()).toBe(1);

    const byAuthor = await api.call('POST', '/earning-rules/2/approve', undefined, { ...AUTHOR, 'x-atrium-roles': 'supervisor' });
    expect(byAuthor.status).toBe(403);
    expect(byAuthor.contentType).toMatch(/^application\/problem\+json/);
    expect(byAuthor.json).toMatchObject({ code: 'earning.own-version' });
    const bySpecialist = await api.call('POST', '/earning-rules/2/approve', undefined, { 'x-atrium-staff': 'specialist.chan', 'x-atrium-roles': 'specialist' });
    expect(bySpecialist.status).toBe(403);
    expect(bySpecialist.json).toMatchObject({ code: 'earning.approver-role-required' });
    expect((await api.call('POST', '/earning-rules/2/approve')).status).toBe(401);
    expect(await api.currentVersion()).toBe(1);

    const approved = await api.call('POST', '/earning-rules/2/approve', undefined, SUPERVISOR);
    expect(approved.status).toBe(200);
    const approvedView = approved.json as RuleSetView;
    expect(approvedView).toMatchObject({ version: 2, status: 'approved', createdBy: 'specialist.li', approval: { by: 'supervisor.wong' } });
    // Its effectiveFrom had passed: it starts a few seconds after the approval instead, never back-dated.
    expect(Date.parse(approvedView.effectiveFrom)).toBeGreaterThan(Date.parse(approvedView.approval?.at ?? ''));
    await waitFor('version 2 to be current', async () => ((await api.currentVersion()) === 2 ? true : undefined), 20_000);

    const again = await api.call('POST', '/earning-rules/2/approve', undefined, { 'x-atrium-staff': 'supervisor.ho', 'x-atrium-roles': 'supervisor' });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'earning.version-not-submitted' });
    const history = (await api.call('GET', '/earning-rules/2')).json as RuleSetView;
    expect(history).toMatchObject({ status: 'approved', createdBy: 'specialist.li', approval: { by: 'supervisor.wong' } });
  });

  it('keeps a rejected version out of effect for good, with who rejected it and why', async () => {
    const created = await api.call('POST', '/earning-rules', proposal(6_000), AUTHOR);
    expect(created.status).toBe(201);
    const { version } = created.json as RuleSetView;
    const currentBefore = await api.currentVersion();

    const noReason = await api.call('POST', `/earning-rules/${version}/reject`, {}, SUPERVISOR);
    expect(noReason.status).toBe(400);
    expect((noReason.json as { errors: { field: string }[] }).errors.map((error) => error.field)).toContain('reason');

    const rejected = await api.call('POST', `/earning-rules/${version}/reject`, { reason: '預算不足 over budget' }, SUPERVISOR);
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({ version, status: 'rejected', rejection: { by: 'supervisor.wong', reason: '預算不足 over budget' } });
    expect((await api.call('POST', `/earning-rules/${version}/approve`, undefined, { 'x-atrium-staff': 'supervisor.ho', 'x-atrium-roles': 'supervisor' })).status).toBe(409);

    await untilPast(Date.parse((created.json as RuleSetView).effectiveFrom) + 5_500);
    expect(await api.currentVersion()).toBe(currentBefore);
  });

  it('numbers proposals saved at the same time one after another, and refuses one with no staff member named (401)', async () => {
    const before = await api.versions();
    const currentBefore = await api.currentVersion();
    const anonymous = await api.call('POST', '/earning-rules', proposal(60_000));
    expect(anonymous.status).toBe(401);
    expect(anonymous.contentType).toMatch(/^application\/problem\+json/);
    expect(await api.versions()).toEqual(before);

    const answers = await Promise.all([60_000, 61_000, 62_000].map((aheadMs) => api.call('POST', '/earning-rules', proposal(aheadMs), AUTHOR)));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const saved = answers.map((answer) => answer.json as RuleSetView);
    const top = before[0];
    expect(saved.map((ruleSet) => ruleSet.version).sort((a, b) => a - b)).toEqual([top + 1, top + 2, top + 3]);
    expect(saved.map((ruleSet) => ruleSet.status)).toEqual(['submitted', 'submitted', 'submitted']);
    expect(await api.versions()).toEqual([top + 3, top + 2, top + 1, ...before]);
    expect(await api.currentVersion()).toBe(currentBefore);
  });
});
