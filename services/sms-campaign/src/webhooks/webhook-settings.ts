/** What the webhook routes need from the configuration. */
export interface WebhookSettings {
  /** TWILIO_AUTH_TOKEN: the key of Twilio's signatures. */
  readonly authToken: string;
  /** TWILIO_WEBHOOK_BASE_URL: the public base Twilio posts to, without a trailing slash. */
  readonly publicBaseUrl: string;
  /** SMS_CENTRE_SIGNATURE: opens every reply. */
  readonly signature: string;
}

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');
