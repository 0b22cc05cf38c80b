import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { PointsAccountOpenedSchema, TOPICS } from '@atrium/contracts';
import { UnavailableError } from '@atrium/errors';
import { OutboxEntryFactory } from '@atrium/messaging';
import type { PointsAccount } from './account.entity';
import { AccountNotFoundError, AccountNotOpenError } from './account.errors';
import { AccountsRepository } from './accounts.repository';
import { CardDirectory } from './card-directory';
import { applyMemberChange, type MemberChange } from './member-facts';

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly outbox: OutboxEntryFactory,
    private readonly cards: CardDirectory,
  ) {}

  /**
   * Opens a new member's account at zero, keeping when the member registered (sales from before
   * earn nothing); a second call for the same member changes nothing.
   */
  async openAccount(memberId: string, phone: string, registeredAt: Date, traceId: string): Promise<boolean> {
    const openedAt = new Date();
    const opened = this.outbox.create({
      topic: TOPICS.pointsEvents,
      type: 'points.account-opened',
      schema: PointsAccountOpenedSchema,
      key: memberId,
      traceId,
      occurredAt: openedAt,
      payload: { memberId, openedAt: timestampFromDate(openedAt) },
    });
    return this.accounts.openIfAbsent(memberId, phone, registeredAt, openedAt, opened);
  }

  /** Lets sales name the member by a card the member service issued. */
  async recordCard(memberId: string, cardNumber: string): Promise<void> {
    // The registration comes first on the same partition, so a missing account is a fault to retry.
    if (!(await this.accounts.addCard(memberId, cardNumber))) {
      throw new UnavailableError('points.account-not-open', `no account yet for member ${memberId}`);
    }
    this.cards.cardIssued(cardNumber, memberId);
  }

  /**
   * Applies a change the member service announced (cards, freezing, phone, tier, erasure,
   * merge) to the member's account. Throws AccountNotOpenError for a member without an
   * account; returns false when the account already was so (a redelivery) or is closed.
   */
  async changeMember(memberId: string, eventType: string, change: MemberChange): Promise<boolean> {
    const outcome = await this.accounts.changeFacts(memberId, (facts) => applyMemberChange(facts, change));
    if (outcome === 'missing') throw new AccountNotOpenError(memberId, eventType);
    return outcome === 'changed';
  }

  async get(memberId: string): Promise<PointsAccount> {
    const account = await this.accounts.findByMemberId(memberId);
    if (!account) throw new AccountNotFoundError(memberId);
    return account;
  }
}
