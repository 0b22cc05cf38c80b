import type { DocumentLocks } from '@atrium/document-locks';
import type { EarningRuleDefinition, EarningRuleProposal, EarningRuleSet } from './earning-rule-set.entity';
import { InvalidEarningRulesError } from './earning.errors';
import type { EarningRulesRepository } from './earning-rules.repository';
import { DEFAULT_EARNING_RULES, EarningRulesService, RULE_SETS_CACHE_MS, RULE_SETS_LEAD_TIME_MS } from './earning-rules.service';

const now = new Date('2025-03-01T10:00:00+08:00');

const proposal: EarningRuleProposal = {
  effectiveFrom: new Date('2025-04-01T00:00:00+08:00'),
  currency: 'CNY',
  baseRate: { points: 1, perAmountMinor: 100 },
  rounding: 'round-half-up',
  tierMultipliers: { GOLD: 1500 },
  tenantMultipliers: {},
  categoryMultipliers: {},
  excludedTenants: [],
  excludedCategories: [],
  campaigns: [],
};

const version1: EarningRuleSet = { ...DEFAULT_EARNING_RULES, version: 1, createdBy: 'system', createdAt: new Date(0), status: 'approved' };

function repositoryStub(): jest.Mocked<Pick<EarningRulesRepository, 'save' | 'saveFirst' | 'findAll'>> {
  return {
    save: jest.fn((rules, createdBy: string, createdAt: Date) => Promise.resolve<EarningRuleSet>({ ...rules, version: 2, createdBy, createdAt, status: 'submitted' })),
    saveFirst: jest.fn((_rules: EarningRuleDefinition, _createdBy: string, _createdAt: Date) => Promise.resolve<EarningRuleSet | undefined>(undefined)),
    findAll: jest.fn(() => Promise.resolve([version1])),
  };
}

// These tests propose and read; reviews (the only users of the locks) run on the real servers in test/earning-rules.test.ts.
const NO_REVIEWS = {} as DocumentLocks;

function serviceWith(repository: ReturnType<typeof repositoryStub>): EarningRulesService {
  return new EarningRulesService(repository as unknown as EarningRulesRepository, NO_REVIEWS);
}

describe('EarningRulesService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('stores a valid proposal as the next version, by whom and when', async () => {
    const repository = repositoryStub();
    const saved = await serviceWith(repository).propose(proposal, 'supervisor.wong', now);
    expect(repository.save).toHaveBeenCalledWith(proposal, 'supervisor.wong', now);
    expect(saved).toMatchObject({ version: 2, createdBy: 'supervisor.wong', createdAt: now });
  });

  it('refuses a contradictory proposal naming every field, and stores nothing', async () => {
    const repository = repositoryStub();
    const contradictory = { ...proposal, excludedCategories: ['dining'], categoryMultipliers: { dining: 2000 }, maxPointsPerPurchase: 10, maxPointsPerDay: 5 };
    const attempt = serviceWith(repository).propose(contradictory, 'supervisor.wong', now);
    await expect(attempt).rejects.toThrow(InvalidEarningRulesError);
    await expect(attempt).rejects.toMatchObject({
      code: 'earning.rules-invalid',
      fields: [{ field: 'excludedCategories.0' }, { field: 'categoryMultipliers.dining' }, { field: 'maxPointsPerPurchase' }],
    });
    expect(repository.save).not.toHaveBeenCalled();
  });

  it.each([
    ['sooner than the lead time', RULE_SETS_LEAD_TIME_MS - 1, 'refused'],
    ['exactly the lead time ahead', RULE_SETS_LEAD_TIME_MS, 'accepted'],
  ])('a version starting %s (%i ms) is %s', async (_name, aheadMs, outcome) => {
    const repository = repositoryStub();
    const attempt = serviceWith(repository).propose({ ...proposal, effectiveFrom: new Date(now.getTime() + aheadMs) }, 'x', now);
    if (outcome === 'refused') await expect(attempt).rejects.toMatchObject({ fields: [{ field: 'effectiveFrom' }] });
    else await expect(attempt).resolves.toMatchObject({ version: 2 });
  });

  it('starts a proposal without effectiveFrom as soon as allowed', async () => {
    const repository = repositoryStub();
    const { effectiveFrom: _omitted, ...withoutDate } = proposal;
    await serviceWith(repository).propose(withoutDate, 'x', now);
    expect(repository.save.mock.calls[0][0].effectiveFrom).toEqual(new Date(now.getTime() + RULE_SETS_LEAD_TIME_MS));
  });

  it('serves rule sets from memory for a few seconds, then reads again', async () => {
    const repository = repositoryStub();
    const service = serviceWith(repository);
    const clock = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    await Promise.all([service.ruleSets(), service.ruleSets()]);
    clock.mockReturnValue(1_000_000 + RULE_SETS_CACHE_MS - 1);
    expect(await service.ruleSets()).toEqual([version1]);
    expect(repository.findAll).toHaveBeenCalledTimes(1);
    clock.mockReturnValue(1_000_000 + RULE_SETS_CACHE_MS);
    await service.ruleSets();
    expect(repository.findAll).toHaveBeenCalledTimes(2);
  });

  it('reads again right after its own proposal, so this instance never serves a list without it', async () => {
    const repository = repositoryStub();
    const service = serviceWith(repository);
    jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    await service.ruleSets();
    await service.propose(proposal, 'x', now);
    await service.ruleSets();
    expect(repository.findAll).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed read', async () => {
    const repository = repositoryStub();
    repository.findAll.mockRejectedValueOnce(new Error('database away'));
    const service = serviceWith(repository);
    await expect(service.ruleSets()).rejects.toThrow('database away');
    await expect(service.ruleSets()).resolves.toEqual([version1]);
  });

  it('creates the default as version 1 by the system: 1 point per yuan in CNY, rounded down, since the epoch', async () => {
    const repository = repositoryStub();
    await serviceWith(repository).ensureDefault(now);
    expect(repository.saveFirst).toHaveBeenCalledWith(
      expect.objectContaining({ effectiveFrom: new Date(0), currency: 'CNY', baseRate: { points: 1, perAmountMinor: 100 }, rounding: 'floor', campaigns: [] }),
      'system',
      now,
    );
  });
});
