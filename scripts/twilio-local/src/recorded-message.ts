import type { MessageResource, MessageStatus } from './message-resource';

/** One status callback (or inbound webhook) the endpoint sent, and how the receiver answered. */
export interface WebhookAttempt {
  /** The message status it announced (`received` for an inbound message). */
  status: MessageStatus;
  url: string;
  /** ISO-8601 time it was sent. */
  at: string;
  /** The receiver's HTTP status; null when no answer came (connection refused, timeout). */
  httpStatus: number | null;
  /** Why no answer came. */
  error: string | null;
}

/** A delivery failure the message was told to meet (control API), kept so a restart keeps it. */
export interface PlannedFailure {
  code: number;
  status: 'failed' | 'undelivered';
}

/** A message in the endpoint's record (the SMS inbox): Twilio's resource plus what happened to it. */
export interface RecordedMessage {
  /** Exactly what the Twilio API answers for this message. */
  message: MessageResource;
  /** The StatusCallback URL given at creation; callbacks go there. */
  statusCallback: string | null;
  plannedFailure: PlannedFailure | null;
  /** The webhooks sent for this message, in order. */
  webhooks: WebhookAttempt[];
  /** The endpoint recorded the message, then closed the connection without answering (control API). */
  answerLost: boolean;
  /** Deleted through the API (DELETE .../Messages/{Sid}.json); kept in the inbox, gone from the API. */
  deleted: boolean;
  /** The form parameters of the creating request, as received. */
  requestParams: Record<string, string[]> | null;
}

/** A change to the record, one line of messages.jsonl. */
export type RecordEvent =
  | { type: 'recorded'; record: RecordedMessage }
  | { type: 'status'; sid: string; status: MessageStatus; errorCode: number | null; errorMessage: string | null; at: string }
  | { type: 'webhook'; sid: string; attempt: WebhookAttempt }
  | { type: 'redacted'; sid: string; at: string }
  | { type: 'deleted'; sid: string };
