import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import { auditEntryOf } from '../audit/audit-entries';
import { auditChange } from '../audit/audit-masking';
import type { Member } from '../members/member.entity';
import { MemberNotActiveError, MemberNotFoundError } from '../members/member.errors';
import { MemberEvents } from '../members/member-events';
import { MembersRepository, type MemberChange } from '../members/members.repository';
import type { StaffActor } from '@atrium/staff-identity';
import { QualifyingSpendRepository } from './qualifying-spend.repository';
import { rollingSpend, windowEndingAt, type SpendWindow } from './spend-window';
import type { TierChange, TierChangeReason, TierDefinition, TierReview } from './tier.entity';
import { UnknownTierError } from './tier.errors';
import { nextTierFor, rankOf, tierOf, upgradeFor } from './tier-rules';
import { TierSettings } from './tier-settings';

/** A member's tier at a glance: where they are, what they spent, what is next, and how they got here. */
export interface TierView {
  readonly member: Member;
  readonly tier: TierDefinition;
  readonly window: SpendWindow;
  readonly rollingSpendMinor: number;
  readonly next?: { readonly tier: TierDefinition; readonly remainingMinor: number };
  readonly history: readonly TierChange[];
  readonly reviews: readonly TierReview[];
}

@Injectable()
export class TiersService {
  private readonly log: Logger;

  constructor(
    private readonly members: MembersRepository,
    private readonly spend: QualifyingSpendRepository,
    private readonly events: MemberEvents,
    private readonly settings: TierSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'tiers' });
  }

  get tiers(): readonly TierDefinition[] {
    return this.settings.tiers;
  }

  async view(memberId: string, now = new Date()): Promise<TierView> {
    const member = await this.members.findById(memberId);
    const stories = await this.members.findTierHistory(memberId);
    if (!member || !stories) throw new MemberNotFoundError(memberId);
    const window = windowEndingAt(now, this.settings.timeZone);
    const spent = await this.rollingSpendOf(member, window);
    const next = nextTierFor(this.tiers, member.tier, spent);
    return { member, tier: tierOf(this.tiers, member.tier), window, rollingSpendMinor: spent, ...(next ? { next } : {}), history: stories.history, reviews: stories.reviews };
  }

  /** Qualifying spend of a member in a window: their own and that of the records merged into them. */
  async rollingSpendOf(member: Pick<Member, 'id' | 'mergedFrom'>, window: SpendWindow): Promise<number> {
    return rollingSpend(await this.spend.months([member.id, ...member.mergedFrom], window), window);
  }

  /**
   * Moves a member up as soon as their rolling spend reaches a higher tier (after a sale was
   * counted, or a merge joined two spends). Idempotent: a member already there is left alone.
   * A record merged or erased meanwhile is left alone too.
   */
  async upgradeIfReached(memberId: string, now = new Date()): Promise<void> {
    const member = await this.members.findById(memberId);
    if (member?.status !== 'active') return;
    const spent = await this.rollingSpendOf(member, windowEndingAt(now, this.settings.timeZone));
    if (!upgradeFor(this.tiers, member.tier, spent)) return;
    try {
      await this.members.change(memberId, ({ member: current }) => {
        const target = upgradeFor(this.tiers, current.tier, spent);
        if (!target) return undefined;
        this.log.info({ memberId, from: current.tier, to: target.code, spent }, 'tier reached by spend');
        return this.tierChange(current, target, { reason: 'spend', at: now, rollingSpendMinor: spent });
      });
    } catch (error) {
      if (!(error instanceof MemberNotActiveError)) throw error;
    }
  }

  /** Staff set a member's tier, up or down, with a reason (audited). Setting the tier the member has changes nothing. */
  async setByStaff(memberId: string, code: string, reason: string, actor: StaffActor): Promise<TierView> {
    const target = this.tiers.find((tier) => tier.code === code.trim().toLowerCase());
    if (!target) throw new UnknownTierError(code, this.tiers.map((tier) => tier.code));
    const member = await this.members.findById(memberId);
    if (!member) throw new MemberNotFoundError(memberId);
    const at = new Date();
    const spent = await this.rollingSpendOf(member, windowEndingAt(at, this.settings.timeZone));
    await this.members.change(memberId, ({ member: current }) => {
      if (tierOf(this.tiers, current.tier).code === target.code) return undefined;
      const change = this.tierChange(current, target, { reason: 'staff', at, rollingSpendMinor: spent, staffId: actor.staffId, note: reason });
      return { ...change, audit: auditEntryOf(actor, 'tier.changed', [auditChange('tier', tierOf(this.tiers, current.tier).code, target.code)], at, reason) };
    });
    return this.view(memberId, at);
  }

  /** The higher of two tiers (a merge keeps the better one). */
  higher(first: string | undefined, second: string | undefined): TierDefinition {
    return rankOf(this.tiers, first) >= rankOf(this.tiers, second) ? tierOf(this.tiers, first) : tierOf(this.tiers, second);
  }

  /**
   * The change that moves `member` to `target`: the member's new tier, its history entry and
   * `member.tier-changed`, for a caller to write (with more of its own, if it has any).
   */
  tierChange(member: Member, target: TierDefinition, details: { reason: TierChangeReason; at: Date } & Omit<Partial<TierChange>, 'from' | 'to'>): MemberChange & { tierChange: TierChange } {
    const change: TierChange = { ...details, from: tierOf(this.tiers, member.tier).code, to: target.code };
    const next: Member = { ...member, tier: target.code };
    return { member: next, tierChange: change, events: [this.events.tierChanged(next, change)] };
  }
}
