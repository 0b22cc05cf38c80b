import { Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MessageStatusService } from '../delivery/message-status.service';
import { InboundMessagesService } from './inbound-messages.service';
import { parseCallbackHolder, parseInboundMessage, parseStatusCallback } from './twilio-forms';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/**
 * Twilio's webhooks, reaching this service through the gateway's public
 * /api/webhooks/twilio/{status,inbound}. Every request must carry Twilio's signature
 * (TwilioSignatureGuard: 403 problem otherwise, and nothing changes). Not in the staff API
 * document: Twilio is the only caller.
 */
@ApiExcludeController()
@UseGuards(TwilioSignatureGuard)
@Controller('twilio')
export class TwilioWebhooksController {
  constructor(
    private readonly statuses: MessageStatusService,
    private readonly inbound: InboundMessagesService,
  ) {}

  /** A status callback of one of our messages (queued, sent, delivered, undelivered, failed + ErrorCode). */
  @Post('status')
  @HttpCode(204)
  async status(@Body() form: Record<string, unknown>, @Query() query: Record<string, unknown>): Promise<void> {
    const callback = parseStatusCallback(form);
    await this.statuses.recordCallback(callback.messageSid, callback.messageStatus, callback.errorCode, new Date(), parseCallbackHolder(query));
  }

  /** A shopper's SMS; answered with TwiML (a HELP reply, or nothing). */
  @Post('inbound')
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  async inboundMessage(@Body() form: Record<string, unknown>): Promise<string> {
    return this.inbound.receive(parseInboundMessage(form));
  }
}
