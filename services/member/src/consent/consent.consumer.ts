import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS, type MarketingOptInReceived, type MarketingOptOutReceived } from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { ConsentService } from './consent.service';

/** Shoppers' STOP / 退訂 (and opt-in) replies, as the SMS service reports them, change their consent. */
@Controller()
export class ConsentConsumer {
  constructor(private readonly consent: ConsentService) {}

  @ConsumeEvent(TOPICS.smsEvents, 'sms.marketing-opt-out-received')
  async onOptOut(@Payload() event: ConsumedEvent<MarketingOptOutReceived>): Promise<void> {
    await this.consent.fromSmsReply(event.payload, false);
  }

  @ConsumeEvent(TOPICS.smsEvents, 'sms.marketing-opt-in-received')
  async onOptIn(@Payload() event: ConsumedEvent<MarketingOptInReceived>): Promise<void> {
    await this.consent.fromSmsReply(event.payload, true);
  }
}
