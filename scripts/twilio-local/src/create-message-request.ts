import { isRecipientAddress } from './formats';
import type { Issue, TypedParams } from './schema-validator';
import { TwilioApiError } from './twilio-api-error';

/** A CreateMessage request that passed the schema and Twilio's own rules. */
export interface CreateMessageRequest {
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  mediaUrls: string[];
  statusCallback: string | null;
}

/** Twilio's limit on a message body (error 21617). */
const MAX_BODY_CHARACTERS = 1600;

/**
 * Turns the schema issues of a CreateMessage form into the error Twilio answers with (the first
 * that applies, in the order Twilio checks: a missing or invalid To, an invalid From or
 * StatusCallback, other invalid values, then unknown parameters), then applies the rules the
 * schema does not state: a sender (From or MessagingServiceSid), content (Body, MediaUrl or
 * ContentSid), the 1600-character limit, To as an E.164 number or channel address.
 *
 * Unknown parameters are refused (20001) where Twilio itself only warns: a misspelt parameter
 * in our sender must fail its tests, not be ignored.
 */
export function readCreateMessageRequest(issues: readonly Issue[], params: TypedParams): CreateMessageRequest {
  const first = (predicate: (issue: Issue) => boolean): Issue | undefined => issues.find(predicate);

  if (first((i) => i.name === 'To' && i.kind === 'required')) {
    throw new TwilioApiError(21604, "A 'To' phone number is required.");
  }
  const to = first((i) => i.name === 'To');
  if (to) throw new TwilioApiError(21211, `The 'To' number ${String(to.value)} is not a valid phone number.`);
  const from = first((i) => i.name === 'From');
  if (from) throw new TwilioApiError(21212, `The 'From' number ${String(from.value)} is not a valid phone number, shortcode, or alphanumeric sender ID.`);
  const callback = first((i) => i.name === 'StatusCallback');
  if (callback) throw new TwilioApiError(21609, `The StatusCallback URL ${String(callback.value)} is not a valid URL.`);
  const invalid = first((i) => i.kind !== 'unknown');
  if (invalid) throw new TwilioApiError(400, `Invalid parameter ${invalid.name}: ${invalid.message}`);
  const unknown = issues.filter((i) => i.kind === 'unknown').map((i) => i.name);
  if (unknown.length > 0) throw new TwilioApiError(20001, `Unknown parameters: ${unknown.join(', ')}`);

  const text = (name: string): string | null => (typeof params[name] === 'string' ? params[name] : null);
  const request: CreateMessageRequest = {
    to: text('To') ?? '',
    from: text('From'),
    messagingServiceSid: text('MessagingServiceSid'),
    body: text('Body') ?? '',
    mediaUrls: Array.isArray(params.MediaUrl) ? params.MediaUrl.map(String) : [],
    statusCallback: text('StatusCallback'),
  };

  if (!isRecipientAddress(request.to)) {
    throw new TwilioApiError(21211, `The 'To' number ${request.to} is not a valid phone number.`);
  }
  if (request.from === null && request.messagingServiceSid === null) {
    throw new TwilioApiError(21603, "A 'From' phone number is required.");
  }
  if (request.body === '' && request.mediaUrls.length === 0 && text('ContentSid') === null) {
    throw new TwilioApiError(21602, 'Message body is required.');
  }
  if (Array.from(request.body).length > MAX_BODY_CHARACTERS) {
    throw new TwilioApiError(21617, 'The concatenated message body exceeds the 1600 character limit.');
  }
  if (params.ScheduleType !== undefined || params.SendAt !== undefined) {
    // Atrium defers messages itself (quiet hours); scheduling on Twilio's side is not simulated.
    throw new TwilioApiError(400, 'Scheduled messages (ScheduleType, SendAt) are not simulated by the local Twilio endpoint.');
  }
  return request;
}
