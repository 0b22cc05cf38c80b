import { Module, type DynamicModule } from '@nestjs/common';
import type { SmsCampaignConfig } from '../config/env.schema';
import { TWILIO_MESSAGES_SETTINGS, TwilioMessagesClient, type TwilioMessagesSettings } from './twilio-messages.client';

/** The Twilio SDK client of the process, configured once from the service's variables. */
@Module({})
export class TwilioModule {
  static register(config: SmsCampaignConfig): DynamicModule {
    const settings: TwilioMessagesSettings = {
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      ...(config.TWILIO_API_BASE_URL ? { apiBaseUrl: config.TWILIO_API_BASE_URL } : {}),
      from: config.TWILIO_FROM,
      statusCallbackUrl: `${config.TWILIO_WEBHOOK_BASE_URL}/status`,
    };
    return {
      module: TwilioModule,
      providers: [{ provide: TWILIO_MESSAGES_SETTINGS, useValue: settings }, TwilioMessagesClient],
      exports: [TwilioMessagesClient],
    };
  }
}
