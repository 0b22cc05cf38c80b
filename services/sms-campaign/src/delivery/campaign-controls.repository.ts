import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { CAMPAIGN_CONTROL_MODEL, type CampaignControlDocument } from './campaign-control.schema';

/** Whether a campaign's unsent messages go out (`active`), wait (`paused`) or never will (`cancelled`). */
export type CampaignSendState = 'active' | 'paused' | 'cancelled';

const COLLECTION = 'delivery_campaigns';
/**
 * How long the sender trusts a campaign's state it read: every message asks, and one query
 * fewer per message is a few percent of a campaign's sending rate. A pause or cancel made
 * through this process is seen at once; one made through another replica within this.
 */
const SENDER_STATE_TTL_MS = 1_000;

@Injectable()
export class CampaignControlsRepository implements OnModuleInit {
  constructor(
    @InjectModel(CAMPAIGN_CONTROL_MODEL) private readonly controls: Model<CampaignControlDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  private readonly recent = new Map<string, { state: CampaignSendState; until: number }>();

  async onModuleInit(): Promise<void> {
    await this.controls.syncIndexes();
  }

  /** A campaign delivery never heard of is active (nothing paused or cancelled it). */
  async stateOf(campaignId: string): Promise<CampaignSendState> {
    const control = await this.controls.findById(campaignId, { state: 1 }).lean<Pick<CampaignControlDocument, 'state'>>();
    return (control?.state as CampaignSendState | undefined) ?? 'active';
  }

  /** The state as the sender needs it before each message: read at most once a second per campaign. */
  async stateForSending(campaignId: string, now = Date.now()): Promise<CampaignSendState> {
    const known = this.recent.get(campaignId);
    if (known && known.until > now) return known.state;
    const state = await this.stateOf(campaignId);
    // A sending process sees few campaigns at a time; the old ones go once they expire.
    for (const [id, entry] of this.recent) if (entry.until <= now) this.recent.delete(id);
    this.recent.set(campaignId, { state, until: now + SENDER_STATE_TTL_MS });
    return state;
  }

  /** Sets the state; a cancelled campaign stays cancelled. Returns the state now in force. */
  async setState(campaignId: string, state: CampaignSendState): Promise<CampaignSendState> {
    const inForce = await this.locks.withLocks(COLLECTION, [campaignId], async () => {
      const current = await this.stateOf(campaignId);
      if (current === 'cancelled' || current === state) return current;
      await this.controls.updateOne({ _id: campaignId }, { $set: { state, updatedAt: new Date() } }, { upsert: true });
      return state;
    });
    this.recent.delete(campaignId);
    return inForce;
  }
}
