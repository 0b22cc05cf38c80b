import { Inject, Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { MarketingOptInReceivedSchema, MarketingOptOutReceivedSchema, TOPICS } from '@atrium/contracts';
import { OutboxEntryFactory, type OutboxEntry } from '@atrium/messaging';
import { twiml } from 'twilio';
import { MemberProfilesRepository } from '../members/member-profiles.repository';
import { CarrierBlocksRepository } from '../delivery/carrier-blocks.repository';
import { OptOutAttribution } from '../delivery/opt-out-attribution.service';
import { helpReplyText, languageOfUnknownNumber } from '../inbound/help-reply';
import { classifyInboundMessage } from '../inbound/inbound-keywords';
import type { MemberProfile } from '../members/member-profile.entity';
import { InboundMessagesRepository } from './inbound-messages.repository';
import type { InboundMessage } from './twilio-forms';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings';

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * What a shopper's SMS asks for, done. An opt-out word (STOP, 退訂, TD...) marks the member
 * opted out of marketing in the projection at once, so no further campaign message goes to
 * them (sign-in codes and other transactional messages still do), and publishes
 * MarketingOptOutReceived for the member service to withdraw consent; START and UNSTOP publish
 * MarketingOptInReceived and lift a carrier block of the number (Twilio lifts its own on them). The event is written with the message's record (keyed
 * by MessageSid), so a webhook Twilio repeats publishes nothing twice. HELP is answered in the
 * member's language. Anything else gets no answer.
 */
@Injectable()
export class InboundMessagesService {
  constructor(
    private readonly messages: InboundMessagesRepository,
    private readonly members: MemberProfilesRepository,
    private readonly attribution: OptOutAttribution,
    private readonly carrierBlocks: CarrierBlocksRepository,
    private readonly outbox: OutboxEntryFactory,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  /** Handles one inbound SMS; returns the TwiML answer. */
  async receive(message: InboundMessage, receivedAt = new Date()): Promise<string> {
    const intent = classifyInboundMessage(message.body);
    const member = await this.members.findByPhone(message.from);
    const answer = new twiml.MessagingResponse();
    switch (intent) {
      case 'opt-out':
        await this.optOut(message, member, receivedAt);
        break;
      case 'opt-in':
        await this.optIn(message, member, receivedAt);
        break;
      case 'help':
        await this.messages.record({ messageSid: message.messageSid, from: message.from, to: message.to, intent, receivedAt, ...memberOf(member) }, []);
        answer.message(helpReplyText(this.settings.signature, member?.language ?? languageOfUnknownNumber(message.from)));
        break;
      case 'other':
        await this.messages.record({ messageSid: message.messageSid, from: message.from, to: message.to, intent, receivedAt, ...memberOf(member) }, []);
        break;
    }
    return answer.toString();
  }

  private async optOut(message: InboundMessage, member: MemberProfile | undefined, receivedAt: Date): Promise<void> {
    if (!(await this.messages.exists(message.messageSid))) {
      const campaignId = await this.attribution.charge(message.from);
      const keyword = message.body.trim();
      const events: OutboxEntry[] = E164.test(message.from)
        ? [
            this.outbox.create({
              topic: TOPICS.smsEvents,
              type: 'sms.marketing-opt-out-received',
              schema: MarketingOptOutReceivedSchema,
              key: message.from,
              occurredAt: receivedAt,
              payload: { memberId: member?.memberId ?? '', phone: message.from, keyword, receivedAt: timestampFromDate(receivedAt), messageSid: message.messageSid },
            }),
          ]
        : [];
      await this.messages.record(
        { messageSid: message.messageSid, from: message.from, to: message.to, intent: 'opt-out', keyword, receivedAt, ...memberOf(member), ...(campaignId ? { campaignId } : {}) },
        events,
      );
    }
    // Also on a repeat: a crash may have come between the record and this.
    if (member) await this.members.markOptedOut(member.memberId, receivedAt);
  }

  private async optIn(message: InboundMessage, member: MemberProfile | undefined, receivedAt: Date): Promise<void> {
    if (!(await this.messages.exists(message.messageSid))) {
      const keyword = message.body.trim();
      const events: OutboxEntry[] = E164.test(message.from)
        ? [
            this.outbox.create({
              topic: TOPICS.smsEvents,
              type: 'sms.marketing-opt-in-received',
              schema: MarketingOptInReceivedSchema,
              key: message.from,
              occurredAt: receivedAt,
              payload: { memberId: member?.memberId ?? '', phone: message.from, keyword, receivedAt: timestampFromDate(receivedAt), messageSid: message.messageSid },
            }),
          ]
        : [];
      await this.messages.record({ messageSid: message.messageSid, from: message.from, to: message.to, intent: 'opt-in', keyword, receivedAt, ...memberOf(member) }, events);
    }
    // Consent itself comes back through the member service (member.consent-changed).
    if (member) await this.members.markOptedIn(member.memberId, receivedAt);
    // Also on a repeat, like the above; publishes only when the number was known blocked.
    if (E164.test(message.from)) {
      await this.carrierBlocks.lift({ phone: message.from, ...memberOf(member), at: receivedAt, cause: `sms-reply:${message.body.trim().slice(0, 32)}` });
    }
  }
}

function memberOf(member: MemberProfile | undefined): { memberId?: string } {
  return member ? { memberId: member.memberId } : {};
}
