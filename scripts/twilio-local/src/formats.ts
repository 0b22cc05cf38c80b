import type { FormatCheckers } from './schema-validator';

/** E.164: a plus, a non-zero digit, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/;
/** A channel address such as whatsapp:+15552229999 (Twilio's "To" also takes these). */
const CHANNEL_ADDRESS = /^[a-z][a-z-]*:\+[1-9]\d{1,14}$/;
const SHORT_CODE = /^\d{3,8}$/;
/** An alphanumeric sender ID: up to 11 letters, digits and spaces, at least one letter. */
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

/** Is this a phone number Twilio can send to (E.164, or a channel address)? */
export function isRecipientAddress(value: string): boolean {
  return E164.test(value) || CHANNEL_ADDRESS.test(value);
}

/**
 * The checkers of the `format`s the Messages operations use. `phone-number` also admits what
 * Twilio takes as a sender (short code, alphanumeric sender ID), since `From` shares the format;
 * the stricter rule for `To` is in create-message-request.ts.
 */
export const TWILIO_FORMATS: FormatCheckers = {
  'phone-number': (value) => isRecipientAddress(value) || SHORT_CODE.test(value) || ALPHANUMERIC_SENDER.test(value),
  uri: (value) => {
    try {
      const url = new URL(value);
      // Twilio refuses underscores in a StatusCallback host name.
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.hostname.includes('_');
    } catch {
      return false;
    }
  },
  'date-time': (value) => !Number.isNaN(Date.parse(value)),
};
