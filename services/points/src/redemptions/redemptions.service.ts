import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccountNotFoundError } from '../accounts/account.errors';
import { AccountsRepository, type AccountForPosting, type PostingDecision } from '../accounts/accounts.repository';
import { localDayKey } from '../earning/local-time';
import { redemptionCancelEntryId, redemptionEntryId } from '../ledger/ledger-entry.entity';
import { LedgerRepository } from '../ledger/ledger.repository';
import { parseLicencePlate, PLATE_FORMATS_HINT } from '../rewards/licence-plate';
import { hoursRefusal } from '../rewards/parking-rules';
import { periodBounds } from '../rewards/period-bounds';
import type { Reward } from '../rewards/reward.entity';
import { RewardNotFoundError } from '../rewards/reward.errors';
import { availabilityRefusal, effectiveTier, limitRefusal, pointsRefusal, tierRefusal, type Refusal } from '../rewards/reward-rules';
import { RewardsRepository } from '../rewards/rewards.repository';
import { newRedemptionCode } from './redemption-code';
import { cancellationEntryOf, redemptionEntryOf } from './redemption-entries';
import type { CancelReason, ParkingGrant, Redemption, RedemptionCancellation } from './redemption.entity';
import {
  PlateFormatError,
  RedemptionMemberFrozenError,
  RedemptionMemberUnknownError,
  RedemptionNotFoundError,
  refusalError,
  ReservationNotYoursError,
  ReservationStateError,
} from './redemption.errors';
import { RedemptionEvents } from './redemption-events';
import { cancelRefusal, redemptionPoints, requestRefusal, reservationRefusal } from './redemption-rules';
import { REDEMPTION_SETTINGS, type RedemptionSettings } from './redemption-settings';
import { RedemptionsRepository, type RedemptionFilter } from './redemptions.repository';
import { RewardResources } from './reward-resources';

export interface RedeemRequest {
  readonly memberId: string;
  readonly rewardId: string;
  readonly location?: string;
  readonly quantity?: number;
  readonly plate?: string;
  readonly hours?: number;
}

/** Who redeems: desk staff for a member, or the shopper reserving online. */
export type Redeemer = { readonly channel: 'desk'; readonly staffId: string } | { readonly channel: 'online' };

/** Who gives a redemption back, and in whose name. */
export type Canceller =
  | { readonly reason: 'staff'; readonly staffId: string; readonly note?: string }
  | { readonly reason: 'shopper'; readonly memberId: string }
  | { readonly reason: 'reservation-expired' };

const CODE_ATTEMPTS = 5;

/**
 * Redemption of rewards for points (積分換禮, 停車優惠), at the desk or reserved online. Points
 * and the reward's stock are taken together or not at all, in this order, all while the
 * member's account lock is held (so the member's balance and limits cannot change meanwhile):
 * the checks; under the stock's own lock, the stock check, the redemption's insert (its
 * recovery marker, step `take`) and the stock's change; the ledger entry; the account's
 * balances with the `points.redeemed` event. A refusal anywhere before the insert leaves
 * nothing behind. A process that stops in between leaves the marker, and
 * RedemptionRecoveryService completes the redemption or undoes it. Cancellation and expiry
 * give both back the same way, once (step `return`).
 */
@Injectable()
export class RedemptionsService {
  constructor(
    private readonly redemptions: RedemptionsRepository,
    private readonly rewards: RewardsRepository,
    private readonly accounts: AccountsRepository,
    private readonly ledger: LedgerRepository,
    private readonly resources: RewardResources,
    private readonly events: RedemptionEvents,
    @Inject(REDEMPTION_SETTINGS) private readonly settings: RedemptionSettings,
  ) {}

  async redeem(request: RedeemRequest, by: Redeemer, now = new Date()): Promise<Redemption> {
    const reward = await this.rewards.findById(request.rewardId);
    if (!reward) throw new RewardNotFoundError(request.rewardId);
    refuseIf(requestRefusal(reward, request));
    if (by.channel === 'online') refuseIf(reservationRefusal(reward));
    const parking = reward.kind === 'parking' ? this.parkingGrant(reward, request, now) : undefined;
    refuseIf(availabilityRefusal(reward, now));
    const quantity = reward.kind === 'parking' ? 1 : (request.quantity ?? 1);
    const points = redemptionPoints(reward, quantity, parking?.hours);
    const id = randomUUID();
    await this.resources.refuseIfGone(reward, request.location, quantity);

    const decide = async (account: AccountForPosting): Promise<PostingDecision<Redemption>> => {
      if (account.frozen) throw new RedemptionMemberFrozenError(account.memberId);
      refuseIf(tierRefusal(reward, effectiveTier(account.tier, this.settings.baseTier)));
      if (reward.limit) {
        const { start, end } = periodBounds(now, reward.limit.period, this.settings.timeZone);
        refuseIf(limitRefusal(reward.limit, await this.redemptions.unitsInPeriod(account.memberId, reward.id, start, end), quantity));
      }
      refuseIf(pointsRefusal(points, account.available));
      let redemption: Redemption = {
        id,
        code: '',
        channel: by.channel,
        status: 'processing',
        memberId: account.memberId,
        rewardId: reward.id,
        rewardName: reward.name,
        rewardKind: reward.kind,
        funding: reward.funding,
        ...(request.location ? { location: request.location } : {}),
        quantity,
        pointsPrice: reward.pointsPrice,
        points,
        ...(parking ? { parking } : {}),
        availableAfter: account.available - points,
        createdAt: now,
        ...(by.channel === 'desk' ? { staffId: by.staffId } : { expiresAt: new Date(now.getTime() + this.settings.reservationHoldMs) }),
        entryId: redemptionEntryId(id),
      };
      const voucherCodes = await this.resources.take(redemption, reward.maxHoursPerDay, async () => {
        redemption = await this.insertWithNewCode(redemption);
      });
      const entry = redemptionEntryOf(redemption);
      await this.ledger.insertOne(entry);
      const event = this.events.redeemed(redemption, { available: account.available - points, pending: account.pending });
      return { item: { entry, event }, result: { ...redemption, ...(voucherCodes ? { voucherCodes } : {}) } };
    };

    let taken: Redemption;
    try {
      ({ result: taken } = await this.accounts.postDecided(request.memberId, decide));
    } catch (error) {
      if (error instanceof AccountNotFoundError) throw new RedemptionMemberUnknownError(request.memberId);
      throw error;
    }
    return this.finishTake(taken, now);
  }

  /** Gives a redemption's points and stock back, once; refused outside the cancellation window. */
  async cancel(redemptionId: string, by: Canceller, now = new Date()): Promise<Redemption> {
    const found = await this.redemptions.findById(redemptionId);
    if (!found) throw new RedemptionNotFoundError(redemptionId);
    if (by.reason === 'shopper' && (found.memberId !== by.memberId || found.channel !== 'online')) throw new ReservationNotYoursError(redemptionId);
    const { result } = await this.accounts.postDecided(found.memberId, async (account) => {
      const current = (await this.redemptions.findById(redemptionId))!;
      if (by.reason === 'reservation-expired') {
        // The sweep (or a late collection): only a reservation still held and past its time.
        if (current.status !== 'reserved' || !current.expiresAt || current.expiresAt.getTime() > now.getTime()) return { result: undefined };
      } else {
        refuseIf(cancelRefusal(current, now, this.settings.cancelWindowMs));
        if (by.reason === 'shopper' && current.status !== 'reserved') {
          throw new ReservationStateError('reservation.not-reserved', `The reservation is ${current.status}: only a reservation not yet collected can be cancelled online.`, [{ field: 'redemptionId', message: `is ${current.status}` }], { redemptionStatus: current.status });
        }
      }
      const cancellation: RedemptionCancellation = {
        at: now,
        reason: by.reason,
        ...(by.reason === 'staff' ? { staffId: by.staffId, ...(by.note ? { note: by.note } : {}) } : {}),
      };
      const returning: Redemption = { ...current, cancellation, cancelEntryId: redemptionCancelEntryId(current.id) };
      await this.redemptions.update(current.id, { cancellation, cancelEntryId: returning.cancelEntryId }, 'return', now);
      return this.giveBack(returning, account);
    });
    if (!result) return (await this.redemptions.findById(redemptionId))!;
    return this.finishReturn(result, now);
  }

  /** Hands a reserved gift over at the desk; a reservation past its time is expired instead. */
  async collect(redemptionId: string, staffId: string, location: string | undefined, now = new Date()): Promise<Redemption> {
    const found = await this.redemptions.findById(redemptionId);
    if (!found) throw new RedemptionNotFoundError(redemptionId);
    if (found.channel !== 'online') {
      throw new ReservationStateError('reservation.not-a-reservation', `Redemption ${found.code} was made at a desk; there is nothing to collect.`, [{ field: 'redemptionId', message: 'is not a reservation' }]);
    }
    const { result } = await this.accounts.postDecided<Redemption | 'expired'>(found.memberId, async () => {
      const current = (await this.redemptions.findById(redemptionId))!;
      if (current.status === 'reserved' && current.expiresAt && current.expiresAt.getTime() <= now.getTime()) return { result: 'expired' };
      if (current.status !== 'reserved') {
        throw new ReservationStateError('reservation.not-reserved', `The reservation is ${current.status}; it cannot be collected.`, [{ field: 'redemptionId', message: `is ${current.status}` }], { redemptionStatus: current.status });
      }
      if (location && current.location && location !== current.location) {
        throw new ReservationStateError('reservation.wrong-location', `The reservation is held at ${current.location}, not ${location}.`, [{ field: 'location', message: `the gift is held at ${current.location}` }], { location: current.location });
      }
      const collected: Redemption = { ...current, status: 'collected', collectedAt: now, collectedBy: staffId };
      await this.redemptions.update(current.id, { status: 'collected', collectedAt: now, collectedBy: staffId }, undefined, now);
      return { result: collected };
    });
    if (result === 'expired') {
      await this.cancel(redemptionId, { reason: 'reservation-expired' }, now);
      throw new ReservationStateError('reservation.expired', `The reservation expired at ${found.expiresAt!.toISOString()}; its points and stock went back.`, [{ field: 'redemptionId', message: 'has expired' }], { expiresAt: found.expiresAt!.toISOString() });
    }
    return result;
  }

  async get(redemptionId: string): Promise<Redemption> {
    const redemption = await this.redemptions.findById(redemptionId);
    if (!redemption) throw new RedemptionNotFoundError(redemptionId);
    return redemption;
  }

  async list(filter: RedemptionFilter): Promise<Redemption[]> {
    return this.redemptions.list(filter);
  }

  /**
   * The account's side of giving back, under its lock: the stock back to its desk (a voucher's
   * codes voided), the reversing ledger entry, and the `points.redemption-cancelled` event with it.
   */
  async giveBack(redemption: Redemption, account: AccountForPosting): Promise<PostingDecision<Redemption>> {
    const cancellation = redemption.cancellation!;
    await this.resources.giveBack(redemption, cancellation.at);
    const entry = cancellationEntryOf(redemption, cancellation);
    await this.ledger.insertOne(entry);
    const event = this.events.cancelled(redemption, cancellation, { available: account.available + redemption.points, pending: account.pending });
    return { item: { entry, event }, result: redemption };
  }

  /** After the account holds the entry: the redemption's status, then the entry's applied mark (the sweep trims the stock's record). */
  async finishTake(redemption: Redemption, now: Date): Promise<Redemption> {
    const status = redemption.channel === 'online' ? 'reserved' : 'completed';
    const voucherCodes = redemption.rewardKind === 'voucher' ? await this.resources.voucherCodesOf(redemption) : undefined;
    await this.redemptions.update(redemption.id, { status, ...(voucherCodes ? { voucherCodes } : {}) }, undefined, now);
    await this.confirm(redemption, redemption.entryId);
    return { ...redemption, status, ...(voucherCodes ? { voucherCodes } : {}) };
  }

  async finishReturn(redemption: Redemption, now: Date): Promise<Redemption> {
    const status = statusAfter(redemption.cancellation!.reason);
    await this.redemptions.update(redemption.id, { status }, undefined, now);
    await this.confirm(redemption, redemption.cancelEntryId!);
    return { ...redemption, status };
  }

  /** As adjustments do: the entry's applied mark, then the account forgets its id. */
  private async confirm(redemption: Redemption, entryId: string): Promise<void> {
    await this.ledger.markApplied([entryId]);
    const entry = entryId === redemption.entryId ? redemptionEntryOf(redemption) : cancellationEntryOf(redemption, redemption.cancellation!);
    await this.accounts.forgetConfirmed([{ memberId: redemption.memberId, items: [{ entry }] }]);
  }

  private parkingGrant(reward: Reward, request: RedeemRequest, now: Date): ParkingGrant {
    const plate = parseLicencePlate(request.plate!);
    if (!plate) throw new PlateFormatError(PLATE_FORMATS_HINT);
    refuseIf(hoursRefusal(request.hours!, reward.maxHoursPerDay!));
    return { plate: plate.plate, region: plate.region, hours: request.hours!, day: localDayKey(now, this.settings.timeZone) };
  }

  /** Inserts the redemption with a fresh code, drawing again in the rare case the code is taken. */
  private async insertWithNewCode(redemption: Redemption): Promise<Redemption> {
    for (let attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
      const coded = { ...redemption, code: newRedemptionCode() };
      if (await this.redemptions.insertTaking(coded)) return coded;
    }
    throw new Error(`no free redemption code after ${CODE_ATTEMPTS} attempts`);
  }
}

export function statusAfter(reason: CancelReason): 'cancelled' | 'expired' {
  return reason === 'reservation-expired' ? 'expired' : 'cancelled';
}

function refuseIf(refusal: Refusal | undefined): void {
  if (refusal) throw refusalError(refusal);
}
