import { UnavailableError } from '@atrium/errors';

/** Twilio refused for now (rate limit, queue overflow): nothing was created; the queue retries with backoff. */
export class TwilioBusyError extends UnavailableError {
  constructor(readonly twilioCode: number | undefined, status: number) {
    super('delivery.twilio-busy', `Twilio refused the message for now (HTTP ${status}${twilioCode === undefined ? '' : `, code ${twilioCode}`}); retrying later.`);
  }
}

/**
 * Twilio's answer never came (connection lost, timeout, 5xx): the message may exist at Twilio.
 * The retry looks it up before anything is sent again.
 */
export class TwilioOutcomeUnknownError extends UnavailableError {
  constructor(reason: string) {
    super('delivery.twilio-outcome-unknown', `Twilio's answer was lost (${reason}); the retry looks the message up before sending.`);
  }
}
