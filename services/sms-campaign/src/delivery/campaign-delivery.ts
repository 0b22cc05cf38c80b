import type { MemberLanguage } from '../members/member-profile.entity';
import type { ExclusionReason } from '../compliance/send-decision';

/** One member's message of a campaign, rendered when the recipient list was frozen. */
export interface CampaignMessage {
  /** `<campaignId>:<memberId>`: the message's identity; a campaign reaches a member once. */
  readonly recipientId: string;
  readonly campaignId: string;
  readonly memberId: string;
  /** E.164, as the projection had it when the list was frozen. */
  readonly phone: string;
  readonly language: MemberLanguage;
  readonly body: string;
  /** Billed segments of `body` (GSM-7 153/160, UCS-2 67/70). */
  readonly segments: number;
}

/** A member the segment selected who gets no message, and why (campaign results count these). */
export interface CampaignExclusion {
  readonly recipientId: string;
  readonly campaignId: string;
  readonly memberId: string;
  /**
   * `no-template-language`: the template has no version in the member's language (marketing);
   * `template-values-missing`: a variable the template uses has no value for the member (e.g. no tier).
   */
  readonly reason: ExclusionReason | 'no-template-language' | 'template-values-missing';
}

/** Where a recipient's message stands. */
export type RecipientStatus =
  | 'excluded'
  | 'pending'
  | 'deferred'
  | 'sending'
  | 'queued'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'cancelled';

/** A campaign's delivery totals, for results and for knowing when it is complete. */
export interface CampaignDeliveryTotals {
  readonly recipients: number;
  readonly byStatus: Readonly<Partial<Record<RecipientStatus, number>>>;
  readonly excludedByReason: Readonly<Record<string, number>>;
  /** Twilio error codes of failed and undelivered messages, with counts. */
  readonly failedByErrorCode: Readonly<Record<string, number>>;
  /** Members who opted out (STOP) after receiving this campaign's message. */
  readonly optOutsCaused: number;
  readonly segmentsBilled: number;
  /** True when no recipient is pending, deferred, sending or queued any more. */
  readonly finished: boolean;
}

/** One recipient's record, for the per-recipient search of campaign results. */
export interface RecipientRecord {
  readonly recipientId: string;
  readonly memberId: string;
  /** Masked except for the last four digits: results are read by many staff. */
  readonly phoneMasked: string;
  readonly status: RecipientStatus;
  readonly exclusionReason?: string;
  readonly messageSid?: string;
  readonly errorCode?: number;
  /** A deferred message goes out at this instant (the end of quiet hours). */
  readonly deferredUntil?: Date;
  readonly segments: number;
  readonly updatedAt: Date;
}

export interface RecipientQuery {
  readonly status?: RecipientStatus;
  readonly memberId?: string;
  readonly limit: number;
  readonly offset: number;
}

/**
 * What the campaigns feature asks of delivery (the boundary between the two halves of the
 * service). Campaigns freeze the recipient list and render each message; delivery sends each at
 * most once through Twilio, within the rate, quiet hours and caps, and keeps each recipient's
 * status. Every method is idempotent: calling `dispatch` again with the same recipients after a
 * crash adds nothing twice.
 */
export abstract class CampaignDelivery {
  /** Records the frozen list (messages and exclusions) and queues the messages, none before `notBefore`. */
  abstract dispatch(campaignId: string, messages: readonly CampaignMessage[], exclusions: readonly CampaignExclusion[], notBefore: Date): Promise<void>;
  /** Holds the campaign's unsent messages until `resume`. */
  abstract pause(campaignId: string): Promise<void>;
  abstract resume(campaignId: string): Promise<void>;
  /** Drops the campaign's unsent messages (marked cancelled); sent ones stay as they are. */
  abstract cancel(campaignId: string): Promise<void>;
  abstract totals(campaignId: string): Promise<CampaignDeliveryTotals>;
  abstract recipients(campaignId: string, query: RecipientQuery): Promise<{ readonly total: number; readonly items: readonly RecipientRecord[] }>;
  /** Sends a campaign's text to staff phones now (no consent, cap or quiet hours: staff asked for it). */
  abstract sendTest(campaignId: string, phones: readonly string[], body: string): Promise<readonly { readonly phone: string; readonly messageSid?: string; readonly error?: string }[]>;
}
