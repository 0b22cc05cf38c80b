import { randomBytes } from 'node:crypto';
import { smsSegments } from './sms-segments';

/** message_enum_status of the OpenAPI document. */
export type MessageStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'failed'
  | 'delivered'
  | 'undelivered'
  | 'receiving'
  | 'received'
  | 'accepted'
  | 'scheduled'
  | 'read'
  | 'partially_delivered'
  | 'canceled';

/** message_enum_direction of the OpenAPI document. */
export type MessageDirection = 'inbound' | 'outbound-api' | 'outbound-call' | 'outbound-reply';

/** The Message resource as Twilio answers it (components.schemas["api.v2010.account.message"]). */
export interface MessageResource {
  body: string | null;
  num_segments: string | null;
  direction: MessageDirection;
  from: string | null;
  to: string | null;
  date_updated: string | null;
  price: string | null;
  error_message: string | null;
  uri: string | null;
  account_sid: string | null;
  num_media: string | null;
  status: MessageStatus;
  messaging_service_sid: string | null;
  sid: string | null;
  date_sent: string | null;
  date_created: string | null;
  error_code: number | null;
  price_unit: string | null;
  api_version: string | null;
  subresource_uris: Record<string, string> | null;
}

export const API_VERSION = '2010-04-01';

/** A Twilio SID: two letters and 32 hex digits (SM for an SMS, MM with media). */
export function newSid(prefix: 'SM' | 'MM'): string {
  return prefix + randomBytes(16).toString('hex');
}

/** Twilio's date format (date-time-rfc-2822): "Thu, 24 Aug 2023 05:01:45 +0000". */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export function messageUri(accountSid: string, sid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}.json`;
}

export interface NewMessage {
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  numMedia: number;
  direction: MessageDirection;
  status: MessageStatus;
  now: Date;
}

/** A new Message resource as Twilio answers its creation (or records an inbound message). */
export function newMessageResource(input: NewMessage): MessageResource {
  const sid = newSid(input.numMedia > 0 ? 'MM' : 'SM');
  const date = rfc2822(input.now);
  const uri = messageUri(input.accountSid, sid);
  return {
    account_sid: input.accountSid,
    api_version: API_VERSION,
    body: input.body,
    date_created: date,
    date_sent: input.direction === 'inbound' ? date : null,
    date_updated: date,
    direction: input.direction,
    error_code: null,
    error_message: null,
    from: input.from,
    messaging_service_sid: input.messagingServiceSid,
    num_media: String(input.numMedia),
    num_segments: String(smsSegments(input.body)),
    // Twilio prices a message once it is sent; the local endpoint bills nothing.
    price: null,
    price_unit: 'USD',
    sid,
    status: input.status,
    subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
    to: input.to,
    uri,
  };
}
