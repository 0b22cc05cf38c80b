import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, mongo } from 'mongoose';
import { chunkedBulkWrite, findEachById, findEachByField, nativeCollection } from '@atrium/document-batches';
import { DocumentLocks } from '@atrium/document-locks';
import { OUTBOX_PENDING_SET, OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import { BALANCE_FIELDS, type PointsAccount } from './account.entity';
import { AccountNotFoundError } from './account.errors';
import { ACCOUNT_MODEL, type AccountDocument } from './account.schema';
import { BalanceStamp, type AnnouncedBalances } from './balance-stamp';
import type { MemberFacts } from './member-facts';
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
const DUPLICATE_KEY = 11000;

/** What a change of member facts found: the account was changed or already so, is closed, or is missing. */
export type FactsOutcome = 'changed' | 'unchanged' | 'missing';

@Injectable()
export class AccountsRepository implements OnModuleInit {
  constructor(
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly relay: OutboxRelay,
    private readonly locks: DocumentLocks,
    private readonly balances: BalanceStamp,
  ) {}

  /** Every update of an account runs under its lock: FerretDB loses concurrent updates (DocumentLocks). */
  private locked<T>(memberIds: readonly string[], work: () => Promise<T>): Promise<T> {
    return this.locks.withLocks(COLLECTION, memberIds, work);
  }

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.accounts, { marked: true });
    await this.accounts.syncIndexes();
  }

  /**
   * Opens the member's account at zero unless it exists. The member id is the document's
   * key, so a redelivered registration can never open a second account, and the event
   * announcing the opening is written only by the write that created the account. A plain
   * insert, without the account's lock: an insert never overwrites (a second one is refused by
   * the key), so it cannot lose another writer's update, and it is the cheapest write there is
   * for a backlog of registrations (README, "Member events").
   */
  async openIfAbsent(memberId: string, phone: string, registeredAt: Date, openedAt: Date, opened: OutboxEntry): Promise<boolean> {
    const document: AccountDocument = {
      _id: memberId,
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
      registeredAt,
      outbox: [opened],
      outboxPending: true,
    };
    try {
      await this.accounts.collection.insertOne(document as never);
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
    this.relay.nudge({ collection: this.accounts.collection.name, ids: [memberId] });
    return true;
  }

  /**
   * Changes what the account knows of its member (cards, phone, tier, frozen, erasure) as
   * `change` decides from the facts as they are, under the account's lock from the read to the
   * write: the purchase feed, the relay and staff update the same document.
   */
  async changeFacts(memberId: string, change: (facts: MemberFacts) => MemberFacts): Promise<FactsOutcome> {
    return this.locked([memberId], async () => {
      const document = await this.accounts.findById(memberId, FACT_FIELDS).lean<AccountDocument>();
      if (!document) return 'missing';
      const before = factsOf(document);
      const after = change(before);
      if (after === before) return 'unchanged';
      await this.accounts.updateOne({ _id: memberId }, { $set: factFieldsOf(after) });
      return 'changed';
    });
  }

  /**
   * Records a card the member service issued; false when the account is not known yet. An
   * account closed by an erasure or a merge takes no card (and that is not a missing account).
   */
  async addCard(memberId: string, cardNumber: string): Promise<boolean> {
    const result = await this.locked([memberId], () =>
      this.accounts.updateOne({ _id: memberId, erasedAt: { $exists: false }, mergedInto: { $exists: false } }, { $addToSet: { cardNumbers: cardNumber } }),
    );
    return result.matchedCount === 1 || (await this.accounts.exists({ _id: memberId })) !== null;
  }

  async findByMemberId(memberId: string): Promise<PointsAccount | undefined> {
    const document = await this.accounts.findById(memberId, { outbox: 0, appliedEntryIds: 0 }).lean<AccountDocument>();
    return document ? toAccount(document) : undefined;
  }

  async findForPosting(memberIds: readonly string[]): Promise<Map<string, AccountForPosting>> {
    if (memberIds.length === 0) return new Map();
    const documents = await findEachById(nativeCollection(this.accounts), memberIds, { projection: { outbox: 0 } });
    return new Map([...documents].map(([id, document]) => [id, toAccountForPosting(document)]));
  }

  /**
   * The accounts a batch of sales names, by card number or phone; also the accounts holding
   * one of the cards as a retired card, so a sale naming a card that earns no more can be
   * refused with that reason (purchase-checks.ts, retiredCardRejection). One equality look-up
   * per card or phone: FerretDB runs `$or` and `$in` by reading every account.
   */
  async findByCardsOrPhones(cardNumbers: readonly string[], phones: readonly string[]): Promise<AccountForPosting[]> {
    if (cardNumbers.length === 0 && phones.length === 0) return [];
    const collection = nativeCollection(this.accounts);
    const options = { projection: { outbox: 0 } };
    const [byCard, byPhone] = await Promise.all([findEachByField(collection, 'cardNumbers', cardNumbers, options), findEachByField(collection, 'phone', phones, options)]);
    // Retired cards only for the cards no account holds as a live one: most sales name one.
    const byRetiredCard = await findEachByField(collection, 'retiredCardNumbers', cardNumbers.filter((card) => !byCard.has(card)), options);
    const byId = new Map([byCard, byPhone, byRetiredCard].flatMap((documents) => [...documents.values()]).map((document) => [document._id, document]));
    return [...byId.values()].map(toAccountForPosting);
  }

  /**
   * The members holding these cards (live ones) and phones, one equality look-up each, only
   * their ids read: the CardDirectory's misses.
   */
  async findHolders(cardNumbers: readonly string[], phones: readonly string[]): Promise<{ byCard: Map<string, string>; byPhone: Map<string, string> }> {
    const collection = nativeCollection(this.accounts);
    const options = { projection: { _id: 1 } };
    const [byCard, byPhone] = await Promise.all([findEachByField(collection, 'cardNumbers', cardNumbers, options), findEachByField(collection, 'phone', phones, options)]);
    const idsOf = (found: Map<string, AccountDocument>) => new Map([...found].map(([value, document]) => [value, document._id]));
    return { byCard: idsOf(byCard), byPhone: idsOf(byPhone) };
  }

  /**
   * Adds each posting's entries to its account, atomically per account, and only entries the
   * account does not hold yet: the update's filter says "none of these entry ids is applied",
   * and the same update records them as applied. The accounts are read under their locks
   * first (one query per batch): it drops the entries an earlier delivery applied, and gives the
   * balances after each entry that its event announces (BalanceStamp).
   */
  async post(postings: readonly Posting[]): Promise<void> {
    const nonEmpty = postings.filter((posting) => posting.items.length > 0);
    if (nonEmpty.length === 0) return;
    const memberIds = nonEmpty.map((posting) => posting.memberId);
    const announced = await this.locked(memberIds, async () => {
      const current = await this.findForPosting(memberIds);
      const operations: mongo.AnyBulkWriteOperation<AccountDocument>[] = [];
      let events = false;
      for (const posting of nonEmpty) {
        const account = current.get(posting.memberId);
        // The feed posts only to accounts it read; retried (a dead letter would lose the batch).
        if (!account) throw new Error(`no account ${posting.memberId} to post to`);
        const items = this.stamped(withoutApplied(posting, account.appliedEntryIds).items, account);
        if (items.length === 0) continue;
        operations.push(postingOperation({ memberId: posting.memberId, items }));
        events ||= items.some((item) => item.event);
      }
      if (operations.length === 0) return false;
      const result = await chunkedBulkWrite(nativeCollection(this.accounts), operations, { ordered: false });
      // Nobody else updates these accounts while their locks are held: every filter matches.
      if (result.matchedCount !== operations.length) throw new Error(`could not post to ${operations.length - result.matchedCount} of ${operations.length} accounts`);
      return events;
    });
    if (announced) this.relay.nudge({ collection: this.accounts.collection.name, ids: memberIds });
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
      const { item: decided, result } = await decide(account);
      if (!decided || account.appliedEntryIds.has(decided.entry.id)) return { result };
      const [item] = this.stamped([decided], account);
      const written = await nativeCollection(this.accounts).bulkWrite([postingOperation({ memberId, items: [item] })]);
      // Nobody else updates the account while its lock is held: the filter cannot have missed.
      if (written.matchedCount !== 1) throw new Error(`could not post ${item.entry.id} to account ${memberId}`);
      if (item.event) this.relay.nudge({ collection: this.accounts.collection.name, ids: [memberId] });
      return { result, posted: item };
    });
  }

  /**
   * As postDecided, for a decision that posts several entries to the account at once (the
   * daily settlement's maturities and expiries of a member), in one update under the lock.
   */
  async postDecidedMany<T>(memberId: string, decide: (account: AccountForPosting) => Promise<{ items: readonly PostingItem[]; result: T }>): Promise<{ result: T; posted: PostingItem[] }> {
    return this.locked([memberId], async () => {
      const account = (await this.findForPosting([memberId])).get(memberId);
      if (!account) throw new AccountNotFoundError(memberId);
      const { items: decided, result } = await decide(account);
      const items = this.stamped(withoutApplied({ memberId, items: decided }, account.appliedEntryIds).items, account);
      if (items.length === 0) return { result, posted: [] };
      const written = await nativeCollection(this.accounts).bulkWrite([postingOperation({ memberId, items })]);
      // Nobody else updates the account while its lock is held: the filter cannot have missed.
      if (written.matchedCount !== 1) throw new Error(`could not post ${items.length} entries to account ${memberId}`);
      if (items.some((item) => item.event)) this.relay.nudge({ collection: this.accounts.collection.name, ids: [memberId] });
      return { result, posted: items };
    });
  }

  /**
   * As postDecidedMany, for a decision that posts to several accounts at once (a merge: the
   * merged record and the survivor), holding every account's lock from the read to the write.
   * `decide` sees the accounts read under the locks (missing ones absent) and says what to post
   * to each; entries an account holds already are dropped. Returns what was actually posted.
   * `confirmed` names, per account, applied entry ids whose ledger entries are marked applied
   * already: the same update drops them from the account's list (the forgetConfirmed of an
   * earlier posting, without a statement of its own), read and rewritten under the lock.
   */
  async postDecidedAcross<T>(
    memberIds: readonly string[],
    decide: (
      accounts: ReadonlyMap<string, AccountForPosting>,
    ) => Promise<{ postings: readonly Posting[]; result: T; confirmed?: ReadonlyMap<string, ReadonlySet<string>> }>,
  ): Promise<{ result: T; posted: Posting[] }> {
    return this.locked(memberIds, async () => {
      const current = await this.findForPosting(memberIds);
      const { postings, result, confirmed } = await decide(current);
      const posted: Posting[] = [];
      const operations: mongo.AnyBulkWriteOperation<AccountDocument>[] = [];
      for (const posting of postings) {
        const account = current.get(posting.memberId);
        if (!account) throw new AccountNotFoundError(posting.memberId);
        const items = this.stamped(withoutApplied(posting, account.appliedEntryIds).items, account);
        if (items.length === 0) continue;
        posted.push({ memberId: posting.memberId, items });
        const forget = confirmed?.get(posting.memberId);
        const kept = forget && forget.size > 0 ? [...account.appliedEntryIds].filter((id) => !forget.has(id)) : undefined;
        operations.push(postingOperation({ memberId: posting.memberId, items }, kept));
      }
      if (posted.length === 0) return { result, posted };
      const written = await chunkedBulkWrite(nativeCollection(this.accounts), operations, { ordered: true });
      // Nobody else updates the accounts while their locks are held: every filter matches.
      if (written.matchedCount !== posted.length) throw new Error(`could not post to ${posted.length - written.matchedCount} of ${posted.length} accounts`);
      if (posted.some((posting) => posting.items.some((item) => item.event))) this.relay.nudge({ collection: this.accounts.collection.name, ids: posted.map((p) => p.memberId) });
      return { result, posted };
    });
  }

  /**
   * Accounts the daily settlement has work in (points pending, or available points that may
   * expire), in member id order after `afterMemberId`: one query read as it goes, filtered
   * here (FerretDB would read every account for each page of an `$or` query).
   */
  async *streamForSettlement(afterMemberId: string): AsyncGenerator<string> {
    const cursor = this.accounts
      .find({ _id: { $gt: afterMemberId } }, { _id: 1, pending: 1, available: 1 })
      .sort({ _id: 1 })
      .lean<Pick<AccountDocument, '_id' | 'pending' | 'available'>>()
      .cursor();
    for await (const document of cursor) if (document.pending !== 0 || document.available > 0) yield document._id;
  }

  async countForSettlement(): Promise<number> {
    return this.accounts.countDocuments(SETTLEMENT_FILTER);
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
      () => chunkedBulkWrite(nativeCollection(this.accounts), operations, { ordered: false }),
    );
  }

  /**
   * The items with their events telling the account's balances right after each entry, in the
   * order they are posted, from the balances the account has now (read under its lock).
   */
  private stamped(items: readonly PostingItem[], account: AnnouncedBalances): PostingItem[] {
    let { available, pending } = account;
    return items.map((item) => {
      available += item.entry.deltas.available ?? 0;
      pending += item.entry.deltas.pending ?? 0;
      return item.event ? { ...item, event: this.balances.stamp(item.event, { available, pending }) } : item;
    });
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

/**
 * The update adding a posting's entries to its account. With `kept` (the account's applied ids
 * as read under its lock, less those confirmed) the list is rewritten as `kept` plus the new
 * ids instead of appended to: one update both applies and forgets.
 */
function postingOperation(posting: Posting, kept?: readonly string[]): mongo.AnyBulkWriteOperation<AccountDocument> {
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
  const set = { ...(events.length > 0 ? OUTBOX_PENDING_SET : {}), ...(kept ? { appliedEntryIds: [...kept, ...ids] } : {}) };
  const push = { ...(kept ? {} : { appliedEntryIds: { $each: ids } }), ...(events.length > 0 ? { outbox: { $each: events } } : {}) };
  return {
    updateOne: {
      filter: { _id: posting.memberId, appliedEntryIds: { $nin: ids } },
      update: {
        ...(Object.keys(increments).length > 0 ? { $inc: increments } : {}),
        ...(Object.keys(set).length > 0 ? { $set: set } : {}),
        ...(Object.keys(push).length > 0 ? { $push: push } : {}),
      },
    },
  };
}

/** Accounts with points pending or available: the others have nothing to mature or expire. */
const SETTLEMENT_FILTER = { $or: [{ pending: { $ne: 0 } }, { available: { $gt: 0 } }] };

/** The fields of the member facts, read and written by changeFacts. */
const FACT_FIELDS = { phone: 1, cardNumbers: 1, retiredCardNumbers: 1, tier: 1, frozen: 1, erasedAt: 1, mergedInto: 1 } as const;

function factsOf(document: AccountDocument): MemberFacts {
  return {
    phone: document.phone ?? '',
    cardNumbers: document.cardNumbers ?? [],
    retiredCardNumbers: document.retiredCardNumbers ?? [],
    tier: document.tier ?? '',
    frozen: document.frozen ?? false,
    ...(document.erasedAt ? { erasedAt: document.erasedAt } : {}),
    ...(document.mergedInto ? { mergedInto: document.mergedInto } : {}),
  };
}

function factFieldsOf(facts: MemberFacts): Partial<AccountDocument> {
  return {
    phone: facts.phone,
    cardNumbers: [...facts.cardNumbers],
    retiredCardNumbers: [...(facts.retiredCardNumbers ?? [])],
    tier: facts.tier,
    frozen: facts.frozen,
    ...(facts.erasedAt ? { erasedAt: facts.erasedAt } : {}),
    ...(facts.mergedInto ? { mergedInto: facts.mergedInto } : {}),
  };
}

function toAccount(document: AccountDocument): PointsAccount {
  return {
    memberId: document._id,
    ...factsOf(document),
    available: document.available,
    pending: document.pending,
    lifetimeEarned: document.lifetimeEarned,
    redeemed: document.redeemed,
    expired: document.expired,
    debt: document.debt ?? 0,
    openedAt: document.openedAt,
    ...(document.registeredAt ? { registeredAt: document.registeredAt } : {}),
  };
}

function toAccountForPosting(document: AccountDocument): AccountForPosting {
  return { ...toAccount(document), appliedEntryIds: new Set(document.appliedEntryIds ?? []), earnedByDay: document.earnedByDay ?? {} };
}
