import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import { API_VERSION, type MessageResource, type MessageStatus } from './message-resource';

/** A webhook request as Twilio sends it: form body and headers, signed. */
export interface SignedWebhook {
  url: string;
  params: Record<string, string>;
  body: string;
  headers: Record<string, string>;
}

/**
 * The parameters of a message status callback, as Twilio posts them to the StatusCallback URL:
 * the SID and status under both their current and legacy names, the account, the addresses,
 * the API version, the Messaging Service when there is one and, for `failed`/`undelivered`,
 * the ErrorCode.
 */
export function statusCallbackParams(message: MessageResource, status: MessageStatus): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: message.account_sid ?? '',
    ApiVersion: API_VERSION,
    MessageSid: message.sid ?? '',
    MessageStatus: status,
    SmsSid: message.sid ?? '',
    SmsStatus: status,
    To: message.to ?? '',
  };
  if (message.from !== null) params.From = message.from;
  if (message.messaging_service_sid !== null) params.MessagingServiceSid = message.messaging_service_sid;
  if ((status === 'failed' || status === 'undelivered') && message.error_code !== null) params.ErrorCode = String(message.error_code);
  return params;
}

/** Where the two numbers of an inbound message are, as Twilio adds them (ISO country, or ""). */
export interface InboundGeography {
  fromCountry: string;
  toCountry: string;
}

/**
 * The parameters of Twilio's incoming-message webhook (the phone number's or Messaging
 * Service's "A message comes in" URL). City, state and ZIP are only known for North American
 * numbers; Twilio sends them empty elsewhere, and so does the endpoint.
 */
export function inboundMessageParams(message: MessageResource, geography: InboundGeography): Record<string, string> {
  const sid = message.sid ?? '';
  const params: Record<string, string> = {
    AccountSid: message.account_sid ?? '',
    ApiVersion: API_VERSION,
    Body: message.body ?? '',
    From: message.from ?? '',
    FromCity: '',
    FromCountry: geography.fromCountry,
    FromState: '',
    FromZip: '',
    MessageSid: sid,
    NumMedia: message.num_media ?? '0',
    NumSegments: message.num_segments ?? '1',
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: 'received',
    To: message.to ?? '',
    ToCity: '',
    ToCountry: geography.toCountry,
    ToState: '',
    ToZip: '',
  };
  if (message.messaging_service_sid !== null) params.MessagingServiceSid = message.messaging_service_sid;
  return params;
}

/**
 * Signs a webhook as Twilio does: `X-Twilio-Signature` is the base64 HMAC-SHA1, keyed by the
 * auth token, of the full URL followed by each POST parameter's name and value sorted by name.
 * Computed by the SDK's own function, so it matches what `twilio.validateRequest` expects.
 */
export function signWebhook(authToken: string, url: string, params: Record<string, string>): SignedWebhook {
  return {
    url,
    params,
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params),
      // Twilio sends one with every webhook, so receivers can recognise a retried request.
      'i-twilio-idempotency-token': randomUUID(),
      'user-agent': 'TwilioProxy/1.1',
      accept: '*/*',
    },
  };
}

/** The receiver's answer to a webhook, or why there was none. */
export interface WebhookAnswer {
  httpStatus: number | null;
  body: string;
  error: string | null;
}

/** Twilio waits 15 s for a webhook's answer. */
const WEBHOOK_TIMEOUT_MS = 15_000;

/** Posts a signed webhook; never throws (a receiver that does not answer is an answer too). */
export async function postWebhook(webhook: SignedWebhook): Promise<WebhookAnswer> {
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: webhook.headers,
      body: webhook.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    const body = await response.text();
    return { httpStatus: response.status, body: body.slice(0, 4096), error: null };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { httpStatus: null, body: '', error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}
