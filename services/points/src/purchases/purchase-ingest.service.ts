import { Inject, Injectable } from '@nestjs/common';
import type { PurchaseRecorded, PurchaseRefunded } from '@atrium/contracts';
import { DomainError } from '@atrium/errors';
import { OutboxEntryFactory, type ConsumedEvent } from '@atrium/messaging';
import { AccountsRepository, type AccountForPosting, type Posting, type PostingDecision, type PostingItem } from '../accounts/accounts.repository';
import { CardDirectory, keyOf } from '../accounts/card-directory';
import { computeEarning, selectRuleSet, type Earning } from '../earning/earning-calculator';
import type { EarningRuleSet } from '../earning/earning-rule-set.entity';
import { EarningRulesService } from '../earning/earning-rules.service';
import { factorsOf } from '../earning/earning-factors';
import { localDayKey } from '../earning/local-time';
import { earnEntryId, maturityEntryId, refundEntryId, type LedgerEntry } from '../ledger/ledger-entry.entity';
import { ledgerEventOf } from '../ledger/ledger-events';
import { LedgerRepository } from '../ledger/ledger.repository';
import { TenantsRepository } from '../tenants/tenants.repository';
import { checkPurchase, checkSaleDate, type Rejection } from './purchase-checks';
import { POINTS_SETTINGS, type PointsSettings } from './points-settings';
import { reverseForRefund } from './refund-reversal';
import { ConfirmedEntries } from './confirmed-entries';
import { PurchaseRefusedError } from './purchase.errors';
import { RejectedPurchasesRepository, type RejectedPurchase } from './rejected-purchases.repository';

const DAY_MS = 86_400_000;

/** How often a batch's members are resolved again when the accounts contradict the CardDirectory. */
const MAX_RESOLVE_ATTEMPTS = 3;

type SaleEvent = ConsumedEvent<PurchaseRecorded>;
type RefundEvent = ConsumedEvent<PurchaseRefunded>;

/** Merges a refund follows from a closed record to the member that holds its points now. */
const MAX_MERGE_HOPS = 8;

/** What one batch touches, read once: the members named, the tenants, the entries that exist. */
interface BatchState {
  readonly accounts: AccountForPosting[];
  readonly tenants: Map<string, { status: string; name: string }>;
  readonly existing: Map<string, LedgerEntry>;
  readonly postings: Map<string, PostingItem[]>;
  readonly fresh: LedgerEntry[];
  readonly rejections: RejectedPurchase[];
  /** Points earned per member and centre-local day within this batch, for the daily cap. */
  readonly earnedInBatch: Map<string, number>;
  /** Entries in their accounts already whose `applied` mark a crash kept from being written. */
  readonly confirmOnly: string[];
  /** Entry ids this batch has dealt with: a till can send the same sale twice in one batch. */
  readonly handled: Set<string>;
}

/** A batch of sales written: its state, what was posted to each account, and the confirmed ids that posting dropped. */
interface PostedBatch extends BatchState {
  readonly posted: readonly Posting[];
  readonly confirmed: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Turns tenants' sales and refunds into ledger entries, exactly once. Sales go a batch at a
 * time (recordSales): the batch's accounts are locked and read once, the new entries inserted
 * in one command, each account updated once, the entries marked applied; new refunds, much
 * rarer, one at a time under their account's lock (recordRefunds). An entry's id comes from its
 * cause and is the feed's idempotency key (no inbox): a redelivered sale's insert is refused
 * and the stored entry taken instead of the new price; an account's update carries the ids of
 * the entries it applies and refuses any it already holds (see AccountsRepository), so a crash
 * anywhere in between is repaired by the redelivery. Rejections are recorded for staff, never retried.
 */
@Injectable()
export class PurchaseIngestService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly ledger: LedgerRepository,
    private readonly tenants: TenantsRepository,
    private readonly rejected: RejectedPurchasesRepository,
    private readonly rules: EarningRulesService,
    private readonly outbox: OutboxEntryFactory,
    @Inject(POINTS_SETTINGS) private readonly settings: PointsSettings,
    private readonly cards: CardDirectory,
  ) {}

  private readonly confirmed = new ConfirmedEntries();

  /**
   * Records a batch of sales; returns the ones refused (recorded for staff as well). The
   * members come from the CardDirectory; their accounts are locked and read once, by id; the
   * new entries are inserted first and only the ones an earlier delivery wrote are read back;
   * each account is then updated once (dropping the applied ids confirmed since its last
   * posting), and the entries are marked applied. A directory entry that the accounts read
   * under the lock contradict (a card moved, a phone changed) is forgotten and the batch
   * resolved again before anything is written.
   */
  async recordSales(sales: readonly SaleEvent[], now = new Date()): Promise<readonly RejectedPurchase[]> {
    const [ruleSets, tenants] = await Promise.all([this.rules.ruleSets(), this.tenants.findByIds([...new Set(sales.map((sale) => sale.payload.tenantId))])]);
    for (let attempt = 1; ; attempt += 1) {
      const holders = await this.cards.resolve(sales.map((sale) => sale.payload));
      const state = await this.earnLocked(sales, holders, tenants, ruleSets, now);
      if (state) {
        await this.confirm(state);
        await this.rejected.record(state.rejections);
        return state.rejections;
      }
      if (attempt >= MAX_RESOLVE_ATTEMPTS) throw new Error(`the holders of this batch's cards kept changing (${attempt} attempts)`);
    }
  }

  /** Prices and posts the batch under its accounts' locks; undefined when the directory was wrong (nothing written). */
  private async earnLocked(
    sales: readonly SaleEvent[],
    holders: ReadonlyMap<string, string>,
    tenants: BatchState['tenants'],
    ruleSets: readonly EarningRuleSet[],
    now: Date,
  ): Promise<PostedBatch | undefined> {
    const memberIds = [...new Set(holders.values())];
    const { result, posted } = await this.accounts.postDecidedAcross(memberIds, async (accounts) => {
      const stale = sales.filter((sale) => !holds(accounts.get(holders.get(keyOf(sale.payload) ?? '') ?? ''), sale.payload));
      const wrong = stale.filter((sale) => holders.has(keyOf(sale.payload) ?? ''));
      if (wrong.length > 0) {
        for (const sale of wrong) this.cards.forget(sale.payload);
        return { postings: [], result: undefined };
      }
      const ids = sales.map((sale) => earnEntryId(sale.payload.tenantId, sale.payload.receiptNumber));
      // Under a daily cap a sale's points depend on the member's earlier sales of the day, so the entries an
      // earlier delivery wrote are read before pricing; without one, pricing a redelivered sale again costs nothing.
      const existing = ruleSets.some((ruleSet) => ruleSet.maxPointsPerDay !== undefined) ? await this.ledger.findByIds(ids) : new Map<string, LedgerEntry>();
      const state: BatchState = { ...emptyState(), accounts: [...accounts.values()], tenants, existing };
      const refused: { sale: SaleEvent; rejection: Rejection }[] = [];
      for (const sale of sales) {
        const rejection = this.earn(sale, state, ruleSets, now);
        if (rejection) refused.push({ sale, rejection });
      }
      await this.refuse(refused, state, now);
      const theirs = await this.ledger.insertNew(state.fresh);
      if (theirs.size > 0) await this.takeTheirs(sales, theirs, state, now);
      const postings = [...state.postings].map(([memberId, items]) => ({ memberId, items }));
      const confirmed = this.confirmed.of(postings.map((posting) => posting.memberId));
      return { postings, result: { ...state, confirmed }, confirmed };
    });
    return result ? { ...result, posted } : undefined;
  }

  /**
   * Refuses the sales earn() refused, unless an earlier delivery wrote their entry (priced when
   * the checks passed; a crash kept it from the account): that entry is posted, never refused.
   * Refusals are rare, so they alone are looked up.
   */
  private async refuse(refused: readonly { sale: SaleEvent; rejection: Rejection }[], state: BatchState, now: Date): Promise<void> {
    const unread = refused.map(({ sale }) => earnEntryId(sale.payload.tenantId, sale.payload.receiptNumber)).filter((id) => !state.existing.has(id));
    const earlier = unread.length > 0 ? await this.ledger.findByIds(unread) : new Map<string, LedgerEntry>();
    for (const { sale, rejection } of refused) {
      const entry = earlier.get(earnEntryId(sale.payload.tenantId, sale.payload.receiptNumber));
      const outcome = entry ? this.takeExisting(sale.payload, entry, this.memberOf(sale.payload, state), state) : rejection;
      if (outcome) state.rejections.push(saleRejectionOf(sale, outcome, now));
    }
  }

  /**
   * The sales whose entries an earlier delivery (or a receipt's approval) inserted first: their
   * own copies are dropped and the stored entries read back and taken as earn() takes existing ones.
   */
  private async takeTheirs(sales: readonly SaleEvent[], theirs: ReadonlySet<string>, state: BatchState, now: Date): Promise<void> {
    const stored = await this.ledger.findByIds([...theirs]);
    for (const [memberId, items] of state.postings) {
      const own = items.filter((item) => !theirs.has(item.entry.id));
      if (own.length === items.length) continue;
      if (own.length === 0) state.postings.delete(memberId);
      else state.postings.set(memberId, own);
    }
    const taken = new Set<string>();
    for (const sale of sales) {
      const id = earnEntryId(sale.payload.tenantId, sale.payload.receiptNumber);
      const entry = stored.get(id);
      if (!theirs.has(id) || taken.has(id) || !entry) continue;
      taken.add(id);
      const rejection = this.takeExisting(sale.payload, entry, this.memberOf(sale.payload, state), state);
      if (rejection) state.rejections.push(saleRejectionOf(sale, rejection, now));
    }
  }

  /** After the accounts: the entries' applied mark, then remembering those ids as confirmed for each account's next posting. */
  private async confirm(batch: PostedBatch): Promise<void> {
    const postedIds = batch.posted.flatMap((posting) => posting.items.map((item) => item.entry.id));
    await this.ledger.markApplied([...postedIds, ...batch.confirmOnly]);
    const overflow = new Map<string, string[]>();
    for (const posting of batch.posted) {
      const dropped = batch.confirmed.get(posting.memberId);
      if (dropped) this.confirmed.dropped(posting.memberId, dropped);
      for (const [memberId, ids] of this.confirmed.add(posting.memberId, posting.items.map((item) => item.entry.id))) overflow.set(memberId, ids);
    }
    if (overflow.size > 0) {
      await this.accounts.forgetConfirmed([...overflow].map(([memberId, ids]) => ({ memberId, items: ids.map((id) => ({ entry: { id } as LedgerEntry })) })));
    }
  }

  /**
   * Records a batch of refunds. A redelivered refund posts the entry it made before; a new one
   * is decided under its account's lock (reverseUnderLock), because what it takes back depends
   * on whether the daily settlement has matured the sale, and that run changes the balances
   * under the same lock: decided before the lock, a sale matured in between would have its
   * refund taken from pending while its points sat in available.
   */
  async recordRefunds(refunds: readonly RefundEvent[], now = new Date()): Promise<void> {
    const state = await this.readState(refunds, (refund) => [refundEntryId(refund.payload.tenantId, refund.payload.refundNumber)]);
    const toDecide: { refund: RefundEvent; memberId: string }[] = [];
    for (const refund of refunds) {
      const { payload } = refund;
      const id = refundEntryId(payload.tenantId, payload.refundNumber);
      if (state.handled.has(id)) continue;
      state.handled.add(id);
      const account = await this.survivorOf(this.memberOf(payload, state) ?? this.mergedHolderOf(payload, state));
      const existing = state.existing.get(id);
      if (existing) {
        if (account && existing.memberId === account.memberId) this.post(state, account, existing, undefined);
        continue;
      }
      const problem = this.commonChecks(payload, account, state, now);
      if (problem) state.rejections.push(rejectionOf(refund, payload.receiptNumber, problem, now));
      else toDecide.push({ refund, memberId: account!.memberId });
    }
    // One at a time: two refunds of one sale in a batch each see the entries of the one before.
    for (const { refund, memberId } of toDecide) {
      const rejection = await this.reverseUnderLock(refund, memberId);
      if (rejection) state.rejections.push(rejectionOf(refund, refund.payload.receiptNumber, rejection, now));
    }
    await this.write(state);
  }

  private async readState<E extends SaleEvent | RefundEvent>(events: readonly E[], entryIdsOf: (event: E) => string[]): Promise<BatchState> {
    const cards = events.map((event) => event.payload.cardNumber).filter(Boolean);
    const phones = events.map((event) => event.payload.phone).filter(Boolean);
    const [accounts, tenants, existing] = await Promise.all([
      this.accounts.findByCardsOrPhones(cards, phones),
      this.tenants.findByIds([...new Set(events.map((event) => event.payload.tenantId))]),
      this.ledger.findByIds(events.flatMap(entryIdsOf)),
    ]);
    return { ...emptyState(), accounts, tenants, existing };
  }

  /** Prices one sale into a new entry, or takes the entry a earlier delivery made; or says why not. */
  private earn(sale: SaleEvent, state: BatchState, ruleSets: readonly EarningRuleSet[], now: Date): Rejection | undefined {
    const { payload } = sale;
    const id = earnEntryId(payload.tenantId, payload.receiptNumber);
    if (state.handled.has(id)) return undefined;
    state.handled.add(id);
    const existing = state.existing.get(id);
    const account = this.memberOf(payload, state);
    if (existing) return this.takeExisting(payload, existing, account, state);
    const problem = this.saleChecks(payload, account, state, now);
    if (problem) return problem;
    const member = account!;
    const occurredAt = timestampDate(payload.occurredAt);
    const day = localDayKey(occurredAt, this.settings.timeZone);
    const earnedToday = (member.earnedByDay[day] ?? 0) + (state.earnedInBatch.get(`${member.memberId}|${day}`) ?? 0);
    let earning: Earning;
    try {
      earning = this.price(ruleSets, payload, member, earnedToday);
    } catch (error) {
      if (error instanceof DomainError) return { code: error.code, reason: error.message };
      throw error;
    }
    state.earnedInBatch.set(`${member.memberId}|${day}`, (state.earnedInBatch.get(`${member.memberId}|${day}`) ?? 0) + earning.points);
    const entry: LedgerEntry = {
      id,
      memberId: member.memberId,
      kind: 'earn',
      deltas: { pending: earning.points, lifetimeEarned: earning.points },
      cause: {
        type: 'purchase',
        tenantId: payload.tenantId,
        receiptNumber: payload.receiptNumber,
        amountMinor: Number(payload.amountMinor),
        currency: payload.currency,
        ...(payload.category ? { category: payload.category } : {}),
        sourceEventId: sale.eventId,
      },
      ruleVersion: earning.ruleVersion,
      factors: factorsOf(earning),
      occurredAt,
      recordedAt: now,
      maturesAt: new Date(occurredAt.getTime() + this.settings.returnWindowDays * DAY_MS),
    };
    state.fresh.push(entry);
    this.post(state, member, entry, day);
    return undefined;
  }

  /** A sale priced before (a redelivery, or a till sending the sale twice): never priced again. */
  private takeExisting(payload: PurchaseRecorded, existing: LedgerEntry, account: AccountForPosting | undefined, state: BatchState): Rejection | undefined {
    if (existing.cause.type !== 'purchase') {
      // Earned through a submitted receipt, whose approval alone posts its entry.
      if (account && existing.memberId === account.memberId) return undefined;
      return { code: 'purchase.already-earned', reason: `sale ${payload.receiptNumber} of tenant ${payload.tenantId} earned points through a submitted receipt of another member` };
    }
    if (account && existing.memberId === account.memberId) this.post(state, account, existing, undefined);
    return undefined;
  }

  /**
   * What a sale would earn now, written nowhere: the same checks and rules as the feed, for
   * staff answering "what would this purchase earn". Throws the domain error of a refusal.
   */
  async preview(sale: PurchaseRecorded, now = new Date()): Promise<Earning> {
    const state = await this.readState([{ payload: sale } as SaleEvent], () => []);
    const account = this.memberOf(sale, state);
    const problem = this.saleChecks(sale, account, state, now);
    if (problem) throw new PurchaseRefusedError(problem);
    const day = localDayKey(timestampDate(sale.occurredAt), this.settings.timeZone);
    return this.price(await this.rules.ruleSets(), sale, account!, account!.earnedByDay[day] ?? 0);
  }

  private price(ruleSets: readonly EarningRuleSet[], sale: PurchaseRecorded, member: AccountForPosting, earnedToday: number): Earning {
    const occurredAt = timestampDate(sale.occurredAt);
    return computeEarning(
      selectRuleSet(ruleSets, occurredAt),
      {
        amountMinor: Number(sale.amountMinor),
        currency: sale.currency,
        tenantId: sale.tenantId,
        ...(sale.category ? { category: sale.category } : {}),
        occurredAt,
        memberTier: member.tier,
      },
      { earnedTodayPoints: earnedToday, timeZone: this.settings.timeZone },
    );
  }

  /**
   * Decides and posts one new refund holding its account's lock from the read of the sale, its
   * maturity and its earlier refunds to the posting; then marks the entry applied, as write() does.
   */
  private async reverseUnderLock(refund: RefundEvent, memberId: string): Promise<Rejection | undefined> {
    const { result: rejection, posted } = await this.accounts.postDecided(memberId, async (account): Promise<PostingDecision<Rejection | undefined>> => {
      const { payload } = refund;
      const id = refundEntryId(payload.tenantId, payload.refundNumber);
      const saleId = earnEntryId(payload.tenantId, payload.receiptNumber);
      const found = await this.ledger.findByIds([id, saleId, maturityEntryId(saleId)]);
      const before = found.get(id);
      // A delivery that stopped between the ledger and the account: its entry is posted, never decided again.
      if (before) return { result: undefined, ...(before.applied ? {} : { item: this.itemOf(before) }) };
      const sale = found.get(saleId);
      // A sale earned on a record merged into this member is this member's: the merge moved its points here.
      const owners = sale ? await this.mergeChain(sale.memberId, memberId) : undefined;
      if (!sale || (sale.cause.type !== 'purchase' && sale.cause.type !== 'receipt') || !owners) {
        return { result: { code: 'refund.sale-unknown', reason: `no sale ${payload.receiptNumber} of tenant ${payload.tenantId} for this member` } };
      }
      // Refunds of the sale posted before the merge sit on the record it was earned on.
      const earlier = (await Promise.all(owners.map((owner) => this.ledger.refundsOf(owner, payload.tenantId, payload.receiptNumber)))).flat();
      if (payload.currency !== sale.cause.currency) return { result: { code: 'refund.currency-mismatch', reason: `the sale was in ${sale.cause.currency}` } };
      const refundedAmount = earlier.reduce((sum, e) => sum + (e.cause.type === 'refund' ? e.cause.amountMinor : 0), 0);
      const reversedPoints = earlier.reduce((sum, e) => sum - (e.deltas.lifetimeEarned ?? 0), 0);
      const amount = Number(payload.amountMinor);
      if (refundedAmount + amount > sale.cause.amountMinor) {
        return { result: { code: 'refund.amount-exceeds-sale', reason: `refunds would total ${refundedAmount + amount}, more than the sale's ${sale.cause.amountMinor}` } };
      }
      const reversal = reverseForRefund({
        earnedPoints: sale.deltas.lifetimeEarned ?? 0,
        saleAmountMinor: sale.cause.amountMinor,
        refundedAmountMinor: refundedAmount,
        reversedPoints,
        refundAmountMinor: amount,
        matured: found.has(maturityEntryId(saleId)),
        available: account.available,
        policy: this.settings.refundPolicy,
      });
      const entry: LedgerEntry = {
        id,
        memberId,
        kind: 'refund',
        deltas: reversal.deltas,
        cause: {
          type: 'refund',
          tenantId: payload.tenantId,
          receiptNumber: payload.receiptNumber,
          refundNumber: payload.refundNumber,
          amountMinor: amount,
          currency: payload.currency,
          sourceEventId: refund.eventId,
        },
        occurredAt: timestampDate(payload.occurredAt),
        recordedAt: new Date(),
        ...(reversal.flag ? { flag: reversal.flag } : {}),
      };
      // Every writer of this id holds the account's lock: a clash is a bug to retry, never to post twice.
      if (!(await this.ledger.insertOne(entry))) throw new Error(`entry ${id} appeared while account ${memberId} was locked`);
      return { result: undefined, item: this.itemOf(entry) };
    });
    if (posted) {
      await this.ledger.markApplied([posted.entry.id]);
      await this.accounts.forgetConfirmed([{ memberId, items: [posted] }]);
    }
    return rejection;
  }

  /**
   * The account that stands for this one now: a record merged into another has no points left
   * (the merge moved them), so a refund naming its card or phone is the survivor's.
   */
  private async survivorOf(account: AccountForPosting | undefined): Promise<AccountForPosting | undefined> {
    let current = account;
    for (let hop = 0; current?.mergedInto && hop < MAX_MERGE_HOPS; hop += 1) {
      current = (await this.accounts.findForPosting([current.mergedInto])).get(current.mergedInto);
    }
    return current;
  }

  /** The accounts from `from` along its merges to `to` (both included), or undefined when the merges do not lead there. */
  private async mergeChain(from: string, to: string): Promise<string[] | undefined> {
    const chain = [from];
    for (let hop = 0; chain.at(-1) !== to; hop += 1) {
      if (hop >= MAX_MERGE_HOPS) return undefined;
      const into = (await this.accounts.findByMemberId(chain.at(-1)!))?.mergedInto;
      if (!into) return undefined;
      chain.push(into);
    }
    return chain;
  }

  private itemOf(entry: LedgerEntry, tenantName?: string): PostingItem {
    const event = ledgerEventOf(this.outbox, entry, tenantName);
    return { entry, ...(event ? { event } : {}) };
  }

  private commonChecks(
    payload: PurchaseRecorded | PurchaseRefunded,
    account: AccountForPosting | undefined,
    state: BatchState,
    now: Date,
  ): Rejection | undefined {
    const checked = checkPurchase(
      { cardNumber: payload.cardNumber, phone: payload.phone, amountMinor: payload.amountMinor, currency: payload.currency, occurredAt: timestampDate(payload.occurredAt) },
      this.settings,
      now,
    );
    if (checked) return checked;
    if (!account) return { code: 'purchase.member-unknown', reason: payload.cardNumber ? `no member has card ${payload.cardNumber}` : 'no member has this phone number' };
    if (account.frozen) return { code: 'purchase.member-frozen', reason: 'the member is frozen and earns nothing' };
    const tenant = state.tenants.get(payload.tenantId);
    if (!tenant) return { code: 'purchase.tenant-unknown', reason: `tenant ${payload.tenantId} is not registered` };
    if (tenant.status !== 'open') return { code: 'purchase.tenant-closed', reason: `tenant ${payload.tenantId} is closed` };
    return undefined;
  }

  /** A sale's checks: those of every sale or refund, then whether its date may still earn for this member. */
  private saleChecks(sale: PurchaseRecorded, account: AccountForPosting | undefined, state: BatchState, now: Date): Rejection | undefined {
    return this.commonChecks(sale, account, state, now) ?? checkSaleDate(timestampDate(sale.occurredAt), account!.registeredAt, this.settings.maxAgeDays, now);
  }

  /** The card names the member when given (a card is one person's); otherwise the phone. */
  private memberOf(payload: PurchaseRecorded | PurchaseRefunded, state: BatchState): AccountForPosting | undefined {
    if (payload.cardNumber) return state.accounts.find((account) => account.cardNumbers.includes(payload.cardNumber));
    return state.accounts.find((account) => account.phone === payload.phone);
  }

  /** For a refund: the record merged away that held the card the sale was made with (its cards are retired, its points on the survivor). */
  private mergedHolderOf(payload: PurchaseRefunded, state: BatchState): AccountForPosting | undefined {
    if (!payload.cardNumber) return undefined;
    return state.accounts.find((account) => account.mergedInto !== undefined && (account.retiredCardNumbers ?? []).includes(payload.cardNumber));
  }

  private post(state: BatchState, account: AccountForPosting, entry: LedgerEntry, earnedOn: string | undefined): void {
    if (entry.applied || account.appliedEntryIds.has(entry.id)) {
      // In the balances already; an unconfirmed one is confirmed again below.
      if (!entry.applied) state.confirmOnly.push(entry.id);
      return;
    }
    const items = state.postings.get(account.memberId) ?? [];
    // The tenant's name, for the member's earned-points SMS (points.earned).
    const tenantName = 'tenantId' in entry.cause ? state.tenants.get(entry.cause.tenantId)?.name : undefined;
    items.push({ ...this.itemOf(entry, tenantName), ...(earnedOn ? { earnedOn } : {}) });
    state.postings.set(account.memberId, items);
  }

  /**
   * New entries first, then the accounts (an account never holds an entry the ledger lacks),
   * then the entries' applied mark, and only then the accounts forget the ids they needed
   * until that mark was written.
   */
  private async write(state: BatchState): Promise<void> {
    // An entry another writer inserted first (a receipt's approval racing the feed) is theirs to post.
    const theirs = await this.ledger.insertNew(state.fresh);
    const postings: Posting[] = [...state.postings].map(([memberId, items]) => ({
      memberId,
      items: theirs.size === 0 ? items : items.filter((item) => !theirs.has(item.entry.id)),
    }));
    await this.accounts.post(postings);
    await this.ledger.markApplied([...postings.flatMap((posting) => posting.items.map((item) => item.entry.id)), ...state.confirmOnly]);
    await this.accounts.forgetConfirmed(postings);
    await this.rejected.record(state.rejections);
  }
}


function emptyState(): Omit<BatchState, 'accounts' | 'tenants' | 'existing'> {
  return { postings: new Map(), fresh: [], rejections: [], earnedInBatch: new Map(), confirmOnly: [], handled: new Set() };
}

/** Whether the account read under its lock is still the one holding the sale's card (live) or phone. */
function holds(account: AccountForPosting | undefined, payload: PurchaseRecorded): boolean {
  if (!account) return false;
  return payload.cardNumber ? account.cardNumbers.includes(payload.cardNumber) : account.phone === payload.phone;
}

function timestampDate(timestamp: { seconds: bigint; nanos: number } | undefined): Date {
  if (!timestamp) return new Date(Number.NaN);
  return new Date(Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1_000_000));
}

function rejectionOf(event: ConsumedEvent<{ tenantId: string }>, receiptNumber: string, rejection: Rejection, now: Date): RejectedPurchase {
  return { eventId: event.eventId, type: event.type, tenantId: event.payload.tenantId, receiptNumber, code: rejection.code, reason: rejection.reason, rejectedAt: now };
}

/** A refused sale keeps what it was: a receipt submitted for it later is matched on these. */
function saleRejectionOf(sale: SaleEvent, rejection: Rejection, now: Date): RejectedPurchase {
  const { payload } = sale;
  const occurredAt = timestampDate(payload.occurredAt);
  return {
    ...rejectionOf(sale, payload.receiptNumber, rejection, now),
    ...(payload.amountMinor > 0n && payload.amountMinor <= BigInt(Number.MAX_SAFE_INTEGER) ? { amountMinor: Number(payload.amountMinor) } : {}),
    currency: payload.currency,
    ...(Number.isNaN(occurredAt.getTime()) ? {} : { occurredAt }),
    ...(payload.category ? { category: payload.category } : {}),
  };
}
