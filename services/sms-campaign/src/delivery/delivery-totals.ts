import type { CampaignDeliveryTotals, RecipientStatus } from './campaign-delivery';
import { BILLED_STATUSES, OPEN_STATUSES } from './recipient-status';

/** Recipients of one campaign that share a status, exclusion reason, error code and opt-out mark. */
export interface RecipientGroup {
  readonly status: RecipientStatus;
  readonly exclusionReason?: string;
  readonly errorCode?: number;
  readonly optOutCaused: boolean;
  readonly count: number;
  /** Sum of the group's message segments. */
  readonly segments: number;
}

/** A campaign's totals from its recipients grouped (one aggregation, whatever the campaign's size). */
export function deliveryTotalsOf(groups: readonly RecipientGroup[]): CampaignDeliveryTotals {
  const byStatus: Partial<Record<RecipientStatus, number>> = {};
  const excludedByReason: Record<string, number> = {};
  const failedByErrorCode: Record<string, number> = {};
  let recipients = 0;
  let optOutsCaused = 0;
  let segmentsBilled = 0;
  for (const group of groups) {
    recipients += group.count;
    byStatus[group.status] = (byStatus[group.status] ?? 0) + group.count;
    if (group.optOutCaused) optOutsCaused += group.count;
    if (BILLED_STATUSES.includes(group.status)) segmentsBilled += group.segments;
    if (group.status === 'excluded') {
      const reason = group.exclusionReason ?? 'unknown';
      excludedByReason[reason] = (excludedByReason[reason] ?? 0) + group.count;
    }
    if (group.status === 'failed' || group.status === 'undelivered') {
      const code = group.errorCode === undefined ? 'none' : String(group.errorCode);
      failedByErrorCode[code] = (failedByErrorCode[code] ?? 0) + group.count;
    }
  }
  const finished = OPEN_STATUSES.every((status) => (byStatus[status] ?? 0) === 0);
  return { recipients, byStatus, excludedByReason, failedByErrorCode, optOutsCaused, segmentsBilled, finished };
}
