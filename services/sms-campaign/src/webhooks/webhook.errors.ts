import { NotAllowedError } from '@atrium/errors';

/** A webhook whose X-Twilio-Signature is missing or does not match its URL and form: not from Twilio. */
export class InvalidTwilioSignatureError extends NotAllowedError {
  constructor() {
    super('webhook.signature-invalid', 'The X-Twilio-Signature header is missing or does not match this request; it was not sent by Twilio.');
  }
}
