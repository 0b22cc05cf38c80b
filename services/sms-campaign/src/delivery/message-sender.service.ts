import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import { decideSend } from '../compliance/send-decision';
import type { ExclusionReason } from '../compliance/send-decision';
import { classifySendError, type SendFailure } from '../twilio/twilio-send-error';
import { TWILIO_REQUEST_TIMEOUT_MS, TwilioMessagesClient, type TwilioMessage } from '../twilio/twilio-messages.client';
import { CampaignControlsRepository } from './campaign-controls.repository';
import { CarrierBlocksRepository } from './carrier-blocks.repository';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { TwilioBusyError, TwilioOutcomeUnknownError } from './delivery.errors';
import { MarketingSendsRepository } from './marketing-sends.repository';
import { MemberProfilesRepository } from '../members/member-profiles.repository';
import { MessageStatusService } from './message-status.service';
import type { DeliveryRecipient } from './recipient.entity';
import { isProgress, statusFromTwilio, UNSENT_STATUSES } from './recipient-status';
import { RecipientsRepository } from './recipients.repository';

/** What the queue does with the job after one pass: nothing more, or run it again at `until`. */
export type SendOutcome = { readonly kind: 'done' } | { readonly kind: 'delay'; readonly until: Date };

const DONE: SendOutcome = { kind: 'done' };

/**
 * After a request to Twilio got no answer, how long beyond the SDK's own timeout to wait before
 * asking Twilio whether the message exists: the request may still be in flight on a proxy or a
 * load balancer between us and Twilio for a moment after our side gave up.
 */
const SETTLE_MARGIN_MS = 5_000;
/** Clock difference between us and Twilio tolerated when matching a message by its creation time. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Hands one recipient's message to Twilio, **at most once**, whatever happens around it.
 *
 * The record is marked `sending` (with the attempt's time) *before* Twilio is called, and the
 * SID Twilio answers with is stored after. Whatever stops us in between — a SIGKILL after
 * Twilio accepted the message and before our write, or Twilio's answer lost on the way — leaves
 * the record `sending`, and the queue runs the job again (a stalled job after a restart, or a
 * retry). A job that finds the record `sending` therefore does not know whether Twilio has the
 * message, and must not send it again blindly. It first waits until the earlier request is
 * certainly over (its attempt time plus the SDK's request timeout plus a margin), then asks
 * Twilio: the Messages list to this number from our sender, the same body, created since the
 * attempt, and not already held by another recipient. If Twilio has it, the record adopts its
 * SID (and whatever status callbacks came meanwhile); only if Twilio has no such message did
 * the earlier request never reach it, and the message is sent (after compliance is checked
 * again). The one case this cannot cover is Twilio listing a message it accepted only after
 * that wait, which its API does not do.
 *
 * Before that, for every message: a cancelled or paused campaign sends nothing, an expired
 * transactional message is dropped, and the member is read again from the projection (consent
 * or the number may have changed since the list was frozen) for `decideSend`: eligibility, the
 * frequency cap (reserved atomically, see MarketingSendsRepository) and quiet hours, which
 * defer the message to the end of the window, never drop it.
 */
@Injectable()
export class MessageSender {
  private readonly log: Logger;

  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly controls: CampaignControlsRepository,
    private readonly marketingSends: MarketingSendsRepository,
    private readonly members: MemberProfilesRepository,
    private readonly carrierBlocks: CarrierBlocksRepository,
    private readonly twilio: TwilioMessagesClient,
    private readonly statuses: MessageStatusService,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'message-sender' });
  }

  /** One pass of the recipient's job. Throws TwilioBusyError / TwilioOutcomeUnknownError for the queue to retry. */
  async process(recipientId: string, now = new Date()): Promise<SendOutcome> {
    const record = await this.recipients.find(recipientId);
    if (!record) {
      this.log.warn({ recipientId }, 'no record for a queued message; nothing sent');
      return DONE;
    }
    switch (record.status) {
      case 'pending':
      case 'deferred':
        return this.attempt(record, now);
      case 'sending':
        return this.recover(record, now);
      case 'excluded':
      case 'cancelled':
      case 'queued':
      case 'sent':
      case 'delivered':
      case 'undelivered':
      case 'failed':
        return DONE;
    }
  }

  /** The queue gave up on the recipient (attempts exhausted): it fails, and is never sent later. */
  async giveUp(recipientId: string, error: unknown): Promise<void> {
    const code = error instanceof TwilioBusyError ? error.twilioCode : undefined;
    const failed = await this.recipients.change(recipientId, (current) =>
      current.status === 'pending' || current.status === 'deferred' || current.status === 'sending'
        ? { status: 'failed', exclusionReason: 'retries-exhausted', ...(code !== undefined ? { errorCode: code } : {}) }
        : undefined,
    );
    if (failed) this.log.warn({ recipientId, code }, 'gave up sending after the last attempt');
  }

  private async attempt(record: DeliveryRecipient, now: Date): Promise<SendOutcome> {
    if (record.campaignId !== undefined) {
      const state = await this.controls.stateForSending(record.campaignId);
      if (state === 'cancelled') return this.endUnsent(record, { status: 'cancelled' });
      // Paused: the job ends and the record stays unsent; resume queues it again.
      if (state === 'paused') return DONE;
    }
    if (record.expiresAt !== undefined && record.expiresAt.getTime() <= now.getTime()) {
      return this.endUnsent(record, { status: 'cancelled', exclusionReason: 'expired' });
    }

    const member = record.memberId === undefined ? undefined : await this.members.get(record.memberId);
    // A campaign member the projection no longer has was erased (the projection drops them).
    if (record.kind === 'marketing' && !member) return this.endUnsent(record, { status: 'excluded', exclusionReason: 'erased' });
    if (member) {
      const sends = record.kind === 'marketing' ? await this.marketingSends.sendsOf(member.memberId, record.recipientId) : [];
      const decision = decideSend(member, record.kind, now, sends, this.settings.rules);
      if (!decision.send) return this.exclude(record, decision.reason);
      if (record.kind === 'marketing') {
        const reservation = await this.marketingSends.reserve(member.memberId, record.recipientId, decision.at, this.settings.rules.frequencyCap, now);
        if (!reservation.reserved) return this.exclude(record, 'frequency-capped');
      }
      if (decision.deferred) {
        await this.recipients.change(record.recipientId, (current) =>
          UNSENT_STATUSES.includes(current.status) ? { status: 'deferred', deferredUntil: decision.at } : undefined,
        );
        return { kind: 'delay', until: decision.at };
      }
    }

    // Step one of "at most once": the record says `sending` before Twilio hears of the message.
    const to = member?.phone ?? record.phone;
    const attemptAt = new Date();
    const marked = await this.recipients.change(record.recipientId, (current) =>
      UNSENT_STATUSES.includes(current.status) ? { status: 'sending', attemptAt, phone: to, deferredUntil: undefined } : undefined,
    );
    if (!marked) return DONE; // someone else took it meanwhile (cancel, another worker)

    let message: TwilioMessage;
    try {
      message = await this.twilio.send(to, record.body);
    } catch (error) {
      return this.refused(marked, classifySendError(error));
    }
    await this.accepted(record.recipientId, message);
    return DONE;
  }

  /** A job that finds its record `sending`: an earlier attempt's outcome is unknown (see the class comment). */
  private async recover(record: DeliveryRecipient, now: Date): Promise<SendOutcome> {
    const attemptAt = record.attemptAt ?? record.updatedAt;
    const settled = new Date(attemptAt.getTime() + TWILIO_REQUEST_TIMEOUT_MS + SETTLE_MARGIN_MS);
    if (now.getTime() < settled.getTime()) return { kind: 'delay', until: settled };

    const candidates = await this.twilio.findSent(record.phone, record.body, new Date(attemptAt.getTime() - CLOCK_SKEW_MS));
    const claimed = await this.recipients.claimedSids(candidates.map((candidate) => candidate.sid));
    // Newest first: the oldest unclaimed one is the earliest attempt's.
    const found = candidates.filter((candidate) => !claimed.has(candidate.sid)).at(-1);
    if (found) {
      this.log.info({ recipientId: record.recipientId, messageSid: found.sid }, 'Twilio had the message of an interrupted attempt; adopted its SID');
      await this.accepted(record.recipientId, found);
      return DONE;
    }

    // Twilio has no such message: the earlier request never reached it. Back to unsent, and a
    // fresh attempt (compliance is decided again: time has passed).
    const reverted = await this.recipients.change(record.recipientId, (current) =>
      current.status === 'sending' && current.attemptAt?.getTime() === record.attemptAt?.getTime() ? { status: 'pending', attemptAt: undefined } : undefined,
    );
    if (!reverted) return DONE;
    return this.attempt(reverted, now);
  }

  /** Step two: the SID is stored, with anything Twilio reported about it meanwhile. */
  private async accepted(recipientId: string, message: TwilioMessage): Promise<void> {
    const status = statusFromTwilio(message.status) ?? 'queued';
    const acceptedAt = new Date();
    await this.recipients.change(recipientId, (current) => ({
      messageSid: message.sid,
      acceptedAt,
      // The truth is that Twilio has it, even if a racing cancel wrote `cancelled`.
      status: isProgress(current.status, status) ? status : current.status,
    }));
    await this.statuses.applyKept(recipientId, message.sid);
  }

  /** Twilio refused or did not answer: what the error means decides (classifySendError). */
  private async refused(record: DeliveryRecipient, failure: SendFailure): Promise<SendOutcome> {
    const ours = (current: DeliveryRecipient): boolean => current.status === 'sending' && current.attemptAt?.getTime() === record.attemptAt?.getTime();
    switch (failure.kind) {
      case 'unsubscribed': {
        // The carrier blocks the number: every message, not only marketing. Recorded before the
        // record fails, so a crash in between sends again, is refused again, and records it then.
        const at = new Date();
        await this.carrierBlocks.block({ phone: record.phone, ...(record.memberId !== undefined ? { memberId: record.memberId } : {}), at, cause: `twilio-error-${failure.code}` });
        if (record.memberId !== undefined) await this.members.markCarrierBlocked(record.memberId, record.phone, at);
        return this.fail(record, failure.code);
      }
      case 'invalid-number':
        if (record.memberId !== undefined) await this.members.markPhoneInvalid(record.memberId, record.phone);
        return this.fail(record, failure.code);
      case 'refused':
        return this.fail(record, failure.code);
      case 'retry-later':
        // Nothing was created: the record goes back to unsent, and the queue retries with backoff.
        await this.recipients.change(record.recipientId, (current) => (ours(current) ? { status: 'pending', attemptAt: undefined } : undefined));
        throw new TwilioBusyError(failure.code, failure.status);
      case 'unknown-outcome':
        // The record stays `sending`: the retry looks the message up before sending anything.
        throw new TwilioOutcomeUnknownError(failure.reason);
    }
  }

  private async fail(record: DeliveryRecipient, errorCode: number | undefined): Promise<SendOutcome> {
    await this.recipients.change(record.recipientId, (current) =>
      current.status === 'sending' ? { status: 'failed', ...(errorCode !== undefined ? { errorCode } : {}) } : undefined,
    );
    await this.releaseCap(record);
    return DONE;
  }

  private exclude(record: DeliveryRecipient, reason: ExclusionReason): Promise<SendOutcome> {
    return this.endUnsent(record, { status: 'excluded', exclusionReason: reason });
  }

  /** Ends a message that was never handed to Twilio, and gives its place under the cap back. */
  private async endUnsent(record: DeliveryRecipient, end: { status: 'excluded' | 'cancelled'; exclusionReason?: string }): Promise<SendOutcome> {
    await this.recipients.change(record.recipientId, (current) =>
      UNSENT_STATUSES.includes(current.status) ? { ...end, deferredUntil: undefined } : undefined,
    );
    await this.releaseCap(record);
    return DONE;
  }

  private async releaseCap(record: DeliveryRecipient): Promise<void> {
    if (record.kind === 'marketing' && record.memberId !== undefined) await this.marketingSends.release(record.memberId, [record.recipientId]);
  }
}
