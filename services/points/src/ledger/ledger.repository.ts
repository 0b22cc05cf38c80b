import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { chunkedBulkWrite, DUPLICATE_KEY, findEachById, nativeCollection } from '@atrium/document-batches';
import { DUE_CALENDAR, dueDaysOf, type DueCalendar, type DueDays } from './due-days';
import type { LedgerEntry } from './ledger-entry.entity';
import { LEDGER_ENTRY_MODEL, type LedgerEntryDocument } from './ledger-entry.schema';

const NONE: ReadonlySet<string> = new Set();

/** A stored entry without the due days it should carry (LedgerRepository.undatedOf). */
export interface UndatedEntry {
  readonly id: string;
  readonly applied: boolean;
  readonly dueDays: DueDays;
}

/** The append-only ledger. Entries are plain objects out, immutable once in. */
@Injectable()
export class LedgerRepository implements OnModuleInit {
  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntryDocument>,
    @Inject(DUE_CALENDAR) private readonly calendar: DueCalendar,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.entries.syncIndexes();
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, LedgerEntry>> {
    if (ids.length === 0) return new Map();
    const documents = await findEachById(nativeCollection(this.entries), ids);
    return new Map([...documents].map(([id, document]) => [id, toEntry(document)]));
  }

  /**
   * Inserts entries in bulk with the driver (mongoose's insertMany is far slower). An entry
   * that exists already — a redelivered sale, or the same sale earned through a submitted
   * receipt a moment earlier — is left as it is (ids are derived from causes); the ids of those
   * are returned, so that the caller never posts its own copy of an entry it did not write.
   */
  async insertNew(entries: readonly LedgerEntry[]): Promise<ReadonlySet<string>> {
    if (entries.length === 0) return NONE;
    try {
      await this.entries.collection.insertMany(entries.map((entry) => ({ ...this.toDocument(entry), applied: false })) as never[], { ordered: false });
      return NONE;
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { code?: number; index?: number }[] }).writeErrors ?? [];
      const onlyDuplicates = (error as { code?: number }).code === DUPLICATE_KEY && writeErrors.every((e) => e.code === DUPLICATE_KEY);
      if (!onlyDuplicates) throw error;
      // Without the index of each refused entry the caller could not tell which are its own;
      // failing makes the batch run again, and the entries are then read as existing ones.
      if (writeErrors.some((e) => e.index === undefined)) throw error;
      return new Set(writeErrors.map((e) => entries[e.index!].id));
    }
  }

  /** Inserts one entry; false when an entry with its id exists already (nothing is written). */
  async insertOne(entry: LedgerEntry): Promise<boolean> {
    try {
      await this.entries.collection.insertOne({ ...this.toDocument(entry), applied: false } as never);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async findById(id: string): Promise<LedgerEntry | undefined> {
    return (await this.findByIds([id])).get(id);
  }

  /** Records that these entries are in their accounts' balances (see LedgerEntry.applied). */
  async markApplied(ids: readonly string[]): Promise<void> {
    // One update by `_id` each: FerretDB would read the whole ledger to run `$in`.
    await chunkedBulkWrite(
      nativeCollection(this.entries),
      ids.map((id) => ({ updateOne: { filter: { _id: id }, update: { $set: { applied: true } } } })),
      { ordered: false },
    );
  }

  async forMember(memberId: string, from?: Date, to?: Date): Promise<LedgerEntry[]> {
    const occurredAt = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
    const filter = { memberId, ...(from || to ? { occurredAt } : {}) };
    const documents = await this.entries.find(filter).sort({ occurredAt: 1, _id: 1 }).lean<LedgerEntryDocument[]>();
    return documents.map(toEntry);
  }

  /**
   * Earlier refunds of one sale, for proportional reversal of what is left; a sale's refunds are
   * its member's entries. Asked by the member: FerretDB hands only top-level equalities to
   * PostgreSQL, so the dotted sale fields are matched among the member's refunds, where asked
   * alone they were matched among every refund of the ledger (4.8 s at 1,000,000 entries).
   */
  async refundsOf(memberId: string, tenantId: string, receiptNumber: string): Promise<LedgerEntry[]> {
    const documents = await this.entries
      .find({ memberId, kind: 'refund', 'cause.tenantId': tenantId, 'cause.receiptNumber': receiptNumber })
      .lean<LedgerEntryDocument[]>();
    return documents.map(toEntry);
  }

  /**
   * The members with something due on the given days, and how many of their entries are: one
   * equality query per day and field, on its index (FerretDB reads the whole ledger for `$in`
   * or a range). Only `memberId` is read.
   */
  async membersDue(days: { maturesOn: readonly string[]; expiresOn: readonly string[] }): Promise<Map<string, number>> {
    const due = new Map<string, number>();
    const seen = new Set<string>();
    const filters = [...days.maturesOn.map((day) => ({ maturesOn: day })), ...days.expiresOn.map((day) => ({ expiresOn: day }))];
    for (const filter of filters) {
      const cursor = this.entries.collection.find(filter as never, { projection: { memberId: 1 } });
      for await (const document of cursor) {
        // An entry due on two of the days counts once.
        if (seen.has(document._id as unknown as string)) continue;
        seen.add(document._id as unknown as string);
        const memberId = (document as unknown as { memberId: string }).memberId;
        due.set(memberId, (due.get(memberId) ?? 0) + 1);
      }
    }
    return due;
  }

  /**
   * A member's entries stored without due days (written before entries carried them) that have
   * some, with their due days and whether their `applied` mark is written. Entries stored with
   * due days, and entries with nothing due, are left out.
   */
  async undatedOf(memberId: string): Promise<UndatedEntry[]> {
    return this.undated(await this.entries.find({ memberId }).lean<LedgerEntryDocument[]>());
  }

  /** The undated entries among these ids (as undatedOf), one `_id` query each. */
  async undatedAmong(ids: readonly string[]): Promise<UndatedEntry[]> {
    return this.undated([...(await findEachById(nativeCollection(this.entries), ids)).values()]);
  }

  private undated(documents: readonly LedgerEntryDocument[]): UndatedEntry[] {
    return documents
      .filter((document) => document.maturesOn === undefined && document.expiresOn === undefined)
      .map((document) => ({ id: document._id, applied: document.applied === true, dueDays: dueDaysOf(toEntry(document), this.calendar) }))
      .filter((entry) => entry.dueDays.maturesOn !== undefined || entry.dueDays.expiresOn !== undefined);
  }

  /** Writes entries' due days (the only field besides `applied` ever set on a stored entry). */
  async setDueDays(entries: readonly { id: string; dueDays: DueDays }[]): Promise<void> {
    if (entries.length === 0) return;
    await chunkedBulkWrite(
      nativeCollection(this.entries),
      entries.map((entry) => ({ updateOne: { filter: { _id: entry.id }, update: { $set: { ...entry.dueDays } } } })),
      { ordered: false },
    );
  }

  /** Every entry of some members (all members when none are named), for the balance check. */
  async *streamAll(memberIds?: readonly string[]): AsyncGenerator<LedgerEntry> {
    // Named members one equality query each: FerretDB would read the whole ledger for an `$in`.
    const filters = memberIds ? [...new Set(memberIds)].map((memberId) => ({ memberId })) : [{}];
    for (const filter of filters) {
      const cursor = this.entries.find(filter).lean<LedgerEntryDocument>().cursor();
      for await (const document of cursor) yield toEntry(document);
    }
  }

  /** The stored entry, with the days the settlement has something due with it. */
  private toDocument(entry: LedgerEntry): LedgerEntryDocument {
    const { id, ...rest } = entry;
    return { _id: id, ...rest, ...dueDaysOf(entry, this.calendar) };
  }
}

function toEntry(document: LedgerEntryDocument): LedgerEntry {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the due days are the settlement's index, not part of the entry
  const { _id, maturesOn, expiresOn, ...rest } = document;
  return { id: _id, ...rest };
}
