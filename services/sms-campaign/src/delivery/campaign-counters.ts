import type { CampaignDeliveryTotals, RecipientStatus } from './campaign-delivery';
import type { DeliveryRecipient } from './recipient.entity';
import { BILLED_STATUSES } from './recipient-status';

/**
 * A campaign's totals are kept as counters (CampaignCountersRepository): each recipient
 * contributes a few counter fields, and when its record changes the old contribution is taken
 * off and the new one added. This is the contribution, as a string so that "counted already in
 * this state" is one comparison: `status:delivered=1;segments=2`.
 *
 * Opt-outs caused are not part of it: they are counted once, when a STOP is charged to the
 * record, months after the counted state stopped changing.
 */
export function countedStateOf(recipient: Pick<DeliveryRecipient, 'status' | 'exclusionReason' | 'errorCode' | 'segments'>): string {
  const fields = [`status:${recipient.status}=1`];
  if (recipient.status === 'excluded') fields.push(`excluded:${recipient.exclusionReason ?? 'unknown'}=1`);
  if (recipient.status === 'failed' || recipient.status === 'undelivered') fields.push(`code:${recipient.errorCode ?? 'none'}=1`);
  if (BILLED_STATUSES.includes(recipient.status) && recipient.segments > 0) fields.push(`segments=${recipient.segments}`);
  return fields.join(';');
}

/** The counter field of the opt-outs a campaign caused. */
export const OPT_OUTS_FIELD = 'optouts';

/**
 * Totals from the counters (field → count, as Redis hands a hash back). Whether the campaign is
 * finished is not counted: the caller asks the records, which are the truth.
 */
export function totalsFromCounters(counters: Readonly<Record<string, string>>, finished: boolean): CampaignDeliveryTotals {
  const byStatus: Partial<Record<RecipientStatus, number>> = {};
  const excludedByReason: Record<string, number> = {};
  const failedByErrorCode: Record<string, number> = {};
  let recipients = 0;
  let segmentsBilled = 0;
  let optOutsCaused = 0;
  for (const [field, text] of Object.entries(counters)) {
    const count = Number(text);
    if (!Number.isFinite(count) || count === 0) continue;
    const [kind, name] = splitField(field);
    switch (kind) {
      case 'status':
        byStatus[name as RecipientStatus] = count;
        recipients += count;
        break;
      case 'excluded':
        excludedByReason[name] = count;
        break;
      case 'code':
        failedByErrorCode[name] = count;
        break;
      case 'segments':
        segmentsBilled = count;
        break;
      case OPT_OUTS_FIELD:
        optOutsCaused = count;
        break;
      default:
        break;
    }
  }
  return { recipients, byStatus, excludedByReason, failedByErrorCode, optOutsCaused, segmentsBilled, finished };
}

function splitField(field: string): [string, string] {
  const colon = field.indexOf(':');
  return colon < 0 ? [field, ''] : [field.slice(0, colon), field.slice(colon + 1)];
}
