import type { RecipientStatus } from './campaign-delivery';

/**
 * How far a recipient's message has come: a status only ever moves to a higher rank, so a late
 * or repeated status callback ("sent" after "delivered") changes nothing. `excluded` and
 * `cancelled` rank with the unsent ones: if Twilio reports on such a message after all (a
 * cancel that raced the sending), what Twilio says is the truth.
 */
export const STATUS_RANK: Readonly<Record<RecipientStatus, number>> = {
  excluded: 0,
  cancelled: 0,
  pending: 0,
  deferred: 0,
  sending: 1,
  queued: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
};

/** True when moving from `current` to `next` is progress (never backwards, never sideways). */
export function isProgress(current: RecipientStatus, next: RecipientStatus): boolean {
  return STATUS_RANK[next] > STATUS_RANK[current];
}

/** The statuses from which `next` is progress: the filter of a forward-only update. */
export function statusesBefore(next: RecipientStatus): RecipientStatus[] {
  return (Object.keys(STATUS_RANK) as RecipientStatus[]).filter((status) => isProgress(status, next));
}

/** Statuses of messages still to be handed to Twilio: what pause, resume and cancel act on. */
export const UNSENT_STATUSES: readonly RecipientStatus[] = ['pending', 'deferred'];

/** Statuses in which the recipient's outcome is not known yet; a campaign is finished when none remain. */
export const OPEN_STATUSES: readonly RecipientStatus[] = ['pending', 'deferred', 'sending', 'queued'];

/** Twilio has these messages and has not said yet how they ended. */
export const AWAITING_FINAL_STATUS: readonly RecipientStatus[] = ['queued', 'sent'];

/** Twilio accepted these messages, so they are billed (a message Twilio failed before sending is not). */
export const BILLED_STATUSES: readonly RecipientStatus[] = ['queued', 'sent', 'delivered', 'undelivered'];

/**
 * Our status for a Twilio message status (resource `status`, callback `MessageStatus`);
 * undefined for statuses that say nothing about an outbound message (`received`, `receiving`).
 * Twilio's own `sending` (handed to the carrier) is still `queued` here: our `sending` means
 * "we are calling Twilio".
 */
export function statusFromTwilio(twilioStatus: string): RecipientStatus | undefined {
  switch (twilioStatus) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
      return 'queued';
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return undefined;
  }
}
