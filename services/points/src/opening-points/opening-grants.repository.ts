import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DUPLICATE_KEY } from '@atrium/document-batches';
import type { OpeningGrant } from './opening-grant.entity';
import { OPENING_GRANT_MODEL, type OpeningGrantDocument } from './opening-grant.schema';

/**
 * The grants received, keyed by grant id. Inserted once (a second copy is refused by the key);
 * the only later write sets `applied`, to the same value whoever writes it, so no lock is needed.
 */
@Injectable()
export class OpeningGrantsRepository implements OnModuleInit {
  constructor(@InjectModel(OPENING_GRANT_MODEL) private readonly grants: Model<OpeningGrantDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.grants.syncIndexes();
  }

  /** Stores the grant unless it is stored already; returns the stored one (the first copy wins). */
  async hold(grant: OpeningGrant): Promise<OpeningGrant> {
    const { grantId, ...fields } = grant;
    try {
      await this.grants.collection.insertOne({ _id: grantId, ...fields, applied: false } as never);
      return grant;
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      const stored = await this.grants.findById(grantId).lean<OpeningGrantDocument>();
      if (!stored) throw error;
      return toGrant(stored);
    }
  }

  /** The member's grants not yet in the balances. */
  async waitingFor(memberId: string): Promise<OpeningGrant[]> {
    const documents = await this.grants.find({ memberId }).lean<OpeningGrantDocument[]>();
    return documents.filter((document) => !document.applied).map(toGrant);
  }

  async markApplied(grantId: string, at: Date): Promise<void> {
    await this.grants.updateOne({ _id: grantId, applied: false }, { $set: { applied: true, appliedAt: at } });
  }
}

function toGrant(document: OpeningGrantDocument): OpeningGrant {
  const { _id, applied: _applied, ...rest } = document;
  return { grantId: _id, ...rest };
}
