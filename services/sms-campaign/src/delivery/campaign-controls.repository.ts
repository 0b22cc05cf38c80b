import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { CAMPAIGN_CONTROL_MODEL, type CampaignControlDocument } from './campaign-control.schema';

/** Whether a campaign's unsent messages go out (`active`), wait (`paused`) or never will (`cancelled`). */
export type CampaignSendState = 'active' | 'paused' | 'cancelled';

const COLLECTION = 'delivery_campaigns';

@Injectable()
export class CampaignControlsRepository implements OnModuleInit {
  constructor(
    @InjectModel(CAMPAIGN_CONTROL_MODEL) private readonly controls: Model<CampaignControlDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.controls.syncIndexes();
  }

  /** A campaign delivery never heard of is active (nothing paused or cancelled it). */
  async stateOf(campaignId: string): Promise<CampaignSendState> {
    const control = await this.controls.findById(campaignId, { state: 1 }).lean<Pick<CampaignControlDocument, 'state'>>();
    return (control?.state as CampaignSendState | undefined) ?? 'active';
  }

  /** Sets the state; a cancelled campaign stays cancelled. Returns the state now in force. */
  async setState(campaignId: string, state: CampaignSendState): Promise<CampaignSendState> {
    return this.locks.withLocks(COLLECTION, [campaignId], async () => {
      const current = await this.stateOf(campaignId);
      if (current === 'cancelled' || current === state) return current;
      await this.controls.updateOne({ _id: campaignId }, { $set: { state, updatedAt: new Date() } }, { upsert: true });
      return state;
    });
  }
}
