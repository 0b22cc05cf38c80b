/** The rules of a redemption itself, pure: what a request must carry, what it costs, when it may be cancelled. */
import type { Refusal } from '../rewards/reward-rules';
import type { Reward } from '../rewards/reward.entity';
import type { Redemption } from './redemption.entity';

export interface RedemptionRequestFields {
  readonly location?: string;
  readonly quantity?: number;
  readonly plate?: string;
  readonly hours?: number;
}

/** Fields a reward's kind needs or forbids: a gift's desk; a parking reward's plate and hours. */
export function requestRefusal(reward: Reward, request: RedemptionRequestFields): Refusal | undefined {
  const invalid = (field: string, message: string, code = 'redemption.field-invalid'): Refusal => ({ code, status: 'invalid', field, message });
  if (reward.kind === 'gift' && !request.location) return invalid('location', 'is required: the desk whose stock the gift comes from');
  if (reward.kind === 'parking') {
    if (request.plate === undefined) return invalid('plate', 'is required for parking');
    if (request.hours === undefined) return invalid('hours', 'is required for parking');
    if (request.quantity !== undefined && request.quantity !== 1) return invalid('quantity', 'must be 1 for parking (ask for more hours instead)');
    return undefined;
  }
  if (request.plate !== undefined) return invalid('plate', `is only for parking rewards, not a ${reward.kind}`);
  if (request.hours !== undefined) return invalid('hours', `is only for parking rewards, not a ${reward.kind}`);
  return undefined;
}

/** Online reservations hold a gift at a desk for collection; vouchers and parking are redeemed at once. */
export function reservationRefusal(reward: Reward): Refusal | undefined {
  if (reward.kind === 'gift') return undefined;
  return { code: 'reservation.not-reservable', status: 'invalid', field: 'rewardId', message: `a ${reward.kind} reward cannot be reserved: only gifts are collected at a desk` };
}

/** The points a redemption takes: the price per unit, or per hour for parking. */
export function redemptionPoints(reward: Reward, quantity: number, hours: number | undefined): number {
  return reward.pointsPrice * (reward.kind === 'parking' ? (hours ?? 0) : quantity);
}

/** Until when staff may cancel a redemption made at the desk or collected; undefined when no window applies. */
export function cancellableUntil(redemption: Redemption, windowMs: number): Date | undefined {
  if (redemption.status === 'completed') return new Date(redemption.createdAt.getTime() + windowMs);
  if (redemption.status === 'collected' && redemption.collectedAt) return new Date(redemption.collectedAt.getTime() + windowMs);
  return undefined;
}

/**
 * Why a redemption may not be cancelled now, or undefined. A reservation may be cancelled until
 * it is collected; a desk redemption (or a collected reservation) within the window only.
 */
export function cancelRefusal(redemption: Redemption, now: Date, windowMs: number): Refusal | undefined {
  const conflict = (code: string, message: string, details: Record<string, unknown> = {}): Refusal => ({
    code,
    status: 'conflict',
    field: 'redemptionId',
    message,
    details: { redemptionStatus: redemption.status, ...details },
  });
  switch (redemption.status) {
    case 'processing':
      return conflict('redemption.in-progress', 'the redemption is still being made; try again in a moment');
    case 'cancelled':
    case 'expired':
      return conflict('redemption.already-cancelled', `the redemption was ${redemption.status} already; its points went back then`, {
        ...(redemption.cancellation ? { cancelledAt: redemption.cancellation.at.toISOString() } : {}),
      });
    case 'failed':
      return conflict('redemption.failed', 'the redemption did not complete: nothing was taken');
    case 'reserved':
      return undefined;
    case 'completed':
    case 'collected': {
      const until = cancellableUntil(redemption, windowMs)!;
      if (now.getTime() <= until.getTime()) return undefined;
      const minutes = Math.round(windowMs / 60_000);
      return conflict('redemption.cancel-window-passed', `a redemption may be cancelled within ${minutes} minutes; this one could be until ${until.toISOString()}`, {
        cancelWindowMinutes: minutes,
        cancellableUntil: until.toISOString(),
      });
    }
  }
}
