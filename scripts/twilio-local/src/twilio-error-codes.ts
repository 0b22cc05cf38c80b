/**
 * The Twilio error codes this endpoint answers with or can be told to produce, with the title
 * Twilio's error dictionary gives them (https://www.twilio.com/docs/api/errors/<code>).
 *
 * `api`: the REST API refuses the request with this code and HTTP status (no message is
 * created). `delivery`: the API accepts the message, which then ends `failed` or `undelivered`
 * with this code in its `error_code` and in the status callback's `ErrorCode`.
 */
export interface TwilioErrorCode {
  code: number;
  title: string;
  /** Where Twilio reports it. */
  stage: 'api' | 'delivery';
  /** HTTP status when the API refuses a request with this code. */
  httpStatus: number;
  /** For delivery codes: the final status of the message. */
  deliveryStatus?: 'failed' | 'undelivered';
}

const api = (code: number, httpStatus: number, title: string): TwilioErrorCode => ({ code, title, stage: 'api', httpStatus });
const delivery = (code: number, deliveryStatus: 'failed' | 'undelivered', title: string, httpStatus = 400): TwilioErrorCode => ({
  code,
  title,
  stage: 'delivery',
  httpStatus,
  deliveryStatus,
});

export const TWILIO_ERROR_CODES: readonly TwilioErrorCode[] = [
  // Generic REST API errors.
  api(400, 400, 'Bad Request'),
  api(20001, 400, 'Unknown parameters'),
  api(20003, 401, 'Authenticate'),
  api(20004, 405, 'Method not allowed'),
  api(20404, 404, 'The requested resource was not found'),
  api(20429, 429, 'Too Many Requests'),
  api(20500, 500, 'Internal Server Error'),
  api(20503, 503, 'Service Unavailable'),
  // Creating a message.
  api(21211, 400, "Invalid 'To' Phone Number"),
  api(21212, 400, "Invalid 'From' Number"),
  api(21408, 400, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number"),
  api(21602, 400, 'Message body is required'),
  api(21603, 400, "A 'From' phone number is required"),
  api(21604, 400, "A 'To' phone number is required"),
  api(21609, 400, "Invalid 'StatusCallback'"),
  api(21610, 400, 'Attempt to send to unsubscribed recipient'),
  api(21611, 400, "This 'From' number has exceeded the maximum number of queued messages"),
  api(21612, 400, "The 'To' phone number is not currently reachable via SMS"),
  api(21614, 400, "'To' number is not a valid mobile number"),
  api(21617, 400, 'The concatenated message body exceeds the 1600 character limit'),
  api(30409, 400, 'This message cannot be canceled'),
  // Delivery outcomes. Queue overflow is reported on the message; told to happen at the API
  // (stage "api") it is answered as a rate limit, HTTP 429.
  delivery(30001, 'failed', 'Queue overflow', 429),
  delivery(30002, 'failed', 'Account suspended'),
  delivery(30003, 'undelivered', 'Unreachable destination handset'),
  delivery(30004, 'undelivered', 'Message blocked'),
  delivery(30005, 'undelivered', 'Unknown destination handset'),
  delivery(30006, 'undelivered', 'Landline or unreachable carrier'),
  delivery(30007, 'undelivered', 'Message filtered'),
  delivery(30008, 'undelivered', 'Unknown error'),
];

const BY_CODE = new Map(TWILIO_ERROR_CODES.map((entry) => [entry.code, entry]));

export function twilioErrorCode(code: number): TwilioErrorCode | undefined {
  return BY_CODE.get(code);
}

/** Twilio's documentation page of an error code, the `more_info` of its error body. */
export function moreInfoUrl(code: number): string {
  return `https://www.twilio.com/docs/errors/${code}`;
}
