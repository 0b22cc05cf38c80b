import { Schema } from 'mongoose';
import { MESSAGE_KINDS } from '../compliance/message-kind';
import type { Campaign } from './campaign.entity';
import { CAMPAIGN_STATES } from './campaign-state';

export const CAMPAIGN_MODEL = 'Campaign';

/** A stored campaign, written whole under its lock. Private to CampaignsRepository. */
export type CampaignDocument = Omit<Campaign, 'id'> & { _id: string };

const historySchema = new Schema({ command: String, state: String, by: String, at: Date, note: String }, { _id: false });

export const campaignSchema = new Schema<CampaignDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    description: String,
    segmentId: { type: String, required: true },
    templateId: { type: String, required: true },
    kind: { type: String, enum: MESSAGE_KINDS, required: true },
    plannedSendAt: Date,
    state: { type: String, enum: CAMPAIGN_STATES, required: true },
    createdBy: { type: String, required: true },
    submittedBy: String,
    approvedBy: String,
    approvedAt: Date,
    sendAt: Date,
    startedAt: Date,
    endedAt: Date,
    cancelledBy: String,
    rejection: { type: Schema.Types.Mixed },
    snapshot: { type: Schema.Types.Mixed },
    freeze: { type: Schema.Types.Mixed },
    history: { type: [historySchema], default: undefined },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    usageReleased: Boolean,
  },
  { collection: 'campaigns', versionKey: false, minimize: false },
);

// The campaign tick looks campaigns up by state (scheduled and due, sending and finished).
campaignSchema.index({ state: 1 });
