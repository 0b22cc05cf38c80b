import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InvalidInputError } from '@atrium/errors';
import { Public } from '../access/access.decorators';
import { TwilioWebhookProxy } from './twilio-webhook.proxy';

/**
 * Twilio's webhooks, public (Twilio has no staff token): status callbacks of sent messages and
 * shoppers' inbound SMS (STOP, 退訂, HELP...). The gateway only relays them; the SMS campaign
 * service checks every X-Twilio-Signature and answers 403 to a forged one. Left out of the API
 * document: Twilio is the only caller, and its form is Twilio's, not ours.
 */
@ApiExcludeController()
@Public()
@Controller('api/webhooks/twilio')
export class TwilioWebhooksController {
  constructor(private readonly proxy: TwilioWebhookProxy) {}

  @Post('status')
  async status(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.relay(request, response);
  }

  @Post('inbound')
  async inbound(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.relay(request, response);
  }

  private async relay(request: Request, response: Response): Promise<void> {
    // Twilio always posts a form. Any other body would have been read by the gateway's JSON
    // parser already (or is not Twilio's), so it could not be streamed on: refuse it here.
    if (!request.is('application/x-www-form-urlencoded')) {
      throw new InvalidInputError('webhook.not-a-form', 'Twilio webhooks are application/x-www-form-urlencoded forms.', [
        { field: 'content-type', message: 'must be application/x-www-form-urlencoded' },
      ]);
    }
    await this.proxy.forward(request, response);
  }
}
