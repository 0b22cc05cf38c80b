import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { TOPICS, type CarrierBlockChanged } from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { CarrierBlocksRepository } from './carrier-blocks.repository';

/** The SMS service's word on which phones the carrier blocks (Twilio 21610, lifted by START). */
@Controller()
export class CarrierBlocksConsumer {
  constructor(private readonly blocks: CarrierBlocksRepository) {}

  @ConsumeEvent(TOPICS.smsEvents, 'sms.carrier-block-changed')
  async onChanged(@Payload() event: ConsumedEvent<CarrierBlockChanged>): Promise<void> {
    const { phone, blocked, changedAt } = event.payload;
    // changed_at is required by the contract: the consumer refuses events without it.
    if (!changedAt) return;
    await this.blocks.apply({ phone, blocked, changedAt: timestampDate(changedAt) });
  }
}
