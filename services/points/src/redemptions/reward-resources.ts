import { Injectable } from '@nestjs/common';
import { DocumentLocks } from '@atrium/document-locks';
import { dailyHoursRefusal } from '../rewards/parking-rules';
import type { Reward } from '../rewards/reward.entity';
import { RewardStockRepository } from '../rewards/reward-stock.repository';
import { VoucherCodesRepository } from '../rewards/voucher-codes.repository';
import type { Redemption } from './redemption.entity';
import { OutOfStockError, refusalError } from './redemption.errors';
import { RedemptionsRepository } from './redemptions.repository';

const PLATES = 'parking_plates';

/** The operations a gift's stock record keeps per redemption (see reward-stock.schema). */
export type StockOperation = 'take' | 'undo' | 'return';

/**
 * What a redemption takes besides points, per kind of reward, each under its own lock: a gift
 * from one desk's stock, codes from a voucher's pool, hours from a plate's day. Every method is
 * idempotent, so recovery can call it again after a stop. Locks are taken after the member's
 * account lock and never the other way round (no deadlock); each is held only for its read,
 * check and write.
 */
@Injectable()
export class RewardResources {
  constructor(
    private readonly stock: RewardStockRepository,
    private readonly codes: VoucherCodesRepository,
    private readonly redemptions: RedemptionsRepository,
    private readonly locks: DocumentLocks,
  ) {}

  /**
   * Takes the redemption's share while the resource is locked: refuses (nothing written) when
   * there is not enough, else runs `record` (the redemption's insert, the recovery marker) and
   * then takes. A voucher's codes are returned.
   */
  async take(redemption: Redemption, maxHoursPerDay: number | undefined, record: () => Promise<void>): Promise<readonly string[] | undefined> {
    const { id, rewardId, quantity } = redemption;
    switch (redemption.rewardKind) {
      case 'gift':
        return this.stock.locked(rewardId, redemption.location!, async (stock) => {
          if (stock.quantity < quantity) throw new OutOfStockError(Math.max(stock.quantity, 0), redemption.location);
          await record();
          await stock.apply(operation('take', id), -quantity);
          return undefined;
        });
      case 'voucher':
        return this.codes.locked(rewardId, async (pool) => {
          const free = await pool.free(quantity);
          if (free.length < quantity) throw new OutOfStockError(free.length);
          await record();
          await pool.handOut(free, id, redemption.createdAt);
          return pool.heldBy(id);
        });
      case 'parking': {
        const parking = redemption.parking!;
        return this.locks.withLocks(PLATES, [plateKey(rewardId, parking.plate, parking.day)], async () => {
          const used = await this.redemptions.parkingHours(rewardId, parking.plate, parking.day);
          const refusal = dailyHoursRefusal(parking.hours, maxHoursPerDay ?? 0, used);
          if (refusal) throw refusalError(refusal);
          // The redemption itself holds the hours: its insert is the take.
          await record();
          return undefined;
        });
      }
    }
  }

  /** For recovery: whether the redemption's share is held, taking it now if it is not and enough is there. */
  async ensureTaken(redemption: Redemption): Promise<boolean> {
    const { id, rewardId, quantity } = redemption;
    switch (redemption.rewardKind) {
      case 'gift':
        return this.stock.locked(rewardId, redemption.location!, async (stock) => {
          if (stock.has(operation('take', id))) return true;
          if (stock.quantity < quantity) return false;
          await stock.apply(operation('take', id), -quantity);
          return true;
        });
      case 'voucher':
        return this.codes.locked(rewardId, async (pool) => {
          const missing = quantity - (await pool.heldBy(id)).length;
          if (missing <= 0) return true;
          const free = await pool.free(missing);
          if (free.length < missing) return false;
          await pool.handOut(free, id, redemption.createdAt);
          return true;
        });
      case 'parking':
        return true;
    }
  }

  /** Undoes the share of a redemption that will not complete (nobody saw its codes). */
  async undoTake(redemption: Redemption): Promise<void> {
    const { id, rewardId, quantity } = redemption;
    switch (redemption.rewardKind) {
      case 'gift':
        await this.stock.locked(rewardId, redemption.location!, async (stock) => {
          if (stock.has(operation('take', id))) await stock.apply(operation('undo', id), quantity);
        });
        return;
      case 'voucher':
        await this.codes.locked(rewardId, (pool) => pool.release(id));
        return;
      case 'parking':
        // Its hours stop counting with its status.
        return;
    }
  }

  /** Gives back a cancelled or expired redemption's share: a gift to its desk; a voucher's codes are voided. */
  async giveBack(redemption: Redemption, at: Date): Promise<void> {
    const { id, rewardId, quantity } = redemption;
    switch (redemption.rewardKind) {
      case 'gift':
        await this.stock.locked(rewardId, redemption.location!, (stock) => stock.apply(operation('return', id), quantity));
        return;
      case 'voucher':
        await this.codes.locked(rewardId, (pool) => pool.void(id, at));
        return;
      case 'parking':
        return;
    }
  }

  /**
   * A quick refusal before any lock: not enough at the desk (or in the pool) now. Taking
   * checks again under the lock; this only spares a rush of desks after the last item went
   * the queue for a lock that could only refuse them.
   */
  async refuseIfGone(reward: Reward, location: string | undefined, quantity: number): Promise<void> {
    switch (reward.kind) {
      case 'gift': {
        const inStock = await this.stock.quantityOf(reward.id, location!);
        if (inStock < quantity) throw new OutOfStockError(Math.max(inStock, 0), location);
        return;
      }
      case 'voucher': {
        const free = await this.codes.freeCount(reward.id);
        if (free < quantity) throw new OutOfStockError(free);
        return;
      }
      case 'parking':
        return;
    }
  }

  /**
   * Lets stock records forget the operations of redemptions that have recorded their outcome
   * (the sweep does it, so the desks' rush never waits for it); returns how many it dropped.
   */
  async forgetFinished(): Promise<number> {
    let forgotten = 0;
    for (const record of await this.stock.withOperations()) {
      const finished = await this.redemptions.finishedAmong([...new Set(record.operations.map(redemptionIdOf))]);
      const done = record.operations.filter((op) => finished.has(redemptionIdOf(op)));
      if (done.length === 0) continue;
      await this.stock.forget(record.rewardId, record.location, done);
      forgotten += done.length;
    }
    return forgotten;
  }

  async voucherCodesOf(redemption: Redemption): Promise<readonly string[]> {
    return this.codes.codesOf(redemption.id);
  }
}

function operation(op: StockOperation, redemptionId: string): string {
  return `${op}:${redemptionId}`;
}

function redemptionIdOf(op: string): string {
  return op.slice(op.indexOf(':') + 1);
}

function plateKey(rewardId: string, plate: string, day: string): string {
  return `${rewardId}|${plate}|${day}`;
}
