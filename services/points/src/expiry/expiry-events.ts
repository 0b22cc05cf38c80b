import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { PointsExpiredSchema, PointsExpiringSoonSchema, TOPICS } from '@atrium/contracts';
import { OutboxEntryFactory, type OutboxEntry } from '@atrium/messaging';
import type { Balances } from '../accounts/account.entity';
import type { LedgerEntry } from '../ledger/ledger-entry.entity';

/** The expiry events, for outboxes: each is written with the change it announces. */
@Injectable()
export class ExpiryEvents {
  constructor(private readonly outbox: OutboxEntryFactory) {}

  /**
   * `points.expired` for an expiry entry, for the account's outbox. Its balances are written in
   * by the posting (BalanceStamp), which alone knows them.
   */
  expired(entry: LedgerEntry): OutboxEntry {
    if (entry.cause.type !== 'expiry') throw new Error(`${entry.id} is not an expiry entry`);
    return this.outbox.create({
      topic: TOPICS.pointsEvents,
      type: 'points.expired',
      schema: PointsExpiredSchema,
      key: entry.memberId,
      traceId: entry.cause.runId,
      occurredAt: entry.occurredAt,
      payload: {
        memberId: entry.memberId,
        points: BigInt(entry.deltas.expired ?? 0),
        expiryDate: entry.cause.expiryDate,
        expiredAt: timestampFromDate(entry.occurredAt),
        entryId: entry.id,
      },
    });
  }

  /** `points.expiring-soon`, for the reminder's own outbox. */
  expiringSoon(reminder: { memberId: string; points: number; expiryDate: string; expiresAt: Date; runId: string }, balances: Pick<Balances, 'available' | 'pending'>): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.pointsEvents,
      type: 'points.expiring-soon',
      schema: PointsExpiringSoonSchema,
      key: reminder.memberId,
      traceId: reminder.runId,
      payload: {
        memberId: reminder.memberId,
        points: BigInt(reminder.points),
        expiryDate: reminder.expiryDate,
        expiresAt: timestampFromDate(reminder.expiresAt),
        availableBalance: BigInt(balances.available),
        pendingBalance: BigInt(balances.pending),
      },
    });
  }
}
