import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import type { Balances } from '../accounts/account.entity';
import { AccountNotFoundError } from '../accounts/account.errors';
import { AccountsRepository, type AccountForPosting } from '../accounts/accounts.repository';
import { adjustmentEntryId, type LedgerEntry } from '../ledger/ledger-entry.entity';
import { LedgerRepository } from '../ledger/ledger.repository';
import type { StaffCaller } from '../staff/staff-caller';
import { StaffRoleRequiredError, StaffUnknownError } from '../staff/staff.errors';
import type { Adjustment } from './adjustment.entity';
import { AdjustmentExceedsAvailableError, AdjustmentMemberUnknownError, AdjustmentNotFoundError, AdjustmentTooLargeError } from './adjustment.errors';
import { ADJUSTING_ROLES, applyDeltas, checkAdjustment, deltasOf } from './adjustment-rules';
import { ADJUSTMENT_SETTINGS, type AdjustmentSettings } from './adjustment-settings';
import { AdjustmentsRepository } from './adjustments.repository';

export interface AdjustmentRequest {
  readonly memberId: string;
  readonly points: number;
  readonly reason: string;
  readonly reference?: string;
}

/**
 * Staff adjustments (積分調整), by supervisors only. The balance is read, checked, audited,
 * written to the ledger and posted while the account's lock is held, so a debit can never
 * overdraw through a concurrent change. The audit record is written first: a ledger entry
 * never exists without it, and one whose entry a stopped process did not post is finished at
 * the next start.
 */
@Injectable()
export class AdjustmentsService implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    private readonly adjustments: AdjustmentsRepository,
    private readonly accounts: AccountsRepository,
    private readonly ledger: LedgerRepository,
    @Inject(ADJUSTMENT_SETTINGS) private readonly settings: AdjustmentSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'adjustments' });
  }

  onApplicationBootstrap(): void {
    this.finishInterrupted().then(
      (finished) => {
        if (finished > 0) this.log.info({ finished }, 'finished adjustments interrupted by a stop');
      },
      (error: unknown) => this.log.warn({ err: error }, 'could not finish interrupted adjustments; will try at the next start'),
    );
  }

  async adjust(request: AdjustmentRequest, caller: StaffCaller): Promise<Adjustment> {
    const staffId = caller.staffId;
    if (!staffId) throw new StaffUnknownError();
    if (!caller.roles.some((role) => ADJUSTING_ROLES.includes(role))) throw new StaffRoleRequiredError('adjustment.supervisor-only', 'adjust points', ADJUSTING_ROLES);
    const id = randomUUID();
    const decide = async (account: AccountForPosting) => {
      const refusal = checkAdjustment(request.points, account.available, this.settings.maxPoints);
      if (refusal?.code === 'adjustment.points-too-large') throw new AdjustmentTooLargeError(refusal.limit);
      if (refusal?.code === 'adjustment.exceeds-available') throw new AdjustmentExceedsAvailableError(request.points, refusal.available);
      const before = balancesOf(account);
      const adjustment: Adjustment = {
        id,
        memberId: request.memberId,
        points: request.points,
        reason: request.reason,
        ...(request.reference ? { reference: request.reference } : {}),
        staffId,
        // Taken under the lock, so the audit's order is the order the balances changed in.
        at: new Date(),
        before,
        after: applyDeltas(before, deltasOf(request.points)),
        entryId: adjustmentEntryId(id),
      };
      await this.adjustments.insert(adjustment);
      const entry = entryOf(adjustment);
      await this.ledger.insertOne(entry);
      return { item: { entry }, result: adjustment };
    };
    let adjustment: Adjustment;
    try {
      ({ result: adjustment } = await this.accounts.postDecided(request.memberId, decide));
    } catch (error) {
      if (error instanceof AccountNotFoundError) throw new AdjustmentMemberUnknownError(request.memberId);
      throw error;
    }
    await this.confirm(adjustment);
    return adjustment;
  }

  async get(id: string): Promise<Adjustment> {
    const adjustment = await this.adjustments.findById(id);
    if (!adjustment) throw new AdjustmentNotFoundError(id);
    return adjustment;
  }

  async list(filter: { memberId?: string; limit: number }): Promise<Adjustment[]> {
    return this.adjustments.list(filter);
  }

  /** Posts the entries of audited adjustments that a stopped process left unposted; returns how many it looked at. */
  async finishInterrupted(): Promise<number> {
    const unfinished = await this.adjustments.findUnapplied();
    for (const adjustment of unfinished) {
      await this.accounts.postDecided(adjustment.memberId, async () => {
        // The audit record was written first; the entry may or may not have followed.
        let entry = await this.ledger.findById(adjustment.entryId);
        if (!entry) {
          entry = entryOf(adjustment);
          await this.ledger.insertOne(entry);
        }
        return { ...(entry.applied ? {} : { item: { entry } }), result: undefined };
      });
      await this.confirm(adjustment);
    }
    return unfinished.length;
  }

  /** As the feed does: the entry's applied mark, then the account forgets the id, then the audit says so. */
  private async confirm(adjustment: Adjustment): Promise<void> {
    await this.ledger.markApplied([adjustment.entryId]);
    await this.accounts.forgetConfirmed([{ memberId: adjustment.memberId, items: [{ entry: entryOf(adjustment) }] }]);
    await this.adjustments.markApplied(adjustment.id);
  }
}

function entryOf(adjustment: Adjustment): LedgerEntry {
  return {
    id: adjustment.entryId,
    memberId: adjustment.memberId,
    kind: 'adjustment',
    deltas: deltasOf(adjustment.points),
    cause: {
      type: 'adjustment',
      adjustmentId: adjustment.id,
      reason: adjustment.reason,
      ...(adjustment.reference ? { reference: adjustment.reference } : {}),
      staffId: adjustment.staffId,
    },
    occurredAt: adjustment.at,
    recordedAt: adjustment.at,
  };
}

function balancesOf({ available, pending, lifetimeEarned, redeemed, expired, debt }: AccountForPosting): Balances {
  return { available, pending, lifetimeEarned, redeemed, expired, debt };
}
