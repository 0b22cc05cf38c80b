import type { FieldProblem } from '@atrium/errors';
import { InvalidCostEstimateError } from './templates.errors';

/** An amount of money: integer minor units (fen, cents) of an ISO 4217 currency. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/** How many recipients get a message of how many segments (one line per language version, or per recipient). */
export interface SegmentTally {
  readonly recipients: number;
  readonly segmentsPerMessage: number;
}

export interface CostEstimate {
  readonly segments: number;
  readonly cost: Money;
}

/**
 * The segments a campaign will be billed and what they cost: segments × price per segment, in
 * integer arithmetic only. Throws an InvalidCostEstimateError naming the figure at fault when a
 * count or the price is not a whole number, is negative, or the total would exceed what can be
 * counted exactly (2^53 − 1).
 */
export function estimateCampaignCost(tallies: readonly SegmentTally[], pricePerSegment: Money): CostEstimate {
  const problems: FieldProblem[] = [];
  if (!/^[A-Z]{3}$/.test(pricePerSegment.currency)) {
    problems.push({ field: 'pricePerSegment.currency', message: 'must be an ISO 4217 code of three capital letters, e.g. CNY' });
  }
  if (!isCount(pricePerSegment.amountMinor)) {
    problems.push({ field: 'pricePerSegment.amountMinor', message: 'must be a whole number of minor units, 0 or more' });
  }
  let segments = 0;
  tallies.forEach((tally, index) => {
    if (!isCount(tally.recipients)) problems.push({ field: `tallies.${index}.recipients`, message: 'must be a whole number, 0 or more' });
    if (!isCount(tally.segmentsPerMessage)) problems.push({ field: `tallies.${index}.segmentsPerMessage`, message: 'must be a whole number, 0 or more' });
    segments += tally.recipients * tally.segmentsPerMessage;
  });
  const amountMinor = segments * pricePerSegment.amountMinor;
  if (problems.length === 0 && (!Number.isSafeInteger(segments) || !Number.isSafeInteger(amountMinor))) {
    problems.push({ field: 'tallies', message: 'give a total too large to count exactly' });
  }
  if (problems.length > 0) throw new InvalidCostEstimateError(problems);
  return { segments, cost: { amountMinor, currency: pricePerSegment.currency } };
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
