import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS, type CorporateProgrammeChanged } from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { CorporateCodesService } from './corporate-codes.service';

/**
 * The outreach service's corporate programmes, kept here so registration can check a code
 * without calling outreach. Each event is validated against its contract by the runner (a
 * message that breaks it is dead-lettered) and applied once by event id (inbox); a late or
 * repeated revision changes nothing.
 */
@Controller()
export class CorporateProgrammesConsumer {
  constructor(private readonly codes: CorporateCodesService) {}

  @ConsumeEvent(TOPICS.outreachEvents, 'outreach.corporate-programme-changed')
  async onProgrammeChanged(@Payload() event: ConsumedEvent<CorporateProgrammeChanged>): Promise<void> {
    await this.codes.apply(event.payload);
  }
}
