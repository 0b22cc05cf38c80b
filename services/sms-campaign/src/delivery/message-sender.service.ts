import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import { decideSend } from '../compliance/send-decision';
import type { ExclusionReason } from '../compliance/send-decision';
import { classifySendError, type SendFailure } from '../twilio/twilio-send-error';
import { TWILIO_REQUEST_TIMEOUT_MS, TwilioMessagesClient, type MessageHolder, type TwilioMessage } from '../twilio/twilio-messages.client';
import { CampaignControlsRepository } from './campaign-controls.repository';
import { CarrierBlocksRepository } from './carrier-blocks.repository';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { TwilioBusyError, TwilioOutcomeUnknownError } from './delivery.errors';
import { MarketingSendsRepository } from './marketing-sends.repository';
import { MemberProfilesRepository } from '../members/member-profiles.repository';
import { MessageStatusService } from './message-status.service';
import type { DeliveryRecipient } from './recipient.entity';
import { statusFromTwilio, UNSENT_STATUSES } from './recipient-status';
import { RecipientProgressWriter } from './recipient-progress-writer';
import { RecipientsRepository } from './recipients.repository';
import type { SendJobData, SendJobMessage } from './send-queue';

/** A message as sending needs it: from its job, or from its record. */
type SendableMessage = Pick<DeliveryRecipient, 'recipientId' | 'kind' | 'campaignId' | 'memberId' | 'phone' | 'body' | 'segments' | 'expiresAt' | 'attemptAt'>;

function sendableOf(recipientId: string, message: SendJobMessage): SendableMessage {
  const { expiresAt, ...fields } = message;
  return { recipientId, ...fields, ...(expiresAt !== undefined ? { expiresAt: new Date(expiresAt) } : {}) };
}

function holderOf(message: SendableMessage): MessageHolder {
  return { recipientId: message.recipientId, segments: message.segments, ...(message.campaignId !== undefined ? { campaignId: message.campaignId } : {}) };
}

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
 * retry). A `sending` record that holds a SID is settled at once: the SID came from Twilio
 * (the batched write stores SIDs before statuses, and a kill may fall between). Without one, a
 * job that finds the record `sending` does not know whether Twilio has the message, and must
 * not send it again blindly. It first waits until the earlier request is
 * certainly over (its attempt time plus the SDK's request timeout plus a margin), then asks
 * Twilio: the Messages list to this number from our sender, the same body, created since the
 * attempt, and not already held by another recipient (its own SID, stored meanwhile, is no
 * claim against it). If Twilio has it, the record adopts its
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
    private readonly progress: RecipientProgressWriter,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'message-sender' });
  }

  /**
   * One pass of the recipient's job. A job carrying its message is sent from it, without
   * reading the record first; one without (queued by resume) reads the record. Throws
   * TwilioBusyError / TwilioOutcomeUnknownError for the queue to retry.
   */
  async process(job: SendJobData, now = new Date()): Promise<SendOutcome> {
    if (job.message !== undefined) return this.attempt(sendableOf(job.recipientId, job.message), now);
    const record = await this.recipients.find(job.recipientId);
    if (!record) {
      this.log.warn({ recipientId: job.recipientId }, 'no record for a queued message; nothing sent');
      return DONE;
    }
    return this.fromRecord(record, now);
  }

  private fromRecord(record: DeliveryRecipient, now: Date): Promise<SendOutcome> {
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
        return Promise.resolve(DONE);
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

  private async attempt(record: SendableMessage, now: Date): Promise<SendOutcome> {
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
    const marking = { recipientId: record.recipientId, segments: record.segments, phone: to, attemptAt, ...(record.campaignId !== undefined ? { campaignId: record.campaignId } : {}) };
    if (!(await this.recipients.markSending(marking))) return this.notUnsent(record, now);
    const marked: SendableMessage = { ...record, phone: to, attemptAt };

    let message: TwilioMessage;
    try {
      message = await this.twilio.send(to, record.body, holderOf(record));
    } catch (error) {
      return this.refused(marked, classifySendError(error));
    }
    await this.accepted(record, message);
    return DONE;
  }

  /**
   * The record was not unsent when this pass came to mark it: a pass of an earlier attempt left
   * it `sending` (a crash, a lost answer: recover), or it ended meanwhile (cancelled, excluded:
   * the cap place this pass took goes back; sent already by an earlier pass: the place is its,
   * and if only the message's callbacks told the record so, it is marked accepted now).
   */
  private async notUnsent(message: SendableMessage, now: Date): Promise<SendOutcome> {
    const record = await this.recipients.find(message.recipientId);
    if (!record) return DONE;
    if (record.status === 'sending') return this.recover(record, now);
    if (record.status === 'excluded' || record.status === 'cancelled') await this.releaseCap(record);
    else if (record.messageSid !== undefined && record.acceptedAt === undefined) {
      // Twilio's answer to an earlier attempt was lost and its callbacks told the record first.
      await this.progress.write({ ...holderOf(record), status: record.status, accepted: { messageSid: record.messageSid, acceptedAt: new Date() } });
    }
    return DONE;
  }

  /** A job that finds its record `sending`: an earlier attempt's outcome is unknown (see the class comment). */
  private async recover(record: DeliveryRecipient, now: Date): Promise<SendOutcome> {
    // A SID on a `sending` record came from Twilio (its answer to the attempt, or a signed
    // callback naming this recipient) and its status did not follow: the batched write stores
    // SIDs before statuses, and a kill can fall between the two. Twilio has the message.
    if (record.messageSid !== undefined) return this.adopt(record, await this.twilio.fetch(record.messageSid));

    const attemptAt = record.attemptAt ?? record.updatedAt;
    const settled = new Date(attemptAt.getTime() + TWILIO_REQUEST_TIMEOUT_MS + SETTLE_MARGIN_MS);
    if (now.getTime() < settled.getTime()) return { kind: 'delay', until: settled };

    const candidates = await this.twilio.findSent(record.phone, record.body, new Date(attemptAt.getTime() - CLOCK_SKEW_MS));
    const claimed = await this.recipients.claimedByOthers(record.recipientId, candidates.map((candidate) => candidate.sid));
    // Newest first: the oldest unclaimed one is the earliest attempt's.
    const found = candidates.filter((candidate) => !claimed.has(candidate.sid)).at(-1);
    if (found) return this.adopt(record, found);

    // Twilio has no such message: the earlier request never reached it. Back to unsent, and a
    // fresh attempt (compliance is decided again: time has passed). Not if a SID came
    // meanwhile (a callback of the earlier attempt reaching another process of the service).
    const reverted = await this.recipients.change(record.recipientId, (current) =>
      current.status === 'sending' && current.messageSid === undefined && current.attemptAt?.getTime() === record.attemptAt?.getTime()
        ? { status: 'pending', attemptAt: undefined }
        : undefined,
    );
    // Not reverted: the record moved on meanwhile (or took a SID); it is read again for what it is now.
    if (!reverted) return this.notUnsent(record, now);
    return this.attempt(reverted, now);
  }

  /** Twilio had the message of an interrupted attempt: the record takes its SID and status. */
  private async adopt(record: DeliveryRecipient, message: TwilioMessage): Promise<SendOutcome> {
    this.log.info({ recipientId: record.recipientId, messageSid: message.sid }, 'Twilio had the message of an interrupted attempt; adopted its SID');
    await this.accepted(record, message);
    // Callbacks of a message sent before holders were named in its URL waited by SID.
    await this.statuses.applyKept(record.recipientId, message.sid);
    return DONE;
  }

  /**
   * Step two: the SID is stored, and the status moves forwards to Twilio's (the truth is that
   * Twilio has it, even if a racing cancel wrote `cancelled`), in a batch with other messages'
   * (RecipientProgressWriter); the job completes only once it is written. Callbacks that came
   * first were applied to the recipient by the id their URL names, so a later one wins.
   */
  private async accepted(record: SendableMessage, message: TwilioMessage): Promise<void> {
    await this.progress.write({
      recipientId: record.recipientId,
      segments: record.segments,
      status: statusFromTwilio(message.status) ?? 'queued',
      accepted: { messageSid: message.sid, acceptedAt: new Date() },
      ...(record.campaignId !== undefined ? { campaignId: record.campaignId } : {}),
    });
  }

  /** Twilio refused or did not answer: what the error means decides (classifySendError). */
  private async refused(record: SendableMessage, failure: SendFailure): Promise<SendOutcome> {
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

  private async fail(record: SendableMessage, errorCode: number | undefined): Promise<SendOutcome> {
    await this.recipients.change(record.recipientId, (current) =>
      current.status === 'sending' ? { status: 'failed', ...(errorCode !== undefined ? { errorCode } : {}) } : undefined,
    );
    await this.releaseCap(record);
    return DONE;
  }

  private exclude(record: SendableMessage, reason: ExclusionReason): Promise<SendOutcome> {
    return this.endUnsent(record, { status: 'excluded', exclusionReason: reason });
  }

  /** Ends a message that was never handed to Twilio, and gives its place under the cap back. */
  private async endUnsent(record: SendableMessage, end: { status: 'excluded' | 'cancelled'; exclusionReason?: string }): Promise<SendOutcome> {
    await this.recipients.change(record.recipientId, (current) =>
      UNSENT_STATUSES.includes(current.status) ? { ...end, deferredUntil: undefined } : undefined,
    );
    await this.releaseCap(record);
    return DONE;
  }

  private async releaseCap(record: Pick<SendableMessage, 'kind' | 'memberId' | 'recipientId'>): Promise<void> {
    if (record.kind === 'marketing' && record.memberId !== undefined) await this.marketingSends.release(record.memberId, [record.recipientId]);
  }
}
