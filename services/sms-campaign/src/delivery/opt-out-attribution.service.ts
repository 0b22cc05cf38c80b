import { Injectable } from '@nestjs/common';
import { RecipientsRepository } from './recipients.repository';

/** Campaign results count "opt-outs caused": a STOP is charged to the last campaign message the phone received. */
@Injectable()
export class OptOutAttribution {
  constructor(private readonly records: RecipientsRepository) {}

  /** Marks the phone's last campaign message as the cause of an opt-out; returns its campaign, if any. */
  async charge(phone: string): Promise<string | undefined> {
    const last = await this.records.lastCampaignMessageTo(phone);
    if (!last) return undefined;
    await this.records.change(last.recipientId, (current) => (current.optOutCaused ? undefined : { optOutCaused: true }));
    return last.campaignId;
  }
}
