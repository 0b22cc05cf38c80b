import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import type { PageRequest } from '@atrium/paging';
import type { Complaint, ComplaintCategory, ComplaintKind, ComplaintStatus } from './complaint.entity';
import { ComplaintNotFoundError } from './complaint.errors';
import { COMPLAINT_MODEL, type ComplaintDocument } from './complaint.schema';

const COLLECTION = 'complaints';

export interface ComplaintFilter {
  readonly status?: ComplaintStatus;
  readonly category?: ComplaintCategory;
  readonly kind?: ComplaintKind;
  readonly assignee?: string;
  readonly memberId?: string;
  /** Recorded at or after. */
  readonly from?: Date;
  /** Recorded before. */
  readonly to?: Date;
}

/** Fields of a stored complaint a change may clear. */
const CLEARABLE = ['assignee', 'resolution', 'resolvedAt', 'closedAt', 'timeToResolveSeconds'] as const;

@Injectable()
export class ComplaintsRepository implements OnModuleInit {
  constructor(
    @InjectModel(COMPLAINT_MODEL) private readonly complaints: Model<ComplaintDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.complaints.syncIndexes();
  }

  async insert(complaint: Complaint): Promise<void> {
    await this.complaints.create(toDocument(complaint));
  }

  async findById(id: string): Promise<Complaint | undefined> {
    const document = await this.complaints.findById(id).lean<ComplaintDocument>();
    return document ? toComplaint(document) : undefined;
  }

  /**
   * Changes a complaint under its lock (two staff may act on one complaint at once, and
   * FerretDB v1 would lose one of two concurrent updates): `decide` works out the complaint as
   * it is to be from what is stored now.
   */
  async change(id: string, decide: (complaint: Complaint) => Complaint): Promise<Complaint> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.complaints.findById(id).lean<ComplaintDocument>();
      if (!document) throw new ComplaintNotFoundError(id);
      const next = decide(toComplaint(document));
      const { _id, ...fields } = toDocument(next);
      const unset = CLEARABLE.filter((field) => fields[field] === undefined);
      await this.complaints.updateOne(
        { _id: id },
        {
          $set: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
          ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((field) => [field, 1])) } : {}),
        },
      );
      return next;
    });
  }

  /** One page of complaints matching the filter, newest first (`limit` as asked: callers ask one more to see if there is a next page). */
  async list(filter: ComplaintFilter, page: PageRequest): Promise<Complaint[]> {
    const query: FilterQuery<ComplaintDocument> = {};
    if (filter.status) query.status = filter.status;
    if (filter.category) query.category = filter.category;
    if (filter.kind) query.kind = filter.kind;
    if (filter.assignee) query.assignee = filter.assignee;
    if (filter.memberId) query.memberId = filter.memberId;
    if (filter.from || filter.to) query.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    const documents = await this.complaints.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean<ComplaintDocument[]>();
    return documents.map(toComplaint);
  }
}

function toDocument(complaint: Complaint): ComplaintDocument {
  const { id, history, ...rest } = complaint;
  return { _id: id, ...rest, history: history.map((event) => ({ ...event })) };
}

function toComplaint(document: ComplaintDocument): Complaint {
  const optional = <Key extends keyof ComplaintDocument>(key: Key) =>
    document[key] === undefined || document[key] === null ? {} : ({ [key]: document[key] } as Pick<ComplaintDocument, Key>);
  return {
    id: document._id,
    kind: document.kind,
    category: document.category,
    channel: document.channel,
    ...optional('memberId'),
    description: document.description,
    status: document.status,
    ...optional('assignee'),
    ...optional('resolution'),
    createdAt: document.createdAt,
    createdBy: document.createdBy,
    updatedAt: document.updatedAt,
    ...optional('resolvedAt'),
    ...optional('closedAt'),
    ...optional('timeToResolveSeconds'),
    history: (document.history ?? []).map((event) => ({
      at: event.at,
      by: event.by,
      action: event.action,
      ...(event.from ? { from: event.from } : {}),
      ...(event.to ? { to: event.to } : {}),
    })),
  };
}
