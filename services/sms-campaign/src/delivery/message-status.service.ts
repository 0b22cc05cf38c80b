import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import { TwilioMessagesClient, type MessageHolder } from '../twilio/twilio-messages.client';
import type { RecipientStatus } from './campaign-delivery';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { isProgress, statusFromTwilio } from './recipient-status';
import { RecipientProgressWriter } from './recipient-progress-writer';
import { RecipientsRepository } from './recipients.repository';
import { StatusUpdatesRepository } from './status-updates.repository';

/** How many overdue messages one check looks up (the next check takes the rest). */
const STATUS_CHECK_BATCH = 200;
/** Messages accepted longer ago than this are not looked up any more. */
const STATUS_CHECK_HORIZON_MS = 3 * 86_400_000;

/**
 * Twilio's status callbacks applied to recipients. A callback is first kept by SID and status
 * (a repeat is the same document), then applied to the recipient holding that SID, only
 * forwards (a late "sent" leaves "delivered" alone). Twilio may call back before the sender
 * has stored the SID it got from `create`: then no recipient holds it yet, and the sender
 * applies what is kept as soon as it stores the SID. Each side writes before it reads the
 * other's write, so one of the two always sees both.
 */
@Injectable()
export class MessageStatusService {
  private readonly log: Logger;

  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly updates: StatusUpdatesRepository,
    private readonly twilio: TwilioMessagesClient,
    private readonly progress: RecipientProgressWriter,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'message-status' });
  }

  /**
   * A status callback: `MessageStatus` and `ErrorCode` as Twilio posts them, and the holder its
   * URL names. With a holder (every message sent since holders are named) the status is kept
   * and applied to that recipient in a batch (RecipientProgressWriter), forwards only, whether
   * or not the sender has stored the SID yet. Without one, as before: kept, then applied to the
   * recipient holding the SID, if any yet.
   */
  async recordCallback(messageSid: string, twilioStatus: string, errorCode: number | undefined, receivedAt = new Date(), holder?: MessageHolder): Promise<void> {
    const status = statusFromTwilio(twilioStatus);
    if (status === undefined) return;
    const update = { messageSid, status, receivedAt, ...(errorCode !== undefined ? { errorCode } : {}) };
    if (holder !== undefined) {
      await this.progress.write(
        {
          recipientId: holder.recipientId,
          segments: holder.segments,
          status,
          // The signed URL names the recipient: Twilio has its message, and this is its SID,
          // even when the sender never heard Twilio's answer (it adopts the same SID).
          accepted: { messageSid },
          ...(holder.campaignId !== undefined ? { campaignId: holder.campaignId } : {}),
          ...(errorCode !== undefined ? { errorCode } : {}),
        },
        update,
      );
      return;
    }
    await this.updates.record(update);
    // This callback alone: earlier ones were applied as they came, or are applied by the sender
    // when it adopts the SID (applyKept); a status only moves forwards, so the order is free.
    const holding = await this.recipients.findByMessageSid(messageSid);
    if (holding) await this.applyTo(holding.recipientId, [update]);
  }

  /** Brings the recipient that has just stored `messageSid` up to the furthest status Twilio reported for it before. */
  async applyKept(recipientId: string, messageSid: string): Promise<void> {
    const updates = await this.updates.forMessage(messageSid);
    if (updates.length > 0) await this.applyTo(recipientId, updates);
  }

  private async applyTo(recipientId: string, updates: readonly { status: RecipientStatus; errorCode?: number }[]): Promise<void> {
    await this.recipients.change(recipientId, (current) => {
      let best: { status: RecipientStatus; errorCode?: number } | undefined;
      for (const update of updates) {
        if (isProgress(best?.status ?? current.status, update.status)) best = update;
      }
      if (!best) return undefined;
      return best.errorCode !== undefined ? { status: best.status, errorCode: best.errorCode } : { status: best.status };
    });
  }

  /**
   * Looks up at Twilio the messages whose final status has not come SMS_STATUS_CHECK_AFTER_SECONDS
   * after Twilio accepted them (their callbacks were lost: the service was down or restarting),
   * and applies what Twilio says as if its callback had come. Messages older than
   * STATUS_CHECK_HORIZON_MS are left as they are: a carrier that never reports delivery leaves a
   * message `sent` for good. Returns how many it looked up.
   */
  async checkOverdue(now = new Date(), limit = STATUS_CHECK_BATCH): Promise<number> {
    const after = this.settings.statusCheckAfterMs;
    const overdue = await this.recipients.awaitingFinalStatus(
      { acceptedBefore: new Date(now.getTime() - after), notBefore: new Date(now.getTime() - STATUS_CHECK_HORIZON_MS), checkedBefore: new Date(now.getTime() - after) },
      limit,
    );
    for (const recipient of overdue) {
      if (recipient.messageSid === undefined) continue;
      try {
        const message = await this.twilio.fetch(recipient.messageSid);
        await this.recordCallback(message.sid, message.status, message.errorCode, now, {
          recipientId: recipient.recipientId,
          segments: recipient.segments,
          ...(recipient.campaignId !== undefined ? { campaignId: recipient.campaignId } : {}),
        });
      } catch (error) {
        this.log.warn({ err: error, recipientId: recipient.recipientId }, 'could not look a message up at Twilio; the next check tries again');
      }
      await this.recipients.change(recipient.recipientId, () => ({ statusCheckedAt: now }));
    }
    return overdue.length;
  }
}
