import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { PageRequest } from '@atrium/paging';
import type { CorporateProgramme, ProgrammeStatus } from './corporate-programme.entity';
import { ProgrammeCodeTakenError, ProgrammeNotFoundError } from './corporate-programme.errors';
import { CORPORATE_PROGRAMME_MODEL, type CorporateProgrammeDocument } from './corporate-programme.schema';

const DUPLICATE_KEY = 11000;
const COLLECTION = 'corporate_programmes';

export interface ProgrammeFilter {
  readonly companyId?: string;
  readonly status?: ProgrammeStatus;
  /** Exact code, in its stored (uppercase) form. */
  readonly code?: string;
}

/** What a change writes in one update: the programme as it is to be and the events announcing it. */
export interface ProgrammeChange {
  readonly programme: CorporateProgramme;
  readonly events: readonly OutboxEntry[];
}

@Injectable()
export class CorporateProgrammesRepository implements OnModuleInit {
  constructor(
    @InjectModel(CORPORATE_PROGRAMME_MODEL) private readonly programmes: Model<CorporateProgrammeDocument>,
    private readonly relay: OutboxRelay,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.programmes);
    await this.programmes.syncIndexes();
  }

  /** Stores a new programme with its events in one insert; a code another programme has is a 409. */
  async insert(programme: CorporateProgramme, events: readonly OutboxEntry[]): Promise<void> {
    try {
      await this.programmes.create({ ...toDocument(programme), outbox: [...events] });
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) throw new ProgrammeCodeTakenError(programme.code);
      throw error;
    }
    this.relay.nudge();
  }

  /**
   * Changes a programme under its lock (two staff may change one programme at once, and
   * FerretDB v1 would lose one of two concurrent updates): `decide` works out the change from
   * what is stored now; undefined writes nothing.
   */
  async change(id: string, decide: (programme: CorporateProgramme) => ProgrammeChange | undefined): Promise<CorporateProgramme> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.programmes.findById(id, { outbox: 0 }).lean<CorporateProgrammeDocument>();
      if (!document) throw new ProgrammeNotFoundError(id);
      const current = toProgramme(document);
      const change = decide(current);
      if (!change) return current;
      const { _id, ...fields } = toDocument(change.programme);
      await this.programmes.updateOne(
        { _id: id },
        {
          $set: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
          ...(fields.validUntil === undefined ? { $unset: { validUntil: 1 } } : {}),
          ...(change.events.length > 0 ? { $push: { outbox: { $each: [...change.events] } } } : {}),
        },
      );
      if (change.events.length > 0) this.relay.nudge();
      return change.programme;
    });
  }

  async findById(id: string): Promise<CorporateProgramme | undefined> {
    const document = await this.programmes.findById(id, { outbox: 0 }).lean<CorporateProgrammeDocument>();
    return document ? toProgramme(document) : undefined;
  }

  /** One page, newest first (`limit` as asked: callers ask one more to see if there is a next page). */
  async list(filter: ProgrammeFilter, page: PageRequest): Promise<CorporateProgramme[]> {
    const query: FilterQuery<CorporateProgrammeDocument> = {};
    if (filter.companyId) query.companyId = filter.companyId;
    if (filter.status) query.status = filter.status;
    if (filter.code) query.code = filter.code;
    const documents = await this.programmes
      .find(query, { outbox: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .skip(page.offset)
      .limit(page.limit)
      .lean<CorporateProgrammeDocument[]>();
    return documents.map(toProgramme);
  }
}

function toDocument(programme: CorporateProgramme): Omit<CorporateProgrammeDocument, 'outbox'> {
  const { id, ...fields } = programme;
  return { _id: id, ...fields };
}

function toProgramme(document: CorporateProgrammeDocument): CorporateProgramme {
  return {
    id: document._id,
    code: document.code,
    companyId: document.companyId,
    companyName: document.companyName,
    validFrom: document.validFrom,
    ...(document.validUntil ? { validUntil: document.validUntil } : {}),
    status: document.status,
    revision: document.revision,
    createdAt: document.createdAt,
    createdBy: document.createdBy,
    updatedAt: document.updatedAt,
    updatedBy: document.updatedBy,
  };
}
