import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import { AccountsRepository, type AccountForPosting, type PostingDecision } from '../accounts/accounts.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import { redemptionEntryOf } from './redemption-entries';
import type { Redemption } from './redemption.entity';
import { RedemptionEvents } from './redemption-events';
import { RedemptionsRepository, type UnfinishedRedemption } from './redemptions.repository';
import { RedemptionsService } from './redemptions.service';
import { RewardResources } from './reward-resources';

type Outcome = { readonly kind: 'taken' | 'returned' | 'failed'; readonly redemption: Redemption } | undefined;

/**
 * Finishes redemptions a stopped process left half done (their step marker is still set), at
 * start-up and on every sweep. Under the member's account lock, from what was written:
 *
 * - `take` with its ledger entry in the account: only the bookkeeping was left; finished.
 * - `take` with its ledger entry written but not in the account: the decision was taken under
 *   the lock with enough points and the stock taken; the entry is posted (completed).
 * - `take` without a ledger entry: completed if the points are still there and the stock is
 *   held or can still be taken; otherwise whatever stock it took goes back and it is `failed`
 *   with nothing taken (the desk never had an answer for it).
 * - `return` (a cancellation or expiry under way): always finished, giving back what is missing.
 */
@Injectable()
export class RedemptionRecoveryService implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    private readonly redemptions: RedemptionsRepository,
    private readonly service: RedemptionsService,
    private readonly accounts: AccountsRepository,
    private readonly ledger: LedgerRepository,
    private readonly resources: RewardResources,
    private readonly events: RedemptionEvents,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'redemption-recovery' });
  }

  onApplicationBootstrap(): void {
    this.finishInterrupted(new Date()).then(
      (finished) => {
        if (finished > 0) this.log.info({ finished }, 'finished redemptions interrupted by a stop');
      },
      (error: unknown) => this.log.warn({ err: error }, 'could not finish interrupted redemptions; the sweep tries again'),
    );
  }

  /** Finishes every redemption whose step began before `before`; returns how many it looked at. */
  async finishInterrupted(before: Date, now = new Date()): Promise<number> {
    const unfinished = await this.redemptions.findUnfinished(before);
    for (const redemption of unfinished) {
      try {
        await this.finish(redemption, now);
      } catch (error) {
        this.log.warn({ err: error, redemptionId: redemption.id }, 'could not finish an interrupted redemption; the next sweep tries again');
      }
    }
    return unfinished.length;
  }

  private async finish(redemption: UnfinishedRedemption, now: Date): Promise<void> {
    const { result } = await this.accounts.postDecided<Outcome>(redemption.memberId, async (account) => {
      const current = await this.redemptions.findById(redemption.id);
      if (!current?.step) return { result: undefined };
      return current.step === 'take' ? this.decideTake(current, account, now) : this.decideReturn(current, account);
    });
    if (!result) return;
    switch (result.kind) {
      case 'taken':
        await this.service.finishTake(result.redemption, now);
        return;
      case 'returned':
        await this.service.finishReturn(result.redemption, now);
        return;
      case 'failed':
        this.log.warn({ redemptionId: result.redemption.id }, 'undid an interrupted redemption: nothing was taken');
        return;
    }
  }

  private async decideTake(redemption: Redemption, account: AccountForPosting, now: Date): Promise<PostingDecision<Outcome>> {
    const taken = { kind: 'taken' as const, redemption };
    const after = { available: account.available - redemption.points, pending: account.pending };
    const entry = await this.ledger.findById(redemption.entryId);
    if (entry?.applied || account.appliedEntryIds.has(redemption.entryId)) return { result: taken };
    if (entry) return { item: { entry, event: this.events.redeemed(redemption, after) }, result: taken };
    if (account.available >= redemption.points && (await this.resources.ensureTaken(redemption))) {
      const fresh = redemptionEntryOf(redemption);
      await this.ledger.insertOne(fresh);
      return { item: { entry: fresh, event: this.events.redeemed(redemption, after) }, result: taken };
    }
    await this.resources.undoTake(redemption);
    const failure = account.available < redemption.points ? 'interrupted; the points were no longer available' : 'interrupted; the stock was no longer there';
    await this.redemptions.update(redemption.id, { status: 'failed', failure }, undefined, now);
    return { result: { kind: 'failed', redemption: { ...redemption, status: 'failed', failure } } };
  }

  private async decideReturn(redemption: Redemption, account: AccountForPosting): Promise<PostingDecision<Outcome>> {
    const returned = { kind: 'returned' as const, redemption };
    const entry = await this.ledger.findById(redemption.cancelEntryId!);
    if (entry?.applied || account.appliedEntryIds.has(redemption.cancelEntryId!)) return { result: returned };
    // Giving back is always possible, and each part of it happens once (see RedemptionsService.giveBack).
    const decision = await this.service.giveBack(redemption, account);
    return { ...decision, result: returned };
  }
}
