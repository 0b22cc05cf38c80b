import { Inject, Injectable } from '@nestjs/common';
import type { BatchOutcome, ConsumedEvent } from '@atrium/messaging';
import { LOGGER, type Logger } from '@atrium/observability';
import type { Member } from '../members/member.entity';
import { MembersRepository } from '../members/members.repository';
import { QualifyingSpendRepository } from './qualifying-spend.repository';
import type { SpendReport } from './spend-events';
import { monthOf } from './spend-window';
import { TierSettings } from './tier-settings';
import { TiersService } from './tiers.service';

/**
 * Counts the points service's sales and refunds as members' qualifying spend, a batch at a
 * time, and moves members up as soon as their rolling spend reaches a tier. A refund lowers
 * the spend but never the tier at once: only the yearly review takes members down.
 */
@Injectable()
export class QualifyingSpendService {
  private readonly log: Logger;

  constructor(
    private readonly members: MembersRepository,
    private readonly spend: QualifyingSpendRepository,
    private readonly tiers: TiersService,
    private readonly settings: TierSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'qualifying-spend' });
  }

  /**
   * Counts a batch of events; events that are not spend (broken amounts) are handed back as
   * rejected, to be dead-lettered. Sales of members this service does not know (another
   * installation's, or a test's) and of erased members are acknowledged and left out.
   */
  async count<Payload>(events: readonly ConsumedEvent<Payload>[], reportOf: (payload: Payload) => SpendReport): Promise<BatchOutcome> {
    const rejected: { eventId: string; error: Error }[] = [];
    const reports: SpendReport[] = [];
    for (const event of events) {
      try {
        reports.push(reportOf(event.payload));
      } catch (error) {
        rejected.push({ eventId: event.eventId, error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
    const members = new Map((await this.members.findManyByIds([...new Set(reports.map((report) => report.memberId))])).map((member) => [member.id, member]));
    const live = new Map<string, Member>();
    let unknown = 0;
    for (const report of reports) {
      const member = members.get(report.memberId);
      if (!member || member.status === 'erased') {
        unknown++;
        continue;
      }
      const standing = await this.liveMemberOf(member, live);
      const month = (report.saleKey ? await this.spend.monthCounted([member.id, ...(standing ? [standing.id, ...standing.mergedFrom] : [])], report.saleKey) : undefined) ?? monthOf(report.at, this.settings.timeZone);
      await this.spend.add({ memberId: member.id, month, key: report.key, amountMinor: report.amountMinor });
    }
    if (unknown > 0) this.log.debug({ events: unknown }, 'spend of members this service does not have (or erased); acknowledged');
    // Even a sale counted before (a redelivery after a crash) is looked at again: the upgrade
    // it should have caused may be the part that did not happen.
    for (const member of live.values()) await this.tiers.upgradeIfReached(member.id);
    return { rejected };
  }

  /** The active member a record's spend counts for (itself, or the member it was merged into), remembered per batch. */
  private async liveMemberOf(member: Member, live: Map<string, Member>): Promise<Member | undefined> {
    const standing = await this.members.resolveLive(member);
    if (standing) live.set(standing.id, standing);
    return standing;
  }
}
