import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import { findEachById, isDuplicateKey, nativeCollection } from '@atrium/document-batches';
import { DocumentLocks } from '@atrium/document-locks';
import { OUTBOX_PENDING_SET, OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { AuditEntry } from '../audit/audit-entry.entity';
import { NAME_PREFIX_LENGTH, namePrefixesOf, nameSearchKey, prefixPattern } from '../profile/name-search-key';
import type { TierChange, TierReview } from '../tiers/tier.entity';
import type { ConsentRecord, Member, MemberCard } from './member.entity';
import { CardNumberTakenError, MemberNotActiveError, MemberNotFoundError, PhoneAlreadyRegisteredError } from './member.errors';
import { MEMBER_MODEL, type MemberDocument } from './member.schema';

const COLLECTION = 'members';

/** What reads hand out: never the audit trail, the histories or the outbox. */
const MEMBER_FIELDS = { outbox: 0, audit: 0, consentHistory: 0, tierHistory: 0, tierReviews: 0 } as const;

/** Merges a redirect may follow from a closed record to the member that stands for it now. */
const MAX_MERGE_HOPS = 8;

/** A member's record as a change sees it: the member and the stories of their consent and tier. */
export interface MemberRecord {
  readonly member: Member;
  readonly consentHistory: readonly ConsentRecord[];
  readonly tierHistory: readonly TierChange[];
  readonly tierReviews: readonly TierReview[];
  /** The audit trail, only when the change asked for it (erasure rewrites it). */
  readonly audit?: readonly AuditEntry[];
}

/**
 * What a change of a member writes, in one single-document update: the member as it is
 * after the change, what to add to the histories and audit trail, and the events.
 */
export interface MemberChange {
  readonly member: Member;
  readonly consentRecord?: ConsentRecord;
  readonly audit?: AuditEntry;
  readonly tierChange?: TierChange;
  readonly tierReview?: TierReview;
  /** The whole audit trail rewritten (erasure masks every value); `audit` is added after it. */
  readonly replaceAudit?: readonly AuditEntry[];
  readonly events: readonly OutboxEntry[];
}

export interface ChangeOptions {
  /** Merges and erasure change records that are no longer active; every other change is refused (409). */
  readonly evenIfClosed?: boolean;
  /** Hand the audit trail to `decide` (MemberRecord.audit). */
  readonly withAudit?: boolean;
}

/** A record the yearly review walks over: id, state, tier and the records merged into it. */
export interface ReviewCandidate {
  readonly id: string;
  readonly status: Member['status'];
  readonly tier?: string;
  readonly mergedFrom: readonly string[];
}

/** Optional fields of a stored member that a change may clear. */
const CLEARABLE = ['gender', 'birthday', 'district', 'preferredLanguage', 'consent', 'sourceRef', 'sourceCompanyId', 'tier', 'closedAt', 'mergedInto', 'notifications'] as const;

@Injectable()
export class MembersRepository implements OnModuleInit {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly members: Model<MemberDocument>,
    private readonly relay: OutboxRelay,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.members, { marked: true });
    await this.members.syncIndexes();
  }

  /** Stores a new member and the events announcing it in one write (an insert: no lock needed). */
  async insert(member: Member, events: readonly OutboxEntry[], audit?: AuditEntry, tierChange?: TierChange): Promise<void> {
    try {
      await this.members.create({
        ...toDocument(member),
        consentHistory: member.consent ? [member.consent] : [],
        tierHistory: tierChange ? [tierChange] : [],
        tierReviews: [],
        audit: audit ? [audit] : [],
        outbox: [...events],
        ...(events.length > 0 ? OUTBOX_PENDING_SET : {}),
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const holder = await this.findPhoneHolder(member.phone);
      if (holder) throw new PhoneAlreadyRegisteredError((await this.resolveLive(holder))?.id ?? holder.id);
      throw new CardNumberTakenError(member.cardNumber);
    }
    this.relay.nudge({ collection: this.members.collection.name, ids: [member.id] });
  }

  /**
   * Changes a member under its document lock (FerretDB v1 loses concurrent updates, ADR 0003):
   * reads the record, lets `decide` work out the change from what is stored now, and writes
   * the new fields, the history, the audit entry and the events in one update. `decide`
   * returning undefined writes nothing. A phone or card number that another member holds is
   * refused by the unique indexes. A merged or erased record is refused (409) unless the
   * change says it deals with closed records.
   */
  async change(id: string, decide: (record: MemberRecord) => MemberChange | undefined, options: ChangeOptions = {}): Promise<Member> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.members.findById(id, options.withAudit ? { outbox: 0 } : { outbox: 0, audit: 0 }).lean<MemberDocument>();
      if (!document) throw new MemberNotFoundError(id);
      const member = toMember(document);
      if (member.status !== 'active' && !options.evenIfClosed) throw new MemberNotActiveError(id, member.status, member.mergedInto);
      const record: MemberRecord = {
        member,
        consentHistory: document.consentHistory ?? [],
        tierHistory: document.tierHistory ?? [],
        tierReviews: document.tierReviews ?? [],
        ...(options.withAudit ? { audit: document.audit ?? [] } : {}),
      };
      const change = decide(record);
      if (!change) return record.member;
      if (change.member.phone !== record.member.phone) {
        // Said before the write: FerretDB v1 refuses a duplicate in an update without the
        // duplicate-key code. The unique index still decides a race with another writer.
        await this.refuseTakenPhone(change.member.phone, id);
      }
      try {
        await this.members.updateOne({ _id: id }, updateOf(change));
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        await this.refuseTakenPhone(change.member.phone, id);
        throw new CardNumberTakenError(change.member.cardNumber);
      }
      if (change.events.length > 0) this.relay.nudge({ collection: this.members.collection.name, ids: [id] });
      return change.member;
    });
  }

  /** The record with this id, whatever its status (merged and erased records too). */
  async findById(id: string): Promise<Member | undefined> {
    const document = await this.members.findById(id, MEMBER_FIELDS).lean<MemberDocument>();
    return document ? toMember(document) : undefined;
  }

  /** Several records by id, whatever their status; unknown ids are left out. */
  async findManyByIds(ids: readonly string[]): Promise<Member[]> {
    if (ids.length === 0) return [];
    const documents = await findEachById(nativeCollection(this.members), ids, { projection: MEMBER_FIELDS });
    return [...documents.values()].map(toMember);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.members.exists({ _id: id })) !== null;
  }

  /**
   * The member a phone finds: its holder, or the member a merged holder was merged into.
   * An erased member's phone is a placeholder no typed number matches.
   */
  async findByPhone(phone: string): Promise<Member | undefined> {
    const holder = await this.findPhoneHolder(phone);
    return holder ? this.resolveLive(holder) : undefined;
  }

  /** The record holding this phone in the unique index, whatever its status. */
  async findPhoneHolder(phone: string): Promise<Member | undefined> {
    const document = await this.members.findOne({ phone }, MEMBER_FIELDS).lean<MemberDocument>();
    return document ? toMember(document) : undefined;
  }

  /**
   * The record that has or ever had this card (current cards first: both fields are indexed),
   * whatever its status: the look-up decides what a merged or erased holder means.
   */
  async findCardHolder(cardNumber: string): Promise<Member | undefined> {
    const current = await this.members.findOne({ cardNumber }, MEMBER_FIELDS).lean<MemberDocument>();
    if (current) return toMember(current);
    const former = await this.members.findOne({ cardNumbers: cardNumber }, MEMBER_FIELDS).lean<MemberDocument>();
    return former ? toMember(former) : undefined;
  }

  /** Whether any record has or had this card number (a card number is never handed out twice). */
  async isCardNumberUsed(cardNumber: string): Promise<boolean> {
    return (await this.findCardHolder(cardNumber)) !== undefined;
  }

  /**
   * The active member a record stands for now: itself when active, the member it was merged
   * into (following merges of merges), nothing for an erased one.
   */
  async resolveLive(member: Member): Promise<Member | undefined> {
    let current: Member | undefined = member;
    for (let hop = 0; current && hop <= MAX_MERGE_HOPS; hop++) {
      if (current.status === 'active') return current;
      if (current.status === 'erased' || !current.mergedInto) return undefined;
      current = await this.findById(current.mergedInto);
    }
    return undefined;
  }

  /**
   * Records registered before `registeredBefore` with an id after `afterId`, in id order: the
   * yearly review walks every member this way and resumes after the last one it saved.
   */
  async reviewCandidates(afterId: string, registeredBefore: Date, limit: number): Promise<ReviewCandidate[]> {
    const documents = await this.members
      .find({ _id: { $gt: afterId }, registeredAt: { $lt: registeredBefore } }, { _id: 1, status: 1, tier: 1, mergedFrom: 1 })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Pick<MemberDocument, '_id' | 'status' | 'tier' | 'mergedFrom'>[]>();
    return documents.map((document) => ({
      id: document._id,
      status: document.status ?? 'active',
      ...(document.tier ? { tier: document.tier } : {}),
      mergedFrom: document.mergedFrom ?? [],
    }));
  }

  async countRegisteredBefore(registeredBefore: Date): Promise<number> {
    return this.members.countDocuments({ registeredAt: { $lt: registeredBefore } });
  }

  /** A member's tier history and yearly reviews, oldest first. */
  async findTierHistory(id: string): Promise<{ history: TierChange[]; reviews: TierReview[] } | undefined> {
    const document = await this.members.findById(id, { tierHistory: 1, tierReviews: 1 }).lean<Pick<MemberDocument, 'tierHistory' | 'tierReviews'>>();
    return document ? { history: document.tierHistory ?? [], reviews: document.tierReviews ?? [] } : undefined;
  }

  private async refuseTakenPhone(phone: string, id: string): Promise<void> {
    const holder = await this.findPhoneHolder(phone);
    if (holder && holder.id !== id) throw new PhoneAlreadyRegisteredError((await this.resolveLive(holder))?.id ?? holder.id);
  }

  /**
   * Members whose name key starts with `keyPrefix`, in key order, one page. The indexed
   * prefixes find them; a prefix longer than those stored is checked against the key as well.
   */
  async findByNameKeyPrefix(keyPrefix: string, page: { readonly limit: number; readonly offset: number }): Promise<Member[]> {
    const stored = Array.from(keyPrefix).slice(0, NAME_PREFIX_LENGTH).join('');
    const filter = stored === keyPrefix ? { namePrefixes: keyPrefix } : { namePrefixes: stored, nameKey: { $regex: prefixPattern(keyPrefix) } };
    const documents = await this.members
      .find(filter, MEMBER_FIELDS)
      .sort({ nameKey: 1, _id: 1 })
      .skip(page.offset)
      .limit(page.limit)
      .lean<MemberDocument[]>();
    return documents.map(toMember);
  }

  /**
   * The highest card number issued under a prefix, for the card counter. A current card is
   * always its member's newest and numbers only grow, so the highest current card is the
   * highest ever issued.
   */
  async highestCardNumber(prefix: string): Promise<string | undefined> {
    const highest = await this.members.findOne({ cardNumber: { $regex: `^${prefix}` } }, { cardNumber: 1 }).sort({ cardNumber: -1 }).lean<{ cardNumber: string }>();
    return highest?.cardNumber;
  }

  async findConsentHistory(id: string): Promise<{ current?: ConsentRecord; history: ConsentRecord[]; mergedFrom: string[] } | undefined> {
    const document = await this.members.findById(id, { consent: 1, consentHistory: 1, mergedFrom: 1 }).lean<Pick<MemberDocument, 'consent' | 'consentHistory' | 'mergedFrom'>>();
    if (!document) return undefined;
    return { ...(document.consent ? { current: document.consent } : {}), history: document.consentHistory ?? [], mergedFrom: document.mergedFrom ?? [] };
  }

  /** The audit trail and the records merged into the member (whose trails its view includes). */
  async findAuditWithMerged(id: string): Promise<{ audit: AuditEntry[]; mergedFrom: string[] } | undefined> {
    const document = await this.members.findById(id, { audit: 1, mergedFrom: 1 }).lean<Pick<MemberDocument, 'audit' | 'mergedFrom'>>();
    return document ? { audit: document.audit ?? [], mergedFrom: document.mergedFrom ?? [] } : undefined;
  }

  /** The consent histories of several records (those merged into a member), by id; unknown ids are left out. */
  async findConsentHistories(ids: readonly string[]): Promise<Map<string, ConsentRecord[]>> {
    const documents = await findEachById(nativeCollection(this.members), ids, { projection: { consentHistory: 1 } });
    return new Map([...documents].map(([id, document]) => [id, document.consentHistory ?? []]));
  }

  /** The audit trails of several records (those merged into a member), by id; unknown ids are left out. */
  async findAudits(ids: readonly string[]): Promise<Map<string, AuditEntry[]>> {
    const documents = await findEachById(nativeCollection(this.members), ids, { projection: { audit: 1 } });
    return new Map([...documents].map(([id, document]) => [id, document.audit ?? []]));
  }
}

function updateOf(change: MemberChange): UpdateQuery<MemberDocument> {
  const { _id, ...fields } = toDocument(change.member);
  const unset = CLEARABLE.filter((field) => fields[field] === undefined);
  const set: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const push: Record<string, { $each: unknown[] }> = {};
  if (change.consentRecord) push.consentHistory = { $each: [change.consentRecord] };
  if (change.replaceAudit) set.audit = [...change.replaceAudit, ...(change.audit ? [change.audit] : [])];
  else if (change.audit) push.audit = { $each: [change.audit] };
  if (change.tierChange) push.tierHistory = { $each: [change.tierChange] };
  if (change.tierReview) push.tierReviews = { $each: [change.tierReview] };
  if (change.events.length > 0) {
    push.outbox = { $each: [...change.events] };
    Object.assign(set, OUTBOX_PENDING_SET);
  }
  return {
    $set: set,
    ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((field) => [field, 1])) } : {}),
    ...(Object.keys(push).length > 0 ? { $push: push } : {}),
  };
}

type StoredFields = Omit<MemberDocument, 'outbox' | 'audit' | 'consentHistory' | 'tierHistory' | 'tierReviews'>;

function toDocument(member: Member): StoredFields {
  const nameKey = nameSearchKey(member.name);
  return {
    _id: member.id,
    status: member.status,
    closedAt: member.closedAt,
    mergedInto: member.mergedInto,
    mergedFrom: [...member.mergedFrom],
    phone: member.phone,
    name: member.name,
    nameKey,
    // A merged or erased record is never found by name: the look-up shows members only.
    namePrefixes: member.status === 'active' ? namePrefixesOf(nameKey) : [],
    cardNumber: member.cardNumber,
    cardNumbers: member.cards.map((card) => card.number),
    cards: member.cards.map((card) => ({ ...card })),
    channel: member.channel,
    sourceRef: member.sourceRef,
    sourceCompanyId: member.sourceCompanyId,
    registeredAt: member.registeredAt,
    gender: member.gender,
    birthday: member.birthday,
    district: member.district,
    preferredLanguage: member.preferredLanguage,
    interests: [...member.interests],
    tags: [...member.tags],
    consent: member.consent,
    tier: member.tier,
    notifications: member.notifications,
  };
}

/** Members stored before cards had a history carry only their card number: it is their active card. */
function cardsOf(document: MemberDocument): MemberCard[] {
  if (document.cards && document.cards.length > 0) return document.cards.map(withoutEmpty);
  return [{ number: document.cardNumber, state: 'active', issuedAt: document.registeredAt }];
}

/** Drops the nulls a database hands back for absent optional fields. */
function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined)) as T;
}

function toMember(document: MemberDocument): Member {
  return {
    id: document._id,
    status: document.status ?? 'active',
    ...(document.closedAt ? { closedAt: document.closedAt } : {}),
    ...(document.mergedInto ? { mergedInto: document.mergedInto } : {}),
    mergedFrom: document.mergedFrom ?? [],
    phone: document.phone,
    name: document.name,
    cardNumber: document.cardNumber,
    channel: document.channel,
    ...(document.sourceRef ? { sourceRef: document.sourceRef } : {}),
    ...(document.sourceCompanyId ? { sourceCompanyId: document.sourceCompanyId } : {}),
    registeredAt: document.registeredAt,
    ...(document.gender ? { gender: document.gender } : {}),
    ...(document.birthday ? { birthday: withoutEmpty(document.birthday) } : {}),
    ...(document.district ? { district: document.district } : {}),
    ...(document.preferredLanguage ? { preferredLanguage: document.preferredLanguage } : {}),
    interests: document.interests ?? [],
    tags: document.tags ?? [],
    cards: cardsOf(document),
    ...(document.consent ? { consent: withoutEmpty(document.consent) } : {}),
    ...(document.tier ? { tier: document.tier } : {}),
    ...(document.notifications ? { notifications: withoutEmpty(document.notifications) } : {}),
  };
}
