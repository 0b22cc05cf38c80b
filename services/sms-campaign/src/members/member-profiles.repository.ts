import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, mongo } from 'mongoose';
import { chunkedBulkWrite, findEachById, nativeCollection } from '@atrium/document-batches';
import { DocumentLocks } from '@atrium/document-locks';
import type { SegmentFilter } from '../segments/segment-filter';
import type { MemberProfile } from './member-profile.entity';
import { MEMBER_PROFILE_MODEL, type MemberProfileDocument } from './member-profile.schema';
import {
  applyMemberChange,
  applyPointsChanges,
  monthOf,
  profileOf,
  rollSpendWindow,
  type MemberChange,
  type PointsChange,
  type ProjectedMember,
  type ProjectionSettings,
} from './member-projection';

export const PROJECTION_SETTINGS = Symbol('PROJECTION_SETTINGS');

const COLLECTION = 'member_profiles';

/** Only registered members who were not erased are profiles anyone selects or writes to. Top-level equalities: FerretDB pushes them down. */
const LIVE = { registered: true, erased: false } as const;

/** The bookkeeping a reader of profiles never needs: left on the server. */
const BOOKKEEPING = {
  cardNumber: 0,
  cardChangedAt: 0,
  profileChangedAt: 0,
  smsOptedInAt: 0,
  spendByMonth: 0,
  spendMonth: 0,
  recentPointsEvents: 0,
  notificationsChangedAt: 0,
} as const;

/**
 * How many members one write under one set of locks covers: all the locks are taken at once or
 * not at all, so a larger set waits longer for a moment when none of its members is busy.
 */
const WRITE_BATCH = 200;

export type ProfileField = Exclude<keyof MemberProfile, 'memberId'>;

/** Some fields of a profile (a query with a projection): the member id always, the fields asked for when the member has them. */
export type PartialProfile<K extends ProfileField> = Pick<MemberProfile, 'memberId'> & Partial<Pick<MemberProfile, K>>;

/**
 * The member projection: the campaign service's own copy of members, kept from the member and
 * points services' events. Reads hand out plain MemberProfile objects; every write reads the
 * member, works out its next state (member-projection) and writes it whole while holding the
 * member's lock, since two topics (and STOP replies) may change one member at once and FerretDB
 * loses concurrent updates of one document (docs/adr/0003).
 *
 * Queries take a segment filter (segmentToFilter) and only ever see live members: registered,
 * not erased.
 */
@Injectable()
export class MemberProfilesRepository implements OnModuleInit {
  constructor(
    @InjectModel(MEMBER_PROFILE_MODEL) private readonly profiles: Model<MemberProfileDocument>,
    private readonly locks: DocumentLocks,
    @Inject(PROJECTION_SETTINGS) private readonly settings: ProjectionSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    // At start-up, not lazily under load (FerretDB v1 and many first writes to a new database).
    await this.profiles.createCollection().catch(() => undefined);
    await this.profiles.syncIndexes();
  }

  // ---- reads -------------------------------------------------------------------------------

  /** The member's profile; an erased member comes back as its tombstone (erased, personal fields blank); undefined when unknown. */
  async get(memberId: string): Promise<MemberProfile | undefined> {
    const document = await this.profiles.findById(memberId, BOOKKEEPING).lean<MemberProfileDocument>();
    return document ? profileOf(document._id, document, this.settings) : undefined;
  }

  /** Profiles of several members (erased ones as tombstones); unknown ids are left out. */
  async getMany(memberIds: readonly string[]): Promise<Map<string, MemberProfile>> {
    if (memberIds.length === 0) return new Map();
    const documents = [...(await findEachById(nativeCollection(this.profiles), memberIds, { projection: BOOKKEEPING })).values()];
    return new Map(documents.flatMap((document) => {
      const profile = profileOf(document._id, document, this.settings);
      return profile ? [[document._id, profile] as const] : [];
    }));
  }

  /** The live member with this number (E.164); the latest registered when the projection briefly holds two. */
  async findByPhone(phone: string): Promise<MemberProfile | undefined> {
    const documents = await this.profiles.find({ ...LIVE, phone }, BOOKKEEPING).lean<MemberProfileDocument[]>();
    const profiles = documents.flatMap((document) => profileOf(document._id, document, this.settings) ?? []);
    return profiles.sort((a, b) => b.registeredAt.getTime() - a.registeredAt.getTime())[0];
  }

  /** How many live members the filter selects. */
  async count(filter: SegmentFilter): Promise<number> {
    return this.profiles.countDocuments(live(filter));
  }

  /** Live members the filter selects, whole, at most `limit` (in no particular order). */
  async find(filter: SegmentFilter, options: { readonly limit: number }): Promise<MemberProfile[]> {
    if (options.limit <= 0) return [];
    const documents = await this.profiles.find(live(filter), BOOKKEEPING).limit(options.limit).lean<MemberProfileDocument[]>();
    return documents.flatMap((document) => profileOf(document._id, document, this.settings) ?? []);
  }

  /** Some fields of the live members the filter selects, at most `limit`: a field the member lacks is absent. */
  async query<K extends ProfileField>(filter: SegmentFilter, options: { readonly fields: readonly K[]; readonly limit: number }): Promise<PartialProfile<K>[]> {
    if (options.limit <= 0) return [];
    const projection = Object.fromEntries(options.fields.map((field) => [field, 1]));
    const documents = await this.profiles.find(live(filter), projection).limit(options.limit).lean<Record<string, unknown>[]>();
    return documents.map((document) => {
      const picked: Record<string, unknown> = { memberId: document._id };
      for (const field of options.fields) if (document[field] !== undefined && document[field] !== null) picked[field] = document[field];
      return picked as PartialProfile<K>;
    });
  }

  /**
   * Every live member the filter selects, in one pass of one cursor (no sort: FerretDB sorts in
   * memory, and a second query per page would scan the collection again).
   */
  async *stream(filter: SegmentFilter, options: { readonly batchSize?: number } = {}): AsyncGenerator<MemberProfile> {
    const cursor = this.profiles
      .find(live(filter), BOOKKEEPING)
      .lean<MemberProfileDocument>()
      .cursor({ batchSize: options.batchSize ?? 2_000 });
    for await (const document of cursor as AsyncIterable<MemberProfileDocument>) {
      const profile = profileOf(document._id, document, this.settings);
      if (profile) yield profile;
    }
  }

  // ---- writes ------------------------------------------------------------------------------

  /** Applies one member event (or STOP, START, erasure); false when it changed nothing. */
  async applyMemberChange(memberId: string, change: MemberChange): Promise<boolean> {
    const changed = await this.update([memberId], (current) => applyMemberChange(current.get(memberId), change, this.settings));
    return changed.length > 0;
  }

  /**
   * Applies points events of many members at once (a consumed batch): one read and one bulk
   * write per WRITE_BATCH members, each member's events applied once. Answers the profiles of
   * those members as they stand after it (erased ones as tombstones; members the projection has
   * no registration for are left out), so what follows the events (the earned-points SMS)
   * needs no second read.
   */
  async applyPointsChanges(changesByMember: ReadonlyMap<string, readonly PointsChange[]>, now = new Date()): Promise<Map<string, MemberProfile>> {
    const memberIds = [...changesByMember.keys()];
    const profiles = new Map<string, MemberProfile>();
    for (let start = 0; start < memberIds.length; start += WRITE_BATCH) {
      const ids = memberIds.slice(start, start + WRITE_BATCH);
      await this.updateMany(ids, (current) => {
        const changed = new Map(ids.flatMap((id) => {
          const next = applyPointsChanges(current.get(id), changesByMember.get(id) ?? [], now, this.settings.timeZone);
          return next ? [[id, next] as const] : [];
        }));
        for (const id of ids) {
          const member = changed.get(id) ?? current.get(id);
          const profile = member ? profileOf(id, member, this.settings) : undefined;
          if (profile) profiles.set(id, profile);
        }
        return changed;
      });
    }
    return profiles;
  }

  /** The member replied STOP (or T, 退訂 ...): a marketing opt-out; false when nothing changed. */
  async markOptedOut(memberId: string, at: Date): Promise<boolean> {
    return this.applyMemberChange(memberId, { kind: 'sms-opted-out', at });
  }

  /** Twilio refused a message to `phone` with 21610: every message stops until START; nothing changes when the member's number is another by now. */
  async markCarrierBlocked(memberId: string, phone: string, at: Date): Promise<boolean> {
    return this.applyMemberChange(memberId, { kind: 'sms-carrier-blocked', phone, at });
  }

  /** The member replied START: lifts a STOP and the carrier's block (a START older than either changes nothing). */
  async markOptedIn(memberId: string, at: Date): Promise<boolean> {
    return this.applyMemberChange(memberId, { kind: 'sms-opted-in', at });
  }

  /**
   * Twilio said the member's number cannot receive SMS. With `phone` (the number Twilio said it
   * of), nothing changes when the member's number is another by now.
   */
  async markPhoneInvalid(memberId: string, phone?: string): Promise<boolean> {
    return this.applyMemberChange(memberId, phone === undefined ? { kind: 'phone-invalid' } : { kind: 'phone-invalid', phone });
  }

  /**
   * Erases a member: only a tombstone stays (no personal field), so no later event brings the
   * member back. Kept even for a member the projection never saw (member.erased calls this).
   */
  async erase(memberId: string, at: Date): Promise<boolean> {
    return this.applyMemberChange(memberId, { kind: 'erased', at });
  }

  /**
   * Works the 12-month spend out again for members whose figure dates from an earlier month
   * (months fall out of the window as time passes). Returns how many members it renewed.
   */
  async renewSpendWindows(now = new Date()): Promise<number> {
    const month = monthOf(now, this.settings.timeZone);
    let renewed = 0;
    for (;;) {
      const stale = await this.profiles.find({ spendMonth: { $lt: month } }, { _id: 1 }).limit(WRITE_BATCH).lean<{ _id: string }[]>();
      if (stale.length === 0) return renewed;
      const ids = stale.map((document) => document._id);
      const changed = await this.updateMany(ids, (current) =>
        new Map(ids.flatMap((id) => {
          const member = current.get(id);
          return member && !member.erased && member.spendMonth !== undefined && member.spendMonth < month
            ? [[id, rollSpendWindow(member, now, this.settings.timeZone)] as const]
            : [];
        })),
      );
      if (changed.length === 0) return renewed;
      renewed += changed.length;
    }
  }

  private async update(memberIds: readonly string[], next: (current: ReadonlyMap<string, ProjectedMember>) => ProjectedMember | undefined): Promise<string[]> {
    return this.updateMany(memberIds, (current) => {
      const member = next(current);
      return member ? new Map([[memberIds[0], member]]) : new Map();
    });
  }

  /** Reads the members, asks `next` for the changed ones and writes them whole, all under the members' locks. */
  private async updateMany(
    memberIds: readonly string[],
    next: (current: ReadonlyMap<string, ProjectedMember>) => ReadonlyMap<string, ProjectedMember>,
  ): Promise<string[]> {
    if (memberIds.length === 0) return [];
    return this.locks.withLocks(COLLECTION, memberIds, async () => {
      const documents = await findEachById(nativeCollection(this.profiles), memberIds);
      const current = new Map<string, ProjectedMember>([...documents.values()].map(({ _id, ...member }) => [_id, member]));
      const changed = next(current);
      if (changed.size === 0) return [];
      const operations: mongo.AnyBulkWriteOperation<MemberProfileDocument>[] = [...changed].map(([memberId, member]) => ({
        replaceOne: { filter: { _id: memberId }, replacement: { _id: memberId, ...member }, upsert: true },
      }));
      await chunkedBulkWrite(nativeCollection(this.profiles), operations, { ordered: false });
      return [...changed.keys()];
    });
  }
}

function live(filter: SegmentFilter): Record<string, unknown> {
  return Object.keys(filter).length === 0 ? { ...LIVE } : { ...LIVE, $and: [filter] };
}
