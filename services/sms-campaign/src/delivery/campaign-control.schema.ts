import { Schema } from 'mongoose';

/** Private to CampaignControlsRepository. */
export const CAMPAIGN_CONTROL_MODEL = 'DeliveryCampaignControl';

/** Whether a campaign's messages may go out: written by pause, resume and cancel, read by the worker. */
export interface CampaignControlDocument {
  _id: string;
  state: string;
  updatedAt: Date;
}

export const campaignControlSchema = new Schema<CampaignControlDocument>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'delivery_campaigns', versionKey: false, autoIndex: false },
);
