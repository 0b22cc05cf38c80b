import { databaseNameOf } from '@atrium/service-kit';
import { frequencyCapFrom } from '../compliance/frequency-cap';
import { quietHoursFrom } from '../compliance/quiet-hours';
import type { SendRules } from '../compliance/send-decision';
import type { SmsCampaignConfig } from '../config/env.schema';

/** What delivery needs from the configuration, read once at start. */
export interface DeliverySettings {
  /** SMS_MESSAGES_PER_SECOND: the queue's limiter, across every worker process. */
  readonly messagesPerSecond: number;
  /** Quiet hours (centre's zone) and the marketing frequency cap. */
  readonly rules: Required<SendRules>;
  /** SMS_SENDING_WORKER: whether this process takes messages off the queue (and checks statuses). */
  readonly runWorker: boolean;
  /** SMS_STATUS_CHECK_AFTER_SECONDS, in ms: when an accepted message without a final status is looked up at Twilio. */
  readonly statusCheckAfterMs: number;
  /**
   * Names the queue and the Redis keys after the service's database: the queue's jobs name
   * records of that database, so two deployments (or test runs) sharing one Redis never take
   * each other's jobs.
   */
  readonly namespace: string;
}

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');

/** Reads delivery's settings; a bad quiet-hours or cap setting fails the start, naming it. */
export function deliverySettingsOf(config: SmsCampaignConfig): DeliverySettings {
  return {
    messagesPerSecond: config.SMS_MESSAGES_PER_SECOND,
    rules: {
      quietHours: quietHoursFrom({ start: config.SMS_QUIET_HOURS_START, end: config.SMS_QUIET_HOURS_END, timeZone: config.TZ_CENTRE }),
      frequencyCap: frequencyCapFrom({ maxMessages: config.SMS_MARKETING_CAP_MESSAGES, windowDays: config.SMS_MARKETING_CAP_DAYS }),
    },
    runWorker: config.SMS_SENDING_WORKER,
    statusCheckAfterMs: config.SMS_STATUS_CHECK_AFTER_SECONDS * 1_000,
    namespace: config.MONGO_DATABASE ?? databaseNameOf('sms-campaign'),
  };
}
