import { Inject, Injectable } from '@nestjs/common';
import type { Twilio } from 'twilio';
import { createTwilioClient } from './twilio-client.factory';

/** A message as Twilio holds it: its SID and Twilio's status (queued, sent, delivered...). */
export interface TwilioMessage {
  readonly sid: string;
  readonly status: string;
  /** Twilio's error code of a failed or undelivered message. */
  readonly errorCode?: number;
}

/**
 * Whose message it is, carried in the StatusCallback URL's query (signed by Twilio with the
 * rest of the URL): a callback then names its recipient, and its status is applied in a batch
 * without looking the recipient up by SID first.
 */
export interface MessageHolder {
  readonly recipientId: string;
  readonly campaignId?: string;
  readonly segments: number;
}

/** The StatusCallback URL of a message: the base, and its holder in the query. */
export function statusCallbackUrlOf(base: string, holder: MessageHolder | undefined): string {
  if (holder === undefined) return base;
  const query = new URLSearchParams({ recipient: holder.recipientId, segments: String(holder.segments), ...(holder.campaignId !== undefined ? { campaign: holder.campaignId } : {}) });
  return `${base}?${query.toString()}`;
}

/** How the client reaches Twilio and what every message carries. */
export interface TwilioMessagesSettings {
  readonly accountSid: string;
  readonly authToken: string;
  /** TWILIO_API_BASE_URL (the local endpoint in development and tests); unset in production. */
  readonly apiBaseUrl?: string;
  /** TWILIO_FROM. */
  readonly from: string;
  /** Where Twilio posts the message's status changes. */
  readonly statusCallbackUrl: string;
}

export const TWILIO_MESSAGES_SETTINGS = Symbol('TWILIO_MESSAGES_SETTINGS');

/**
 * How long one request to Twilio may take before the SDK gives up. After this long a request
 * that got no answer is over on our side, which is what lets the sender decide, this long
 * after an attempt, whether Twilio has the message (see MessageSender).
 */
export const TWILIO_REQUEST_TIMEOUT_MS = 15_000;

/** How many of a number's newest messages a look-up reads (one member gets a handful a day). */
const LOOKUP_LIMIT = 100;

/** The Messages resource through the official SDK: sending, and finding what was sent. */
@Injectable()
export class TwilioMessagesClient {
  private readonly client: Twilio;

  constructor(@Inject(TWILIO_MESSAGES_SETTINGS) private readonly settings: TwilioMessagesSettings) {
    this.client = createTwilioClient({
      accountSid: settings.accountSid,
      authToken: settings.authToken,
      apiBaseUrl: settings.apiBaseUrl,
      timeoutMs: TWILIO_REQUEST_TIMEOUT_MS,
    });
  }

  /** Creates a message with our sender and status callback (naming its holder); throws what the SDK throws (see classifySendError). */
  async send(to: string, body: string, holder?: MessageHolder): Promise<TwilioMessage> {
    const message = await this.client.messages.create({ to, from: this.settings.from, body, statusCallback: statusCallbackUrlOf(this.settings.statusCallbackUrl, holder) });
    return { sid: message.sid, status: message.status };
  }

  /** The message as Twilio has it now. */
  async fetch(sid: string): Promise<TwilioMessage> {
    const message = await this.client.messages(sid).fetch();
    return { sid: message.sid, status: message.status, ...(typeof message.errorCode === 'number' ? { errorCode: message.errorCode } : {}) };
  }

  /**
   * Our messages to `to` with exactly this body created at or after `since`, newest first.
   *
   * Filtered by To and From, and by creation time here, not with Twilio's DateSent filter:
   * DateSent is empty until the carrier took the message, and a message still queued at
   * Twilio is exactly the one a look-up must not miss.
   */
  async findSent(to: string, body: string, since: Date): Promise<TwilioMessage[]> {
    const messages = await this.client.messages.list({ to, from: this.settings.from, limit: LOOKUP_LIMIT });
    return messages
      .filter((message) => message.direction.startsWith('outbound') && message.body === body && message.dateCreated.getTime() >= since.getTime())
      .map((message) => ({ sid: message.sid, status: message.status }));
  }
}
