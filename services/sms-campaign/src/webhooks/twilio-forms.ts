import type { MessageHolder } from '../twilio/twilio-messages.client';
import { InvalidInputError, type FieldProblem } from '@atrium/errors';

/** What a status callback says about one of our messages. */
export interface StatusCallback {
  readonly messageSid: string;
  /** Twilio's status: queued, sent, delivered, undelivered, failed... */
  readonly messageStatus: string;
  /** Twilio's error code of a failed or undelivered message. */
  readonly errorCode?: number;
}

/** A shopper's SMS to one of our numbers. */
export interface InboundMessage {
  readonly messageSid: string;
  /** The shopper's number (E.164 for mobile numbers). */
  readonly from: string;
  readonly to: string;
  readonly body: string;
}

const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/;
const ERROR_CODE = /^\d{1,6}$/;

/** Reads Twilio's status callback form; a form without what we need is refused naming the fields. */
export function parseStatusCallback(form: Readonly<Record<string, unknown>>): StatusCallback {
  const problems: FieldProblem[] = [];
  const messageSid = text(form, 'MessageSid') ?? text(form, 'SmsSid');
  const messageStatus = text(form, 'MessageStatus') ?? text(form, 'SmsStatus');
  const errorCode = text(form, 'ErrorCode');
  if (messageSid === undefined || !MESSAGE_SID.test(messageSid)) problems.push({ field: 'MessageSid', message: 'must be a message SID (SM or MM and 32 hex digits)' });
  if (messageStatus === undefined || messageStatus === '') problems.push({ field: 'MessageStatus', message: 'is required' });
  if (errorCode !== undefined && errorCode !== '' && !ERROR_CODE.test(errorCode)) problems.push({ field: 'ErrorCode', message: 'must be a number' });
  if (problems.length > 0 || messageSid === undefined || messageStatus === undefined) throw invalid(problems);
  return { messageSid, messageStatus, ...(errorCode !== undefined && errorCode !== '' ? { errorCode: Number(errorCode) } : {}) };
}

/** Reads Twilio's incoming-message form. */
export function parseInboundMessage(form: Readonly<Record<string, unknown>>): InboundMessage {
  const problems: FieldProblem[] = [];
  const messageSid = text(form, 'MessageSid') ?? text(form, 'SmsSid');
  const from = text(form, 'From');
  const to = text(form, 'To');
  const body = text(form, 'Body') ?? '';
  if (messageSid === undefined || !MESSAGE_SID.test(messageSid)) problems.push({ field: 'MessageSid', message: 'must be a message SID (SM or MM and 32 hex digits)' });
  if (from === undefined || from === '') problems.push({ field: 'From', message: 'is required' });
  if (to === undefined || to === '') problems.push({ field: 'To', message: 'is required' });
  if (problems.length > 0 || messageSid === undefined || from === undefined || to === undefined) throw invalid(problems);
  return { messageSid, from, to, body };
}

function text(form: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = form[name];
  return typeof value === 'string' ? value : undefined;
}

function invalid(problems: FieldProblem[]): InvalidInputError {
  return new InvalidInputError('webhook.form-invalid', 'The webhook form lacks what Twilio always sends (see errors).', problems);
}

/**
 * The holder a status callback's URL names (`?recipient=…&campaign=…&segments=…`, see
 * statusCallbackUrlOf); undefined when the URL names none (a message sent before holders were
 * named) or not in that shape: the callback is then matched by its SID.
 */
export function parseCallbackHolder(query: Readonly<Record<string, unknown>>): MessageHolder | undefined {
  const { recipient, campaign, segments } = query;
  if (typeof recipient !== 'string' || recipient === '' || typeof segments !== 'string' || !/^\d{1,3}$/.test(segments)) return undefined;
  if (campaign !== undefined && (typeof campaign !== 'string' || campaign === '')) return undefined;
  return { recipientId: recipient, segments: Number(segments), ...(typeof campaign === 'string' ? { campaignId: campaign } : {}) };
}
