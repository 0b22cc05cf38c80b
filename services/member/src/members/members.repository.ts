import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { AuditEntry } from '../audit/audit-entry.entity';
import { NAME_PREFIX_LENGTH, namePrefixesOf, nameSearchKey, prefixPattern } from '../profile/name-search-key';
import type { ConsentRecord, Member, MemberCard } from './member.entity';
import { CardNumberTakenError, MemberNotFoundError, PhoneAlreadyRegisteredError } from './member.errors';
import { MEMBER_MODEL, type MemberDocument } from './member.schema';

const DUPLICATE_KEY = 11000;
const COLLECTION = 'members';

/** What reads hand out: never the audit trail, the consent history or the outbox. */
const MEMBER_FIELDS = { outbox: 0, audit: 0, consentHistory: 0 } as const;

/** A member's record as a change sees it: the member and the story of their consent. */
export interface MemberRecord {
  readonly member: Member;
  readonly consentHistory: readonly ConsentRecord[];
}

/**
 * What a change of a member writes, in one single-document update: the member as it is
 * after the change, what to add to the consent history and audit trail, and the events.
 */
export interface MemberChange {
  readonly member: Member;
  readonly consentRecord?: ConsentRecord;
  readonly audit?: AuditEntry;
  readonly events: readonly OutboxEntry[];
}

/** Optional fields of a stored member that a change may clear. */
const CLEARABLE = ['gender', 'birthday', 'district', 'preferredLanguage', 'consent', 'sourceRef', 'tier'] as const;

@Injectable()
export class MembersRepository implements OnModuleInit {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly members: Model<MemberDocument>,
    private readonly relay: OutboxRelay,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.members);
    await this.members.syncIndexes();
  }

  /** Stores a new member and the events announcing it in one write (an insert: no lock needed). */
  async insert(member: Member, events: readonly OutboxEntry[], audit?: AuditEntry): Promise<void> {
    try {
      await this.members.create({ ...toDocument(member), consentHistory: member.consent ? [member.consent] : [], audit: audit ? [audit] : [], outbox: [...events] });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.findByPhone(member.phone);
      if (existing) throw new PhoneAlreadyRegisteredError(existing.id);
      throw new CardNumberTakenError(member.cardNumber);
    }
    this.relay.nudge();
  }

  /**
   * Changes a member under its document lock (FerretDB v1 loses concurrent updates, ADR 0003):
   * reads the record, lets `decide` work out the change from what is stored now, and writes
   * the new fields, the history, the audit entry and the events in one update. `decide`
   * returning undefined writes nothing. A phone or card number that another member holds is
   * refused by the unique indexes.
   */
  async change(id: string, decide: (record: MemberRecord) => MemberChange | undefined): Promise<Member> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.members.findById(id, { outbox: 0, audit: 0 }).lean<MemberDocument>();
      if (!document) throw new MemberNotFoundError(id);
      const record: MemberRecord = { member: toMember(document), consentHistory: document.consentHistory ?? [] };
      const change = decide(record);
      if (!change) return record.member;
      if (change.member.phone !== record.member.phone) {
        // Said before the write: FerretDB v1 refuses a duplicate in an update without the
        // duplicate-key code. The unique index still decides a race with another writer.
        const holder = await this.findByPhone(change.member.phone);
        if (holder && holder.id !== id) throw new PhoneAlreadyRegisteredError(holder.id);
      }
      try {
        await this.members.updateOne({ _id: id }, updateOf(change));
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const holder = await this.findByPhone(change.member.phone);
        if (holder && holder.id !== id) throw new PhoneAlreadyRegisteredError(holder.id);
        throw new CardNumberTakenError(change.member.cardNumber);
      }
      if (change.events.length > 0) this.relay.nudge();
      return change.member;
    });
  }

  async findById(id: string): Promise<Member | undefined> {
    const document = await this.members.findById(id, MEMBER_FIELDS).lean<MemberDocument>();
    return document ? toMember(document) : undefined;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.members.exists({ _id: id })) !== null;
  }

  async findByPhone(phone: string): Promise<Member | undefined> {
    const document = await this.members.findOne({ phone }, MEMBER_FIELDS).lean<MemberDocument>();
    return document ? toMember(document) : undefined;
  }

  /** The member who has or ever had this card (current cards first: both fields are indexed). */
  async findByCardNumber(cardNumber: string): Promise<Member | undefined> {
    const current = await this.members.findOne({ cardNumber }, MEMBER_FIELDS).lean<MemberDocument>();
    if (current) return toMember(current);
    const former = await this.members.findOne({ cardNumbers: cardNumber }, MEMBER_FIELDS).lean<MemberDocument>();
    return former ? toMember(former) : undefined;
  }

  /** Whether any member has or had this card number (a replacement must never reuse one). */
  async isCardNumberUsed(cardNumber: string): Promise<boolean> {
    return (await this.findByCardNumber(cardNumber)) !== undefined;
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

  async findConsentHistory(id: string): Promise<{ current?: ConsentRecord; history: ConsentRecord[] } | undefined> {
    const document = await this.members.findById(id, { consent: 1, consentHistory: 1 }).lean<Pick<MemberDocument, 'consent' | 'consentHistory'>>();
    if (!document) return undefined;
    return { ...(document.consent ? { current: document.consent } : {}), history: document.consentHistory ?? [] };
  }

  async findAudit(id: string): Promise<AuditEntry[] | undefined> {
    const document = await this.members.findById(id, { audit: 1 }).lean<Pick<MemberDocument, 'audit'>>();
    return document ? (document.audit ?? []) : undefined;
  }
}

/**
 * A unique index refused the write: MongoDB says so with code 11000; FerretDB v1 does for an
 * insert, but for an update passes PostgreSQL's unique violation through as an internal error.
 */
function isDuplicateKey(error: unknown): boolean {
  const { code, message } = error as { code?: number; message?: string };
  return code === DUPLICATE_KEY || (typeof message === 'string' && message.includes('duplicate key value violates unique constraint'));
}

function updateOf(change: MemberChange): UpdateQuery<MemberDocument> {
  const { _id, ...fields } = toDocument(change.member);
  const unset = CLEARABLE.filter((field) => fields[field] === undefined);
  const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const push: Record<string, { $each: unknown[] }> = {};
  if (change.consentRecord) push.consentHistory = { $each: [change.consentRecord] };
  if (change.audit) push.audit = { $each: [change.audit] };
  if (change.events.length > 0) push.outbox = { $each: [...change.events] };
  return {
    $set: set,
    ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((field) => [field, 1])) } : {}),
    ...(Object.keys(push).length > 0 ? { $push: push } : {}),
  };
}

type StoredFields = Omit<MemberDocument, 'outbox' | 'audit' | 'consentHistory'>;

function toDocument(member: Member): StoredFields {
  const nameKey = nameSearchKey(member.name);
  return {
    _id: member.id,
    phone: member.phone,
    name: member.name,
    nameKey,
    namePrefixes: namePrefixesOf(nameKey),
    cardNumber: member.cardNumber,
    cardNumbers: member.cards.map((card) => card.number),
    cards: member.cards.map((card) => ({ ...card })),
    channel: member.channel,
    sourceRef: member.sourceRef,
    registeredAt: member.registeredAt,
    gender: member.gender,
    birthday: member.birthday,
    district: member.district,
    preferredLanguage: member.preferredLanguage,
    interests: [...member.interests],
    tags: [...member.tags],
    consent: member.consent,
    tier: member.tier,
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
    phone: document.phone,
    name: document.name,
    cardNumber: document.cardNumber,
    channel: document.channel,
    ...(document.sourceRef ? { sourceRef: document.sourceRef } : {}),
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
  };
}
