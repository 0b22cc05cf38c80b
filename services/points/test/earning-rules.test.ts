import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ProblemDetailsFilter, requestValidationPipe } from '@atrium/http-problem';
import { createLogger, Metrics, ObservabilityModule } from '@atrium/observability';
import { infraEnv, waitFor } from '@atrium/testing';
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
}

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
    });
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
    const backDated = await api.call('POST', '/earning-rules', proposal(-60_000));
    expect(backDated.status).toBe(400);
    expect(backDated.json).toMatchObject({ code: 'earning.rules-invalid', errors: [{ field: 'effectiveFrom' }] });

    const { baseRate: _missing, ...withoutBaseRate } = proposal(60_000);
    const malformed = await api.call('POST', '/earning-rules', {
      ...withoutBaseRate,
      campaigns: [{ id: 'x', name: 'x', from: '2025-04-01', to: '2025-05-01T00:00:00+08:00', extraPoints: 1.5 }],
    });
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toMatch(/^application\/problem\+json/);
    const fields = (malformed.json as { errors: { field: string }[] }).errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['baseRate', 'campaigns.0.from', 'campaigns.0.extraPoints']));
    expect(await api.versions()).toEqual([1]);
  });

  it('stores a valid proposal as version 2, which becomes current at its effectiveFrom', async () => {
    const body = proposal(6_000);
    const created = await api.call('POST', '/earning-rules', body, { 'x-atrium-staff': 'supervisor.wong' });
    expect(created.status).toBe(201);
    const saved = created.json as RuleSetView;
    expect(saved).toMatchObject({
      version: 2,
      createdBy: 'supervisor.wong',
      effectiveFrom: body.effectiveFrom,
      rounding: 'round-half-up',
      tierMultipliers: { GOLD: 1500, VIP: 2000 },
      maxPointsPerPurchase: 5000,
      maxPointsPerDay: 20000,
    });
    expect(saved.campaigns).toEqual([
      { id: 'member-day', name: '會員日雙倍積分', from: '2024-12-31T16:00:00.000Z', to: '2029-12-31T16:00:00.000Z', weekdays: [3], multiplierPermille: 2000 },
    ]);
    expect(await api.versions()).toEqual([2, 1]);

    const effectiveFrom = Date.parse(saved.effectiveFrom);
    expect(await api.currentVersion()).toBe(1);
    await waitFor('version 2 to be current', async () => ((await api.currentVersion()) === 2 ? true : undefined), 15_000);
    expect(Date.now()).toBeGreaterThanOrEqual(effectiveFrom);
  });

  it('numbers proposals saved at the same time one after another, and records "unknown" without a staff header', async () => {
    const before = await api.versions();
    const currentBefore = await api.currentVersion();
    const answers = await Promise.all([60_000, 61_000, 62_000].map((aheadMs) => api.call('POST', '/earning-rules', proposal(aheadMs))));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const saved = answers.map((answer) => answer.json as RuleSetView);
    const top = before[0];
    expect(saved.map((ruleSet) => ruleSet.version).sort((a, b) => a - b)).toEqual([top + 1, top + 2, top + 3]);
    expect(saved.map((ruleSet) => ruleSet.createdBy)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(await api.versions()).toEqual([top + 3, top + 2, top + 1, ...before]);
    // They start in a minute: what is in effect now has not changed.
    expect(await api.currentVersion()).toBe(currentBefore);
  });
});
