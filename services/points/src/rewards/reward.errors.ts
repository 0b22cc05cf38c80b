import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '@atrium/errors';
import type { RewardKind } from './reward.entity';

export class RewardNotFoundError extends NotFoundError {
  constructor(rewardId: string, field = 'rewardId') {
    super('reward.not-found', `No reward ${rewardId}.`, [{ field, message: 'no reward has this id' }], { rewardId });
  }
}

/** A definition whose fields contradict each other (window, parking hours, tiers). */
export class RewardDefinitionError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    super('reward.invalid', `The reward is not valid: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}.`, problems);
  }
}

export class RewardFundingTenantUnknownError extends NotFoundError {
  constructor(tenantId: string) {
    super('reward.funding-tenant-unknown', `Tenant ${tenantId} is not registered.`, [{ field: 'funding.tenantId', message: 'no tenant has this id' }], { tenantId });
  }
}

export class RewardKindChangeError extends ConflictError {
  constructor(kind: RewardKind) {
    super('reward.kind-immutable', `A ${kind} reward stays a ${kind}: create a new reward instead.`, [{ field: 'kind', message: `must stay ${kind}` }], { kind });
  }
}

/** Stock by location is for gifts; vouchers are stocked by their code pool, parking has none. */
export class RewardNotStockedError extends ConflictError {
  constructor(kind: RewardKind, what: string) {
    super('reward.not-stocked', `A ${kind} reward has no ${what}.`, [{ field: 'rewardId', message: `is a ${kind} reward` }], { kind });
  }
}

/** A staff change that would take more than the desk has. */
export class StockBelowZeroError extends ConflictError {
  constructor(change: number, quantity: number) {
    super(
      'stock.below-zero',
      `Taking ${-change} would leave the stock below zero: the desk has ${quantity}.`,
      [{ field: 'change', message: `may take at most ${quantity}` }],
      { quantity },
    );
  }
}

export class RewardMemberUnknownError extends NotFoundError {
  constructor(memberId: string) {
    super('reward.member-unknown', `No member ${memberId} has a points account.`, [{ field: 'memberId', message: 'no member has this id' }], { memberId });
  }
}
