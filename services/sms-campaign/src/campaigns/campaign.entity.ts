import type { MessageKind } from '../compliance/message-kind';
import type { SegmentRule } from '../segments/segment-rule.entity';
import type { TemplateBodies } from '../templates/sms-template.entity';
import type { CampaignLifecycle, CampaignState } from './campaign-state';

/**
 * What a supervisor approved: the segment's rule and the template's texts as they were at
 * approval. Sending uses these, so editing the segment or the template afterwards changes
 * nothing that was approved.
 */
export interface CampaignSnapshot {
  readonly segmentName: string;
  readonly rule: SegmentRule;
  readonly templateName: string;
  readonly templateVersion: number;
  readonly bodies: TemplateBodies;
}

/**
 * The freezing of the recipient list when sending starts: recorded so that a start that runs
 * again after a crash finishes the same list instead of starting another (recipient ids are
 * `<campaignId>:<memberId>`, and delivery adds none twice).
 */
export interface CampaignFreeze {
  /** running: being handed to delivery; done: the list is complete; stopped: cancelled while freezing. */
  readonly status: 'running' | 'done' | 'stopped';
  /** How many times freezing was started (more than 1: it was resumed after a crash). */
  readonly attempts: number;
  /** Relative rules ("no purchase for 90 days") are evaluated at this instant: the campaign's start. */
  readonly evaluatedAt: Date;
  /** Last sign of life of the process freezing; a stale one is resumed by the campaign tick. */
  readonly heartbeatAt: Date;
  readonly completedAt?: Date;
  /** Members the segment selected, messages handed to delivery and members excluded, in the last (complete) pass. */
  readonly selected: number;
  readonly messages: number;
  readonly excluded: number;
}

/** One move of the campaign's life: who (a username, or "system") gave which command, when. */
export interface CampaignHistoryEntry {
  readonly command: string;
  readonly state: CampaignState;
  readonly by: string;
  readonly at: Date;
  /** A rejection's reason, a schedule's time. */
  readonly note?: string;
}

export interface Campaign extends CampaignLifecycle {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly segmentId: string;
  readonly templateId: string;
  /** Marketing needs consent and obeys quiet hours and the cap; must be the template's kind. */
  readonly kind: MessageKind;
  /** When the author wants it sent: scheduled for this time on approval, if it is still ahead. */
  readonly plannedSendAt?: Date;
  readonly snapshot?: CampaignSnapshot;
  readonly freeze?: CampaignFreeze;
  readonly history: readonly CampaignHistoryEntry[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Set once a finished campaign no longer holds its segment and template (they may be deleted). */
  readonly usageReleased?: boolean;
}

/** What staff write of a campaign while it is a draft. */
export interface CampaignDraft {
  readonly name: string;
  readonly description?: string;
  readonly segmentId: string;
  readonly templateId: string;
  readonly kind: MessageKind;
  readonly plannedSendAt?: Date;
}

/** States in which a campaign is over: its segment and template are free again. */
export const FINISHED_STATES: readonly CampaignState[] = ['completed', 'cancelled'];
