import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import type { Campaign } from './campaign.entity';
import { CAMPAIGN_MODEL, type CampaignDocument } from './campaign.schema';
import type { CampaignState } from './campaign-state';
import { CampaignNotFoundError } from './campaigns.errors';

const COLLECTION = 'campaigns';

/**
 * Campaigns. Staff commands, the start job and the campaign tick all change campaigns: every
 * change reads the campaign, decides and writes it whole while holding its lock (FerretDB
 * loses concurrent updates, docs/adr/0003).
 */
@Injectable()
export class CampaignsRepository implements OnModuleInit {
  constructor(
    @InjectModel(CAMPAIGN_MODEL) private readonly campaigns: Model<CampaignDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.campaigns.createCollection().catch(() => undefined);
    await this.campaigns.syncIndexes();
  }

  async create(campaign: Campaign): Promise<void> {
    await this.campaigns.create(toDocument(campaign));
  }

  async delete(id: string): Promise<void> {
    await this.locks.withLocks(COLLECTION, [id], () => this.campaigns.deleteOne({ _id: id }));
  }

  async findById(id: string): Promise<Campaign | undefined> {
    const document = await this.campaigns.findById(id).lean<CampaignDocument>();
    return document ? toCampaign(document) : undefined;
  }

  /** Campaigns, newest first; only those in `states` when given. */
  async list(states?: readonly CampaignState[]): Promise<Campaign[]> {
    const filter = states === undefined ? {} : states.length === 1 ? { state: states[0] } : { state: { $in: [...states] } };
    const documents = await this.campaigns.find(filter).lean<CampaignDocument[]>();
    return documents.map(toCampaign).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** Finished campaigns that still hold their segment and template (a crash came between finishing and releasing). */
  async listFinishedUnreleased(): Promise<Campaign[]> {
    const documents = await this.campaigns.find({ state: { $in: ['completed', 'cancelled'] }, usageReleased: { $ne: true } }).lean<CampaignDocument[]>();
    return documents.map(toCampaign);
  }

  /**
   * Reads the campaign, asks `decide` for its next version and writes that whole, all under the
   * campaign's lock. `decide` may throw (a refused command): nothing is written then. Returns
   * the campaign as written (or as it was, when `decide` returns undefined).
   */
  async change(id: string, decide: (campaign: Campaign) => Campaign | undefined): Promise<Campaign> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.campaigns.findById(id).lean<CampaignDocument>();
      if (!document) throw new CampaignNotFoundError(id);
      const current = toCampaign(document);
      const next = decide(current);
      if (!next) return current;
      await this.campaigns.replaceOne({ _id: id }, toDocument(next));
      return next;
    });
  }
}

function toDocument(campaign: Campaign): CampaignDocument {
  const { id, ...rest } = campaign;
  return withoutUndefined({ _id: id, ...rest }) as CampaignDocument;
}

function toCampaign(document: CampaignDocument): Campaign {
  const { _id, ...rest } = document;
  return withoutUndefined({ id: _id, ...rest, history: rest.history ?? [] }) as unknown as Campaign;
}

/** Absent, never null or undefined: what is stored is what the lifecycle compares. */
function withoutUndefined(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== null));
}
