import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { mongo, type Model } from 'mongoose';
import { chunkedBulkWrite, findEachById, nativeCollection } from '@atrium/document-batches';
import { DocumentLocks } from '@atrium/document-locks';
import type { MemberLanguage } from '../members/member-profile.entity';
import type { RecipientQuery, RecipientStatus } from './campaign-delivery';
import { CampaignCountersRepository } from './campaign-counters.repository';
import { countedStateOf } from './campaign-counters';
import type { RecipientGroup } from './delivery-totals';
import type { DeliveryRecipient, NewDeliveryRecipient, RecipientChange } from './recipient.entity';
import { AWAITING_FINAL_STATUS, isProgress, OPEN_STATUSES, statusesBefore, UNSENT_STATUSES } from './recipient-status';
import { RECIPIENT_MODEL, RECIPIENTS_COLLECTION, type RecipientDocument } from './recipient.schema';

/** A recipient still to be handed to Twilio, as pause, resume and cancel need it. */
export interface UnsentRecipient {
  readonly recipientId: string;
  readonly memberId?: string;
  readonly status: RecipientStatus;
  readonly notBefore: Date;
  readonly deferredUntil?: Date;
}

/**
 * A recipient's message moving on: Twilio accepted it (its SID), or reported a status. Applied
 * forwards only, in batches (applyProgress); `campaignId` and `segments` say what it counts as.
 */
export interface RecipientProgress {
  readonly recipientId: string;
  readonly campaignId?: string;
  readonly segments: number;
  readonly status: RecipientStatus;
  readonly errorCode?: number;
  /** The message's SID; with when Twilio accepted it when the sender heard so (a callback knows only the SID). */
  readonly accepted?: { readonly messageSid: string; readonly acceptedAt?: Date };
}

/** A message about to be handed to Twilio, as the sender knows it from its job. */
export interface SendingMark {
  readonly recipientId: string;
  readonly campaignId?: string;
  readonly segments: number;
  /** The number it goes to now (the projection's, which may differ from the frozen one). */
  readonly phone: string;
  readonly attemptAt: Date;
}

const DUPLICATE_KEY = 11000;
/** Documents per lock set when many recipients change at once (cancel). */
const LOCK_CHUNK = 500;

/**
 * Delivery's record of every message (see DeliveryRecipient). Inserts are plain (the id decides
 * between two inserts); every update of a recipient runs under its document lock, because the
 * sending worker, status callbacks, inbound opt-outs and cancel may touch one recipient at the
 * same time and FerretDB loses concurrent updates (docs/adr/0003). Every write of a campaign's
 * recipient also moves the campaign's counters (CampaignCountersRepository), after the record.
 *
 * Queries are top-level equalities wherever they can be: FerretDB v1 hands only those to
 * PostgreSQL (and its indexes) and reads every document for anything else (`$in`, ranges).
 */
@Injectable()
export class RecipientsRepository implements OnModuleInit {
  constructor(
    @InjectModel(RECIPIENT_MODEL) private readonly recipients: Model<RecipientDocument>,
    private readonly locks: DocumentLocks,
    private readonly counters: CampaignCountersRepository,
  ) {}

  /** Collection and indexes at start, never lazily under a campaign's load. */
  async onModuleInit(): Promise<void> {
    await this.recipients.syncIndexes();
  }

  /**
   * Records recipients with the driver's unordered bulk insert; ids that exist already are
   * left as they are (a dispatch repeated after a crash records nothing twice). Returns how
   * many were new.
   */
  async insertNew(records: readonly NewDeliveryRecipient[]): Promise<number> {
    if (records.length === 0) return 0;
    const now = new Date();
    const documents = records.map((record) => documentOf(record, now));
    let inserted: number;
    try {
      inserted = (await (this.recipients.collection as unknown as mongo.Collection<RecipientDocument>).insertMany(documents, { ordered: false })).insertedCount;
    } catch (error) {
      if (!(error instanceof mongo.MongoBulkWriteError && onlyDuplicates(error))) throw error;
      inserted = error.insertedCount;
    }
    // Recipients recorded before (a repeated dispatch) are counted already, or, if a crash came
    // between their insert and this, counted now in the state they were recorded in.
    for (const [campaignId, states] of statesByCampaign(records)) await this.counters.ensure(campaignId, states);
    return inserted;
  }

  async find(recipientId: string): Promise<DeliveryRecipient | undefined> {
    const document = await this.recipients.findById(recipientId).lean<RecipientDocument>();
    return document ? recipientOf(document) : undefined;
  }

  async findByMessageSid(messageSid: string): Promise<DeliveryRecipient | undefined> {
    const document = await this.recipients.findOne({ messageSid }).lean<RecipientDocument>();
    return document ? recipientOf(document) : undefined;
  }

  /**
   * Which of these SIDs a recipient other than `recipientId` already holds (one equality query
   * each: a look-up finds one or two). The recipient's own SID is not a claim against it: a
   * batched write may have stored it before the status, or a callback meanwhile.
   */
  async claimedByOthers(recipientId: string, messageSids: readonly string[]): Promise<Set<string>> {
    const claimed = new Set<string>();
    for (const messageSid of messageSids) {
      const holder = await this.recipients.findOne({ messageSid }, { _id: 1 }).lean<Pick<RecipientDocument, '_id'>>();
      if (holder !== null && holder._id !== recipientId) claimed.add(messageSid);
    }
    return claimed;
  }

  /** Whether any of the campaign's recipients is still open (OPEN_STATUSES): one cheap query per status. */
  async hasOpen(campaignId: string): Promise<boolean> {
    for (const status of OPEN_STATUSES) {
      if ((await this.recipients.exists({ campaignId, status })) !== null) return true;
    }
    return false;
  }

  /**
   * Reads the recipient under its lock, asks `decide` what to change, writes that. Returns the
   * recipient as changed, or undefined when it does not exist or `decide` changed nothing, so
   * the caller knows whether its change is the one that happened.
   */
  async change(recipientId: string, decide: (current: DeliveryRecipient) => RecipientChange | undefined): Promise<DeliveryRecipient | undefined> {
    return this.locks.withLocks(RECIPIENTS_COLLECTION, [recipientId], async () => {
      const document = await this.recipients.findById(recipientId).lean<RecipientDocument>();
      if (!document) return undefined;
      const current = recipientOf(document);
      const change = decide(current);
      if (change === undefined) return undefined;
      const updatedAt = new Date();
      const $set: Record<string, unknown> = { updatedAt };
      const $unset: Record<string, ''> = {};
      for (const [field, value] of Object.entries(change)) {
        if (value === undefined) $unset[field] = '';
        else $set[field] = value;
      }
      await this.recipients.updateOne({ _id: recipientId }, Object.keys($unset).length > 0 ? { $set, $unset } : { $set });
      const changedFields: Record<string, unknown> = { ...current, ...change, updatedAt };
      for (const field of Object.keys($unset)) delete changedFields[field];
      const changed = changedFields as unknown as DeliveryRecipient;
      if (changed.campaignId !== undefined) {
        // Always, not only when the counted state differs: it also repairs a count a crash lost.
        await this.counters.change(changed.campaignId, new Map([[recipientId, countedStateOf(changed)]]));
        if (changed.optOutCaused && !current.optOutCaused) await this.counters.addOptOut(changed.campaignId);
      }
      return changed;
    });
  }

  /**
   * Step one of "at most once" (MessageSender): the record becomes `sending` if it is still
   * unsent, in one conditional update under its lock, without reading it first. False when it
   * was not unsent (sent already, cancelled, or an earlier attempt's `sending`): the caller
   * reads the record to know which.
   */
  async markSending(mark: SendingMark): Promise<boolean> {
    return this.locks.withLocks(RECIPIENTS_COLLECTION, [mark.recipientId], async () => {
      const result = await nativeCollection(this.recipients).updateOne(
        { _id: mark.recipientId, status: { $in: [...UNSENT_STATUSES] } },
        { $set: { status: 'sending', attemptAt: mark.attemptAt, phone: mark.phone, updatedAt: new Date() }, $unset: { deferredUntil: '' } },
      );
      if (result.matchedCount === 0) return false;
      if (mark.campaignId !== undefined) await this.counters.change(mark.campaignId, new Map([[mark.recipientId, countedStateOf({ status: 'sending', segments: mark.segments })]]));
      return true;
    });
  }

  /**
   * Applies many recipients' progress at once (RecipientProgressWriter batches them): per
   * recipient its furthest status (with that status's error code) and its SID. Under the locks
   * of all of them: first the SIDs (unconditional), then the statuses, each only where it is
   * progress (the filter holds the statuses it may move from), then the campaigns' counters by
   * the same forward-only rule. Two commands' worth of statements per 16 recipients instead of
   * a read and a write each; a recipient appears once per command (FerretDB may run a
   * command's statements side by side).
   */
  async applyProgress(progress: readonly RecipientProgress[]): Promise<void> {
    const furthest = new Map<string, RecipientProgress>();
    for (const next of progress) {
      const known = furthest.get(next.recipientId);
      const accepted = next.accepted?.acceptedAt !== undefined ? next.accepted : (known?.accepted ?? next.accepted);
      const best = known === undefined || isProgress(known.status, next.status) ? next : known;
      furthest.set(next.recipientId, { ...best, ...(accepted !== undefined ? { accepted } : {}) });
    }
    if (furthest.size === 0) return;
    const collection = nativeCollection(this.recipients);
    await this.locks.withLocks(RECIPIENTS_COLLECTION, [...furthest.keys()], async () => {
      const updatedAt = new Date();
      const accepting = [...furthest.values()].filter((entry) => entry.accepted !== undefined);
      if (accepting.length > 0) {
        await chunkedBulkWrite(
          collection,
          accepting.map((entry) => ({
            updateOne: {
              filter: { _id: entry.recipientId },
              update: { $set: { messageSid: entry.accepted?.messageSid, updatedAt, ...(entry.accepted?.acceptedAt !== undefined ? { acceptedAt: entry.accepted.acceptedAt } : {}) } },
            },
          })),
          { ordered: false },
        );
      }
      await chunkedBulkWrite(
        collection,
        [...furthest.values()].map((entry) => ({
          updateOne: {
            filter: { _id: entry.recipientId, status: { $in: statusesBefore(entry.status) } },
            update: { $set: { status: entry.status, updatedAt, ...(entry.errorCode !== undefined ? { errorCode: entry.errorCode } : {}) } },
          },
        })),
        { ordered: false },
      );
      const byCampaign = new Map<string, Map<string, string>>();
      for (const entry of furthest.values()) {
        if (entry.campaignId === undefined) continue;
        const states = byCampaign.get(entry.campaignId) ?? new Map<string, string>();
        states.set(entry.recipientId, countedStateOf(entry));
        byCampaign.set(entry.campaignId, states);
      }
      for (const [campaignId, states] of byCampaign) await this.counters.forward(campaignId, states);
    });
  }

  /** A campaign's recipients still to be handed to Twilio: one equality query per unsent status. */
  async unsent(campaignId: string): Promise<UnsentRecipient[]> {
    const byStatus = await Promise.all(
      UNSENT_STATUSES.map((status) =>
        this.recipients
          .find({ campaignId, status }, { memberId: 1, status: 1, notBefore: 1, deferredUntil: 1 })
          .lean<Pick<RecipientDocument, '_id' | 'memberId' | 'status' | 'notBefore' | 'deferredUntil'>[]>(),
      ),
    );
    return byStatus.flat().map((document) => ({
      recipientId: document._id,
      status: document.status as RecipientStatus,
      notBefore: document.notBefore,
      ...(document.memberId !== undefined ? { memberId: document.memberId } : {}),
      ...(document.deferredUntil !== undefined ? { deferredUntil: document.deferredUntil } : {}),
    }));
  }

  /**
   * Marks these recipients of the campaign cancelled where they are still unsent; returns the
   * ones it cancelled. Read and written by id, a few at a time (findEachById, chunkedBulkWrite):
   * an `$in` on ids would read every recipient of every campaign once per chunk.
   */
  async cancelUnsent(campaignId: string, recipients: readonly UnsentRecipient[]): Promise<UnsentRecipient[]> {
    const cancelled: UnsentRecipient[] = [];
    const collection = nativeCollection(this.recipients);
    for (let start = 0; start < recipients.length; start += LOCK_CHUNK) {
      const chunk = recipients.slice(start, start + LOCK_CHUNK);
      const ids = chunk.map((recipient) => recipient.recipientId);
      await this.locks.withLocks(RECIPIENTS_COLLECTION, ids, async () => {
        // Re-read under the locks: the worker may have taken some since the list was made.
        const current = await findEachById(collection, ids, { projection: { _id: 1, status: 1 } });
        const stillIds = new Set([...current.values()].filter((document) => UNSENT_STATUSES.includes(document.status as RecipientStatus)).map((document) => document._id));
        if (stillIds.size === 0) return;
        const updatedAt = new Date();
        await chunkedBulkWrite(
          collection,
          [...stillIds].map((id) => ({ updateOne: { filter: { _id: id }, update: { $set: { status: 'cancelled', updatedAt } } } })),
          { ordered: false },
        );
        await this.counters.change(campaignId, new Map([...stillIds].map((id) => [id, countedStateOf({ status: 'cancelled', segments: 0 })])));
        cancelled.push(...chunk.filter((recipient) => stillIds.has(recipient.recipientId)));
      });
    }
    return cancelled;
  }

  /**
   * A campaign's recipients grouped for its totals (one aggregation on the server). Grouped by
   * segment count too, with a single accumulator: FerretDB v1.24 computes only the first
   * accumulator of a $group and answers 0 for the others (verified: `{count: {$sum: 1},
   * segments: {$sum: '$segments'}}` gives segments 0), so the segments are multiplied out here.
   */
  async groups(campaignId: string): Promise<RecipientGroup[]> {
    const rows = await this.recipients.aggregate<{
      _id: { status: string; reason?: string | null; code?: number | null; optOut?: boolean | null; segments?: number | null };
      count: number;
    }>([
      { $match: { campaignId } },
      {
        $group: {
          _id: { status: '$status', reason: '$exclusionReason', code: '$errorCode', optOut: '$optOutCaused', segments: '$segments' },
          count: { $sum: 1 },
        },
      },
    ]);
    return rows.map((row) => ({
      status: row._id.status as RecipientStatus,
      optOutCaused: row._id.optOut === true,
      count: row.count,
      segments: (row._id.segments ?? 0) * row.count,
      ...(typeof row._id.reason === 'string' ? { exclusionReason: row._id.reason } : {}),
      ...(typeof row._id.code === 'number' ? { errorCode: row._id.code } : {}),
    }));
  }

  /** One page of a campaign's recipients in a stable order, and how many match. */
  async page(campaignId: string, query: RecipientQuery): Promise<{ total: number; items: DeliveryRecipient[] }> {
    const filter: Record<string, unknown> = { campaignId };
    if (query.status !== undefined) filter.status = query.status;
    // A campaign reaches a member once: their recipient id is `<campaignId>:<memberId>`.
    if (query.memberId !== undefined) filter._id = `${campaignId}:${query.memberId}`;
    const [total, documents] = await Promise.all([
      this.recipients.countDocuments(filter),
      this.recipients.find(filter).sort({ _id: 1 }).skip(query.offset).limit(query.limit).lean<RecipientDocument[]>(),
    ]);
    return { total, items: documents.map(recipientOf) };
  }

  /**
   * Messages Twilio accepted before `acceptedBefore` (and after `notBefore`) still without a
   * final status, not looked up since `checkedBefore`: their status callbacks were lost.
   */
  async awaitingFinalStatus(window: { acceptedBefore: Date; notBefore: Date; checkedBefore: Date }, limit: number): Promise<DeliveryRecipient[]> {
    const found: DeliveryRecipient[] = [];
    // One query per status: the status equality goes to the index; the rest is filtered by FerretDB.
    for (const status of AWAITING_FINAL_STATUS) {
      if (found.length >= limit) break;
      const documents = await this.recipients
        .find({
          status,
          acceptedAt: { $lt: window.acceptedBefore, $gte: window.notBefore },
          $or: [{ statusCheckedAt: { $exists: false } }, { statusCheckedAt: { $lt: window.checkedBefore } }],
        })
        .limit(limit - found.length)
        .lean<RecipientDocument[]>();
      found.push(...documents.map(recipientOf));
    }
    return found;
  }

  /** The last campaign message Twilio accepted for this phone. */
  async lastCampaignMessageTo(phone: string): Promise<DeliveryRecipient | undefined> {
    const document = await this.recipients
      .findOne({ phone, kind: 'marketing', acceptedAt: { $exists: true } })
      .sort({ acceptedAt: -1 })
      .lean<RecipientDocument>();
    return document ? recipientOf(document) : undefined;
  }
}

/** Each campaign's recipients among `records`, with the state they are recorded in. */
function statesByCampaign(records: readonly NewDeliveryRecipient[]): Map<string, Map<string, string>> {
  const byCampaign = new Map<string, Map<string, string>>();
  for (const record of records) {
    if (record.campaignId === undefined) continue;
    const states = byCampaign.get(record.campaignId) ?? new Map<string, string>();
    states.set(record.recipientId, countedStateOf(record));
    byCampaign.set(record.campaignId, states);
  }
  return byCampaign;
}

function onlyDuplicates(error: mongo.MongoBulkWriteError): boolean {
  const writeErrors: readonly mongo.WriteError[] = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors as mongo.WriteError];
  return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY);
}

/** The document of a new recipient; fields without a value are left out, never stored as null. */
function documentOf(record: NewDeliveryRecipient, now: Date): RecipientDocument {
  const document: Record<string, unknown> = { _id: record.recipientId, optOutCaused: false, createdAt: now, updatedAt: now };
  for (const [field, value] of Object.entries(record)) {
    if (field !== 'recipientId' && value !== undefined) document[field] = value;
  }
  return document as unknown as RecipientDocument;
}

function recipientOf(document: RecipientDocument): DeliveryRecipient {
  const { _id, ...fields } = document;
  const recipient: Record<string, unknown> = { recipientId: _id };
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) recipient[field] = value;
  }
  return recipient as unknown as DeliveryRecipient & { language?: MemberLanguage };
}
