import { Injectable } from '@nestjs/common';
import { maskPhone } from '@atrium/observability';
import { TwilioMessagesClient } from '../twilio/twilio-messages.client';
import {
  CampaignDelivery,
  type CampaignDeliveryTotals,
  type CampaignExclusion,
  type CampaignMessage,
  type RecipientQuery,
  type RecipientRecord,
} from './campaign-delivery';
import { CampaignControlsRepository } from './campaign-controls.repository';
import { totalsFromCounters } from './campaign-counters';
import { CampaignCountersRepository } from './campaign-counters.repository';
import { deliveryTotalsOf } from './delivery-totals';
import { MarketingSendsRepository } from './marketing-sends.repository';
import type { DeliveryRecipient, NewDeliveryRecipient } from './recipient.entity';
import { RecipientsRepository, type UnsentRecipient } from './recipients.repository';
import { SendQueue } from './send-queue';

/** Recipients recorded per bulk insert; each chunk is queued as soon as it is recorded. */
const RECORD_CHUNK = 5_000;

/** CampaignDelivery over the recipient records, the sending queue and Twilio (see the boundary's comments). */
@Injectable()
export class CampaignDeliveryService extends CampaignDelivery {
  constructor(
    private readonly records: RecipientsRepository,
    private readonly controls: CampaignControlsRepository,
    private readonly queue: SendQueue,
    private readonly marketingSends: MarketingSendsRepository,
    private readonly twilio: TwilioMessagesClient,
    private readonly counters: CampaignCountersRepository,
  ) {
    super();
  }

  /**
   * Records every recipient (bulk, unordered, existing ids left alone) and queues the messages.
   * A chunk's jobs are added only after its records exist (a job without its record sends
   * nothing), and the next chunk is recorded while the previous one is being queued.
   */
  async dispatch(campaignId: string, messages: readonly CampaignMessage[], exclusions: readonly CampaignExclusion[], notBefore: Date): Promise<void> {
    const recipients: NewDeliveryRecipient[] = [
      ...messages.map((message): NewDeliveryRecipient => ({
        recipientId: message.recipientId,
        kind: 'marketing',
        campaignId,
        memberId: message.memberId,
        phone: message.phone,
        language: message.language,
        body: message.body,
        segments: message.segments,
        status: 'pending',
        notBefore,
      })),
      ...exclusions.map((exclusion): NewDeliveryRecipient => ({
        recipientId: exclusion.recipientId,
        kind: 'marketing',
        campaignId,
        memberId: exclusion.memberId,
        phone: '',
        body: '',
        segments: 0,
        status: 'excluded',
        exclusionReason: exclusion.reason,
        notBefore,
      })),
    ];
    let queueing: Promise<void> = Promise.resolve();
    for (let start = 0; start < recipients.length; start += RECORD_CHUNK) {
      const chunk = recipients.slice(start, start + RECORD_CHUNK);
      await Promise.all([this.records.insertNew(chunk), queueing]);
      const pending = chunk
        .filter((record) => record.status === 'pending')
        .map((record) => ({
          recipientId: record.recipientId,
          notBefore,
          message: { kind: record.kind, campaignId, phone: record.phone, body: record.body, segments: record.segments, ...(record.memberId !== undefined ? { memberId: record.memberId } : {}) },
        }));
      queueing = this.queue.add(pending);
    }
    await queueing;
  }

  async pause(campaignId: string): Promise<void> {
    if ((await this.controls.setState(campaignId, 'paused')) !== 'paused') return;
    const unsent = await this.records.unsent(campaignId);
    await this.queue.remove(unsent.map((recipient) => recipient.recipientId));
  }

  async resume(campaignId: string): Promise<void> {
    if ((await this.controls.setState(campaignId, 'active')) !== 'active') return;
    const unsent = await this.records.unsent(campaignId);
    await this.queue.add(unsent.map((recipient) => ({ recipientId: recipient.recipientId, notBefore: recipient.deferredUntil ?? recipient.notBefore })));
  }

  async cancel(campaignId: string): Promise<void> {
    await this.controls.setState(campaignId, 'cancelled');
    const unsent = await this.records.unsent(campaignId);
    await this.queue.remove(unsent.map((recipient) => recipient.recipientId));
    const cancelled = await this.records.cancelUnsent(campaignId, unsent);
    await this.releaseCaps(cancelled);
  }

  /**
   * From the campaign's counters, and whether it is finished from the records themselves (a few
   * cheap queries): the campaigns side asks every few seconds while a campaign sends. A campaign
   * without counters (Redis lost them) is worked out from every record, slowly.
   */
  async totals(campaignId: string): Promise<CampaignDeliveryTotals> {
    const [counters, open] = await Promise.all([this.counters.read(campaignId), this.records.hasOpen(campaignId)]);
    if (counters) return totalsFromCounters(counters, !open);
    return { ...deliveryTotalsOf(await this.records.groups(campaignId)), finished: !open };
  }

  async recipients(campaignId: string, query: RecipientQuery): Promise<{ readonly total: number; readonly items: readonly RecipientRecord[] }> {
    const page = await this.records.page(campaignId, query);
    return { total: page.total, items: page.items.map(recordOf) };
  }

  async sendTest(_campaignId: string, phones: readonly string[], body: string): Promise<readonly { readonly phone: string; readonly messageSid?: string; readonly error?: string }[]> {
    return Promise.all(
      phones.map(async (phone) => {
        try {
          return { phone, messageSid: (await this.twilio.send(phone, body)).sid };
        } catch (error) {
          const { code, message } = error as { code?: unknown; message?: unknown };
          return { phone, error: `${typeof code === 'number' || typeof code === 'string' ? `${code}: ` : ''}${typeof message === 'string' ? message : 'no answer'}` };
        }
      }),
    );
  }

  private async releaseCaps(recipients: readonly UnsentRecipient[]): Promise<void> {
    const byMember = new Map<string, string[]>();
    for (const recipient of recipients) {
      if (recipient.memberId !== undefined) byMember.set(recipient.memberId, [...(byMember.get(recipient.memberId) ?? []), recipient.recipientId]);
    }
    for (const [memberId, recipientIds] of byMember) await this.marketingSends.release(memberId, recipientIds);
  }
}

function recordOf(recipient: DeliveryRecipient): RecipientRecord {
  return {
    recipientId: recipient.recipientId,
    memberId: recipient.memberId ?? '',
    phoneMasked: recipient.phone === '' ? '' : maskPhone(recipient.phone),
    status: recipient.status,
    segments: recipient.segments,
    updatedAt: recipient.updatedAt,
    ...(recipient.exclusionReason !== undefined ? { exclusionReason: recipient.exclusionReason } : {}),
    ...(recipient.messageSid !== undefined ? { messageSid: recipient.messageSid } : {}),
    ...(recipient.errorCode !== undefined ? { errorCode: recipient.errorCode } : {}),
    ...(recipient.deferredUntil !== undefined ? { deferredUntil: recipient.deferredUntil } : {}),
  };
}
