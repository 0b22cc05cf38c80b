import { approveRuleSet, rejectRuleSet } from './earning-rule-review';
import type { EarningRuleSet } from './earning-rule-set.entity';
import { OwnRuleSetReviewError, RejectionReasonRequiredError, RuleApproverRoleRequiredError, RuleSetNotSubmittedError } from './earning.errors';
import { DEFAULT_EARNING_RULES } from './earning-rules.service';

const NOW = new Date('2025-03-01T10:00:00Z');
const LEAD_MS = 5_000;

function submitted(overrides: Partial<EarningRuleSet> = {}): EarningRuleSet {
  return { ...DEFAULT_EARNING_RULES, version: 2, createdBy: 'li.specialist', createdAt: new Date('2025-03-01T09:00:00Z'), status: 'submitted', effectiveFrom: new Date('2025-04-01T00:00:00Z'), ...overrides };
}

const supervisor = { username: 'wang.supervisor', roles: ['supervisor'] };

describe('approveRuleSet', () => {
  it('records who approved and when, keeping a future effectiveFrom', () => {
    const approved = approveRuleSet(submitted(), supervisor, NOW, LEAD_MS);
    expect(approved.status).toBe('approved');
    expect(approved.approval).toEqual({ by: 'wang.supervisor', at: NOW });
    expect(approved.effectiveFrom).toEqual(new Date('2025-04-01T00:00:00Z'));
  });

  it('moves a passed effectiveFrom to the lead time after the approval', () => {
    const approved = approveRuleSet(submitted({ effectiveFrom: new Date('2025-03-01T09:00:05Z') }), supervisor, NOW, LEAD_MS);
    expect(approved.effectiveFrom).toEqual(new Date(NOW.getTime() + LEAD_MS));
  });

  it('refuses the author, even a supervisor', () => {
    expect(() => approveRuleSet(submitted({ createdBy: 'wang.supervisor' }), supervisor, NOW, LEAD_MS)).toThrow(OwnRuleSetReviewError);
  });

  it('refuses staff who are not supervisors or admins', () => {
    expect(() => approveRuleSet(submitted(), { username: 'zhao', roles: ['specialist'] }, NOW, LEAD_MS)).toThrow(RuleApproverRoleRequiredError);
  });

  it('lets an admin approve', () => {
    expect(approveRuleSet(submitted(), { username: 'root', roles: ['admin'] }, NOW, LEAD_MS).status).toBe('approved');
  });

  it('refuses a version reviewed already', () => {
    expect(() => approveRuleSet(submitted({ status: 'approved' }), supervisor, NOW, LEAD_MS)).toThrow(RuleSetNotSubmittedError);
    expect(() => approveRuleSet(submitted({ status: 'rejected' }), supervisor, NOW, LEAD_MS)).toThrow(RuleSetNotSubmittedError);
  });
});

describe('rejectRuleSet', () => {
  it('records who rejected, when and the trimmed reason', () => {
    const rejected = rejectRuleSet(submitted(), supervisor, '  too costly  ', NOW);
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejection).toEqual({ by: 'wang.supervisor', at: NOW, reason: 'too costly' });
    expect(rejected.approval).toBeUndefined();
  });

  it('needs a reason', () => {
    expect(() => rejectRuleSet(submitted(), supervisor, '   ', NOW)).toThrow(RejectionReasonRequiredError);
  });

  it('refuses the author and a version reviewed already', () => {
    expect(() => rejectRuleSet(submitted({ createdBy: 'wang.supervisor' }), supervisor, 'no', NOW)).toThrow(OwnRuleSetReviewError);
    expect(() => rejectRuleSet(submitted({ status: 'approved' }), supervisor, 'no', NOW)).toThrow(RuleSetNotSubmittedError);
  });
});
