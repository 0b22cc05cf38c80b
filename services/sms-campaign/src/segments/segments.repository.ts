import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import type { Segment, SegmentContent } from './segment.entity';
import { SEGMENT_MODEL, type SegmentDocument } from './segment.schema';
import { SegmentInUseError, SegmentNameTakenError, SegmentNotFoundError } from './segments.errors';

const COLLECTION = 'segments';

/**
 * Saved segments. A segment is changed by staff and marked used by campaigns, possibly at the
 * same time: every update holds its lock (FerretDB loses concurrent updates, docs/adr/0003).
 */
@Injectable()
export class SegmentsRepository implements OnModuleInit {
  constructor(
    @InjectModel(SEGMENT_MODEL) private readonly segments: Model<SegmentDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.segments.createCollection().catch(() => undefined);
    await this.segments.syncIndexes();
  }

  async create(id: string, content: SegmentContent, by: string, at: Date): Promise<Segment> {
    const document: SegmentDocument = { _id: id, ...content, createdBy: by, createdAt: at, updatedBy: by, updatedAt: at, usedBy: [] };
    try {
      await this.segments.create(document);
    } catch (error) {
      if (isDuplicateKey(error)) throw new SegmentNameTakenError(content.name);
      throw error;
    }
    return toSegment(document);
  }

  async findById(id: string): Promise<Segment | undefined> {
    const document = await this.segments.findById(id).lean<SegmentDocument>();
    return document ? toSegment(document) : undefined;
  }

  /** Every segment, by name. */
  async list(): Promise<Segment[]> {
    const documents = await this.segments.find().lean<SegmentDocument[]>();
    return documents.map(toSegment).sort((a, b) => a.name.localeCompare(b.name));
  }

  async replaceContent(id: string, content: SegmentContent, by: string, at: Date): Promise<Segment> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const unset = content.description === undefined ? { $unset: { description: 1 } } : {};
      try {
        const document = await this.segments
          .findOneAndUpdate({ _id: id }, { $set: { name: content.name, rule: content.rule, updatedBy: by, updatedAt: at, ...(content.description === undefined ? {} : { description: content.description }) }, ...unset }, { new: true })
          .lean<SegmentDocument>();
        if (!document) throw new SegmentNotFoundError(id);
        return toSegment(document);
      } catch (error) {
        if (isDuplicateKey(error)) throw new SegmentNameTakenError(content.name);
        throw error;
      }
    });
  }

  /** Deletes the segment unless a campaign that has not finished uses it. */
  async delete(id: string): Promise<void> {
    await this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.segments.findById(id, { usedBy: 1 }).lean<Pick<SegmentDocument, '_id' | 'usedBy'>>();
      if (!document) throw new SegmentNotFoundError(id);
      if ((document.usedBy ?? []).length > 0) throw new SegmentInUseError(id, document.usedBy);
      await this.segments.deleteOne({ _id: id });
    });
  }

  /** Records that a campaign selects with the segment; throws SegmentNotFoundError when there is none. */
  async addUse(id: string, campaignId: string): Promise<Segment> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.segments.findOneAndUpdate({ _id: id }, { $addToSet: { usedBy: campaignId } }, { new: true }).lean<SegmentDocument>();
      if (!document) throw new SegmentNotFoundError(id);
      return toSegment(document);
    });
  }

  /** The campaign no longer selects with the segment (finished, or moved to another); nothing when it did not. */
  async removeUse(id: string, campaignId: string): Promise<void> {
    await this.locks.withLocks(COLLECTION, [id], () => this.segments.updateOne({ _id: id }, { $pullAll: { usedBy: [campaignId] } }));
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function toSegment(document: SegmentDocument): Segment {
  return {
    id: document._id,
    name: document.name,
    ...(document.description === undefined || document.description === null ? {} : { description: document.description }),
    rule: document.rule,
    createdBy: document.createdBy,
    createdAt: document.createdAt,
    updatedBy: document.updatedBy,
    updatedAt: document.updatedAt,
    usedBy: document.usedBy ?? [],
  };
}
