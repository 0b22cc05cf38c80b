import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import { BALANCE_FIELDS, type PointsAccount } from './account.entity';
import { AccountNotFoundError } from './account.errors';
import { ACCOUNT_MODEL, type AccountDocument } from './account.schema';
import type { LedgerEntry } from '../ledger/ledger-entry.entity';

/** An account as the ledger needs it: the member, and which entries its balances hold. */
export interface AccountForPosting extends PointsAccount {
  readonly appliedEntryIds: ReadonlySet<string>;
  readonly earnedByDay: Readonly<Record<string, number>>;
}

/** One ledger entry to add to an account's balances, with the event that announces it. */
export interface PostingItem {
  readonly entry: LedgerEntry;
  readonly event?: OutboxEntry;
  /** The centre-local day ("2026-11-27") whose earned total the entry counts towards, for daily caps. */
  readonly earnedOn?: string;
}

export interface Posting {
  readonly memberId: string;
  readonly items: readonly PostingItem[];
}

/** What a decision taken on an account's current state says: the entry to post, if any, and an answer. */
export interface PostingDecision<T> {
  readonly item?: PostingItem;
  readonly result: T;
}

const COLLECTION = 'accounts';

@Injectable()
export class AccountsRepository implements OnModuleInit {
  constructor(
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly relay: OutboxRelay,
    private readonly locks: DocumentLocks,
  ) {}

  /** Every update of an account runs under its lock: FerretDB loses concurrent updates (DocumentLocks). */
  private locked<T>(memberIds: readonly string[], work: () => Promise<T>): Promise<T> {
    return this.locks.withLocks(COLLECTION, memberIds, work);
  }

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.accounts);
    await this.accounts.syncIndexes();
  }

  /**
   * Opens the member's account at zero unless it exists. The member id is the document's
   * key, so a redelivered registration can never open a second account, and the event
   * announcing the opening is written only by the write that created the account.
   */
  async openIfAbsent(memberId: string, phone: string, openedAt: Date, opened: OutboxEntry): Promise<boolean> {
    const result = await this.locked([memberId], () => this.accounts.updateOne(
      { _id: memberId },
      {
        $setOnInsert: {
          phone,
          cardNumbers: [],
          tier: '',
          frozen: false,
          available: 0,
          pending: 0,
          lifetimeEarned: 0,
          redeemed: 0,
          expired: 0,
          debt: 0,
          appliedEntryIds: [],
          earnedByDay: {},
          openedAt,
          outbox: [opened],
        },
      },
      { upsert: true },
    ));
    const created = result.upsertedCount === 1;
    if (created) this.relay.nudge();
    return created;
  }

  /** Records a card the member service issued; false when the account is not known yet. */
  async addCard(memberId: string, cardNumber: string): Promise<boolean> {
    const result = await this.locked([memberId], () => this.accounts.updateOne({ _id: memberId }, { $addToSet: { cardNumbers: cardNumber } }));
    return result.matchedCount === 1;
  }

  async findByMemberId(memberId: string): Promise<PointsAccount | undefined> {
    const document = await this.accounts.findById(memberId, { outbox: 0, appliedEntryIds: 0 }).lean<AccountDocument>();
    return document ? toAccount(document) : undefined;
  }

  async findForPosting(memberIds: readonly string[]): Promise<Map<string, AccountForPosting>> {
    if (memberIds.length === 0) return new Map();
    const documents = await this.accounts.find({ _id: { $in: memberIds } }, { outbox: 0 }).lean<AccountDocument[]>();
    return new Map(documents.map((document) => [document._id, toAccountForPosting(document)]));
  }

  /** The accounts a batch of sales names, by card number or phone. */
  async findByCardsOrPhones(cardNumbers: readonly string[], phones: readonly string[]): Promise<AccountForPosting[]> {
    if (cardNumbers.length === 0 && phones.length === 0) return [];
    const documents = await this.accounts
      .find({ $or: [{ cardNumbers: { $in: cardNumbers } }, { phone: { $in: phones } }] }, { outbox: 0 })
      .lean<AccountDocument[]>();
    return documents.map(toAccountForPosting);
  }

  /**
   * Adds each posting's entries to its account, atomically per account, and only entries the
   * account does not hold yet: the update's filter says "none of these entry ids is applied",
   * and the same update records them as applied. Postings whose filter no longer matched
   * (another writer got there first) are read again and retried with what is still missing.
   */
  async post(postings: readonly Posting[]): Promise<void> {
    let remaining = postings.filter((posting) => posting.items.length > 0);
    for (let attempt = 1; remaining.length > 0; attempt++) {
      const operations = remaining.map((posting) => postingOperation(posting));
      const result = await this.locked(
        remaining.map((posting) => posting.memberId),
        () => this.accounts.bulkWrite(operations, { ordered: false }),
      );
      if (result.matchedCount === operations.length) break;
      if (attempt >= 5) throw new Error(`could not post to ${remaining.length} accounts after ${attempt} attempts`);
      const fresh = await this.findForPosting(remaining.map((posting) => posting.memberId));
      remaining = remaining
        .map((posting) => withoutApplied(posting, fresh.get(posting.memberId)?.appliedEntryIds ?? new Set()))
        .filter((posting) => posting.items.length > 0);
    }
    if (postings.some((posting) => posting.items.some((item) => item.event))) this.relay.nudge();
  }

  /**
   * Posts one entry decided on the account as it is, holding the account's lock from the read
   * to the write: for changes that depend on the balances or on the entries already applied (a
   * debit may not overdraw; a receipt's entry is posted once). `decide` sees the account, writes
   * the entry to the ledger (which holds every entry before any account does) and says what to
   * post; when it throws, the account is left as it was. Returns the item actually posted: the
   * caller then marks it applied in the ledger and calls forgetConfirmed, as the feed does.
   */
  async postDecided<T>(memberId: string, decide: (account: AccountForPosting) => Promise<PostingDecision<T>>): Promise<{ result: T; posted?: PostingItem }> {
    return this.locked([memberId], async () => {
      const account = (await this.findForPosting([memberId])).get(memberId);
      if (!account) throw new AccountNotFoundError(memberId);
      const { item, result } = await decide(account);
      if (!item || account.appliedEntryIds.has(item.entry.id)) return { result };
      const written = await this.accounts.bulkWrite([postingOperation({ memberId, items: [item] })]);
      // Nobody else updates the account while its lock is held: the filter cannot have missed.
      if (written.matchedCount !== 1) throw new Error(`could not post ${item.entry.id} to account ${memberId}`);
      if (item.event) this.relay.nudge();
      return { result, posted: item };
    });
  }

  /**
   * Forgets applied entry ids once the entries themselves say they are applied, so the list
   * stays short; an id is only dropped when the ledger will refuse to apply it again.
   */
  async forgetConfirmed(postings: readonly Posting[]): Promise<void> {
    const operations = postings
      .filter((posting) => posting.items.length > 0)
      .map((posting) => ({
        updateOne: { filter: { _id: posting.memberId }, update: { $pullAll: { appliedEntryIds: posting.items.map((item) => item.entry.id) } } },
      }));
    if (operations.length === 0) return;
    await this.locked(
      operations.map((operation) => operation.updateOne.filter._id),
      () => this.accounts.bulkWrite(operations, { ordered: false }),
    );
  }

  async *streamBalances(memberIds?: readonly string[]): AsyncGenerator<PointsAccount> {
    const filter = memberIds ? { _id: { $in: memberIds } } : {};
    const cursor = this.accounts.find(filter, { outbox: 0, appliedEntryIds: 0 }).lean<AccountDocument>().cursor();
    for await (const document of cursor) yield toAccount(document);
  }
}

export function withoutApplied(posting: Posting, applied: ReadonlySet<string>): Posting {
  return { ...posting, items: posting.items.filter((item) => !applied.has(item.entry.id)) };
}

function postingOperation(posting: Posting): AnyBulkWriteOperation<AccountDocument> {
  const increments: Record<string, number> = {};
  const add = (field: string, delta: number) => {
    if (delta !== 0) increments[field] = (increments[field] ?? 0) + delta;
  };
  for (const { entry, earnedOn } of posting.items) {
    for (const field of BALANCE_FIELDS) add(field, entry.deltas[field] ?? 0);
    if (earnedOn) add(`earnedByDay.${earnedOn}`, entry.deltas.lifetimeEarned ?? 0);
  }
  const ids = posting.items.map((item) => item.entry.id);
  const events = posting.items.flatMap((item) => (item.event ? [item.event] : []));
  return {
    updateOne: {
      filter: { _id: posting.memberId, appliedEntryIds: { $nin: ids } },
      update: {
        ...(Object.keys(increments).length > 0 ? { $inc: increments } : {}),
        $push: { appliedEntryIds: { $each: ids }, ...(events.length > 0 ? { outbox: { $each: events } } : {}) },
      },
    },
  };
}

function toAccount(document: AccountDocument): PointsAccount {
  return {
    memberId: document._id,
    phone: document.phone,
    cardNumbers: document.cardNumbers ?? [],
    tier: document.tier ?? '',
    frozen: document.frozen ?? false,
    available: document.available,
    pending: document.pending,
    lifetimeEarned: document.lifetimeEarned,
    redeemed: document.redeemed,
    expired: document.expired,
    debt: document.debt ?? 0,
    openedAt: document.openedAt,
  };
}

function toAccountForPosting(document: AccountDocument): AccountForPosting {
  return { ...toAccount(document), appliedEntryIds: new Set(document.appliedEntryIds ?? []), earnedByDay: document.earnedByDay ?? {} };
}
