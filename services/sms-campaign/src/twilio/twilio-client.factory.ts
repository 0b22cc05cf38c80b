import { Twilio } from 'twilio';
import { BaseUrlRequestClient } from './base-url-request-client';

/** What the Twilio client is built from (the service's validated configuration). */
export interface TwilioClientSettings {
  /** TWILIO_ACCOUNT_SID: AC followed by 32 hex digits. */
  accountSid: string;
  /** TWILIO_AUTH_TOKEN: the API password, also the key of webhook signatures. */
  authToken: string;
  /**
   * TWILIO_API_BASE_URL: where the SDK's requests go instead of https://api.twilio.com
   * (development and tests: the local endpoint, e.g. http://127.0.0.1:4010). Unset in production.
   */
  apiBaseUrl?: string;
  /** Per-request timeout in ms (the SDK's default: 30 000). */
  timeoutMs?: number;
}

/**
 * The official Twilio SDK client. It reaches the local endpoint through configuration alone:
 * the same calls (`client.messages.create(...)`) go to Twilio or to the base URL given.
 * Connections are kept alive (the SDK's default) so a sending queue reuses them; retries of a
 * 429 are left to the caller's queue, not to the SDK (autoRetry off).
 */
export function createTwilioClient(settings: TwilioClientSettings): Twilio {
  const httpClient = new BaseUrlRequestClient(settings.apiBaseUrl, { timeout: settings.timeoutMs, keepAlive: true });
  return new Twilio(settings.accountSid, settings.authToken, { httpClient });
}
