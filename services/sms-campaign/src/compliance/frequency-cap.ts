import type { FieldProblem } from '@atrium/errors';
import { InvalidFrequencyCapError } from './compliance.errors';

/** At most `maxMessages` marketing messages per member in any `windowDays` × 24 hours. */
export interface FrequencyCap {
  readonly maxMessages: number;
  readonly windowDays: number;
}

/** At most 4 marketing messages in 30 days (the example). */
export const DEFAULT_FREQUENCY_CAP: FrequencyCap = { maxMessages: 4, windowDays: 30 };

/** A window longer than a year is a typo: nobody means "4 messages per decade". */
const MAX_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

/** A cap from settings; throws an InvalidFrequencyCapError naming `maxMessages` or `windowDays`. */
export function frequencyCapFrom(settings: { readonly maxMessages: number; readonly windowDays: number }): FrequencyCap {
  const problems: FieldProblem[] = [];
  if (!Number.isSafeInteger(settings.maxMessages) || settings.maxMessages < 1) {
    problems.push({ field: 'maxMessages', message: 'must be a whole number of messages, at least 1' });
  }
  if (!Number.isSafeInteger(settings.windowDays) || settings.windowDays < 1 || settings.windowDays > MAX_WINDOW_DAYS) {
    problems.push({ field: 'windowDays', message: `must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}` });
  }
  if (problems.length > 0) throw new InvalidFrequencyCapError(problems);
  return { maxMessages: settings.maxMessages, windowDays: settings.windowDays };
}

export type FrequencyCapCheck =
  | { readonly allowed: true; readonly sentInWindow: number }
  | {
      readonly allowed: false;
      readonly reason: 'frequency-capped';
      /** Marketing messages counted in the window ending at `now`. */
      readonly sentInWindow: number;
      /** The first instant at which one more message would be allowed (the same sends given). */
      readonly freesAt: Date;
    };

/**
 * Whether one more marketing message may go to a member at `now`, given the instants of the
 * marketing messages the member already has. The window is rolling: the `windowDays` × 24 hours
 * up to `now`, a send exactly `windowDays` old no longer counting.
 *
 * Pass every marketing message sent **or already queued** to the member: instants after `now`
 * count too, so two campaigns queued the same day cannot together break the cap. Transactional
 * messages are not capped and must not be passed.
 */
export function checkFrequencyCap(pastSends: readonly Date[], now: Date, cap: FrequencyCap = DEFAULT_FREQUENCY_CAP): FrequencyCapCheck {
  const windowMs = cap.windowDays * DAY_MS;
  const windowStart = now.getTime() - windowMs;
  const counted = pastSends
    .map((sent) => sent.getTime())
    .filter((sent) => sent > windowStart)
    .sort((a, b) => a - b);
  if (counted.length < cap.maxMessages) return { allowed: true, sentInWindow: counted.length };
  // One more is allowed once all but maxMessages − 1 of the counted sends have left the window.
  const lastToLeave = counted[counted.length - cap.maxMessages];
  return { allowed: false, reason: 'frequency-capped', sentInWindow: counted.length, freesAt: new Date(lastToLeave + windowMs) };
}
