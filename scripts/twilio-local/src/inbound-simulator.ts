import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ControlInputError } from './control-input-error';
import type { DeliverySimulator } from './delivery-simulator';
import { E164, TWILIO_FORMATS } from './formats';
import { newMessageResource, type MessageResource } from './message-resource';
import type { MessageStore } from './message-store';
import type { RecordedMessage } from './recorded-message';
import { twimlReplies } from './twiml-replies';
import { inboundMessageParams, postWebhook, signWebhook } from './twilio-webhook';

/** What the control API asks for: a shopper's SMS arriving at one of our numbers. */
export interface InboundInput {
  /** The shopper's number (E.164). */
  from: string;
  /** Our number it was sent to (E.164, short code or sender ID as Twilio would show it). */
  to: string;
  body: string;
  /** The webhook URL configured for our number ("A message comes in"). */
  url: string;
  messagingServiceSid: string | null;
}

export interface InboundResult {
  message: MessageResource;
  webhook: { url: string; params: Record<string, string>; signature: string; httpStatus: number | null; error: string | null; responseBody: string };
  /** Messages sent back because the webhook answered TwiML with <Message> verbs. */
  replies: MessageResource[];
}

const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;

export function parseInboundInput(input: unknown): InboundInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ControlInputError('body', 'expected a JSON object');
  const body = input as Record<string, unknown>;
  const allowed = new Set(['from', 'to', 'body', 'url', 'messagingServiceSid']);
  for (const key of Object.keys(body)) {
    if (!allowed.has(key)) throw new ControlInputError(key, `unknown field '${key}' (allowed: ${[...allowed].join(', ')})`);
  }
  if (typeof body.from !== 'string' || !E164.test(body.from)) throw new ControlInputError('from', "'from' must be the shopper's number in E.164, e.g. +85291234567");
  if (typeof body.to !== 'string' || !TWILIO_FORMATS['phone-number'](body.to)) throw new ControlInputError('to', "'to' must be our number (E.164, short code or sender ID)");
  if (typeof body.body !== 'string' || Array.from(body.body).length > 1600) throw new ControlInputError('body', "'body' must be a text of at most 1600 characters");
  if (typeof body.url !== 'string' || !TWILIO_FORMATS.uri(body.url)) throw new ControlInputError('url', "'url' must be the http(s) URL of the incoming-message webhook");
  const sid = body.messagingServiceSid;
  if (sid !== undefined && (typeof sid !== 'string' || !MESSAGING_SERVICE_SID.test(sid))) {
    throw new ControlInputError('messagingServiceSid', "'messagingServiceSid' must be MG followed by 32 hex digits");
  }
  return { from: body.from, to: body.to, body: body.body, url: body.url, messagingServiceSid: typeof sid === 'string' ? sid : null };
}

/**
 * Simulates a shopper's SMS: records it in the inbox as an inbound message, posts Twilio's
 * incoming-message webhook, signed with the auth token, to the given URL, and, as Twilio does,
 * sends back the `<Message>`s of a TwiML answer as replies (delivered without callbacks).
 */
export class InboundSimulator {
  constructor(
    private readonly store: MessageStore,
    private readonly delivery: DeliverySimulator,
    private readonly accountSid: string,
    private readonly authToken: string,
  ) {}

  async simulate(input: InboundInput): Promise<InboundResult> {
    const message = newMessageResource({
      accountSid: this.accountSid,
      to: input.to,
      from: input.from,
      messagingServiceSid: input.messagingServiceSid,
      body: input.body,
      numMedia: 0,
      direction: 'inbound',
      status: 'received',
      now: new Date(),
    });
    await this.store.apply({ type: 'recorded', record: newRecord(message) });
    const sid = message.sid as string;

    const params = inboundMessageParams(message, { fromCountry: countryOf(input.from), toCountry: countryOf(input.to) });
    const webhook = signWebhook(this.authToken, input.url, params);
    const at = new Date().toISOString();
    const answer = await postWebhook(webhook);
    await this.store.apply({ type: 'webhook', sid, attempt: { status: 'received', url: input.url, at, httpStatus: answer.httpStatus, error: answer.error } });

    const replies: MessageResource[] = [];
    const answered = answer.httpStatus !== null && answer.httpStatus >= 200 && answer.httpStatus < 300;
    for (const text of answered ? twimlReplies(answer.body) : []) {
      const reply = newMessageResource({
        accountSid: this.accountSid,
        to: input.from,
        from: input.to,
        messagingServiceSid: input.messagingServiceSid,
        body: text,
        numMedia: 0,
        direction: 'outbound-reply',
        status: 'queued',
        now: new Date(),
      });
      await this.store.apply({ type: 'recorded', record: newRecord(reply) });
      this.delivery.enqueue(reply.sid as string);
      replies.push(reply);
    }
    return {
      message,
      webhook: {
        url: input.url,
        params,
        signature: webhook.headers['x-twilio-signature'],
        httpStatus: answer.httpStatus,
        error: answer.error,
        responseBody: answer.body,
      },
      replies,
    };
  }
}

function newRecord(message: MessageResource): RecordedMessage {
  return { message, statusCallback: null, plannedFailure: null, webhooks: [], answerLost: false, deleted: false, requestParams: null };
}

function countryOf(phone: string): string {
  return parsePhoneNumberFromString(phone)?.country ?? '';
}
