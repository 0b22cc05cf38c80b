/**
 * What a failed "create message" call to Twilio means for the recipient, by Twilio's error code
 * and HTTP status (https://www.twilio.com/docs/api/errors).
 *
 * - `unsubscribed` (21610): the number replied STOP to this sender; Twilio refuses every
 *   message to it until START. Nothing was created.
 * - `invalid-number` (21211, 21614): the number cannot receive SMS. Nothing was created.
 * - `retry-later` (HTTP 429, 20429 too many requests, 30001 queue overflow, 21611 the sender's
 *   queue is full): a definite refusal for now. Nothing was created; try again with backoff.
 * - `unknown-outcome` (no answer, a timeout, a reset connection, HTTP 5xx): Twilio may or may
 *   not have created the message. The sender must not simply send again (see
 *   MessageSender: it looks the message up at Twilio first).
 * - `refused` (any other 4xx): Twilio will refuse the same request again; the message fails
 *   with the code.
 */
export type SendFailure =
  | { readonly kind: 'unsubscribed'; readonly code: number }
  | { readonly kind: 'invalid-number'; readonly code: number }
  | { readonly kind: 'retry-later'; readonly code: number | undefined; readonly status: number }
  | { readonly kind: 'unknown-outcome'; readonly reason: string }
  | { readonly kind: 'refused'; readonly code: number | undefined; readonly status: number };

const UNSUBSCRIBED = 21610;
const INVALID_NUMBER = new Set([21211, 21614]);
const RETRY_LATER = new Set([20429, 30001, 21611]);

/** Reads an error thrown by the Twilio SDK (a RestException carries `status` and `code`). */
export function classifySendError(error: unknown): SendFailure {
  const { status, code } = (error ?? {}) as { status?: unknown; code?: unknown };
  const twilioCode = typeof code === 'number' ? code : undefined;
  if (typeof status !== 'number') {
    // Thrown before any HTTP answer: a network error (ECONNRESET, ETIMEDOUT, ECONNABORTED...).
    return { kind: 'unknown-outcome', reason: typeof code === 'string' ? code : error instanceof Error ? error.message : 'no answer' };
  }
  if (twilioCode === UNSUBSCRIBED) return { kind: 'unsubscribed', code: twilioCode };
  if (twilioCode !== undefined && INVALID_NUMBER.has(twilioCode)) return { kind: 'invalid-number', code: twilioCode };
  if (status === 429 || (twilioCode !== undefined && RETRY_LATER.has(twilioCode))) return { kind: 'retry-later', code: twilioCode, status };
  if (status >= 500) return { kind: 'unknown-outcome', reason: `HTTP ${status}${twilioCode === undefined ? '' : ` (${twilioCode})`}` };
  return { kind: 'refused', code: twilioCode, status };
}
