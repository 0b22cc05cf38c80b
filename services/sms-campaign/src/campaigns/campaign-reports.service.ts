import { Injectable } from '@nestjs/common';
import type { MessageKind } from '../compliance/message-kind';
import { CampaignDelivery, type CampaignDeliveryTotals, type RecipientQuery, type RecipientRecord } from '../delivery/campaign-delivery';
import type { MemberLanguage } from '../members/member-profile.entity';
import { MemberProfilesRepository } from '../members/member-profiles.repository';
import { SegmentsService } from '../segments/segments.service';
import type { SegmentRule } from '../segments/segment-rule.entity';
import { estimateCampaignCost, type Money } from '../templates/sms-cost';
import type { TemplateBodies } from '../templates/sms-template.entity';
import { TemplatesService } from '../templates/templates.service';
import type { Campaign } from './campaign.entity';
import { campaignRecipient, campaignTexts } from './campaign-message';

export interface CampaignEstimate {
  /** The instant relative rules were evaluated at (now, or the campaign's start once it started). */
  readonly evaluatedAt: Date;
  /** Whether the approved snapshot was estimated (else the segment and template as they are now). */
  readonly approvedContent: boolean;
  readonly selected: number;
  readonly recipients: number;
  readonly excludedByReason: Readonly<Record<string, number>>;
  readonly byLanguage: Readonly<Partial<Record<MemberLanguage, { readonly recipients: number; readonly segments: number }>>>;
  readonly segments: number;
  readonly cost: Money;
}

export interface CampaignResults {
  readonly state: string;
  readonly recipients: number;
  readonly byStatus: CampaignDeliveryTotals['byStatus'];
  /** Handed to Twilio: queued, sent, delivered or undelivered by now. */
  readonly sent: number;
  readonly delivered: number;
  /** Failed or undelivered, with Twilio's error codes. */
  readonly failed: number;
  readonly failedByErrorCode: Readonly<Record<string, number>>;
  readonly excluded: number;
  readonly excludedByReason: Readonly<Record<string, number>>;
  readonly optOutsCaused: number;
  readonly segmentsBilled: number;
  readonly cost: Money;
  readonly finished: boolean;
}

/**
 * What a campaign will cost before it goes (estimate: the segment evaluated on the projection,
 * eligibility and languages applied, every message rendered and counted) and what it did
 * (results and per-recipient records, from delivery).
 */
@Injectable()
export class CampaignReports {
  constructor(
    private readonly segments: SegmentsService,
    private readonly templates: TemplatesService,
    private readonly profiles: MemberProfilesRepository,
    private readonly delivery: CampaignDelivery,
  ) {}

  /**
   * Recipients, segments and cost if the campaign were sent now (frequency caps and quiet
   * hours are applied when each message goes out, and are not in the estimate).
   */
  async estimate(campaign: Campaign, now = new Date()): Promise<CampaignEstimate> {
    const content = await this.contentOf(campaign);
    const evaluatedAt = campaign.startedAt ?? now;
    const texts = campaignTexts(campaign.id, content.kind, content.bodies);
    const settings = this.templates.settings;
    const excludedByReason: Record<string, number> = {};
    const byLanguage: Partial<Record<MemberLanguage, { recipients: number; segments: number }>> = {};
    let selected = 0;
    for await (const member of this.profiles.stream(this.segments.filterOf(content.rule, evaluatedAt))) {
      selected += 1;
      const outcome = campaignRecipient(member, texts, settings);
      if ('exclusion' in outcome) {
        excludedByReason[outcome.exclusion.reason] = (excludedByReason[outcome.exclusion.reason] ?? 0) + 1;
        continue;
      }
      const tally = (byLanguage[outcome.message.language] ??= { recipients: 0, segments: 0 });
      tally.recipients += 1;
      tally.segments += outcome.message.segments;
    }
    const tallies = Object.values(byLanguage).map((tally) => ({ recipients: 1, segmentsPerMessage: tally.segments }));
    const { segments, cost } = estimateCampaignCost(tallies, settings.pricePerSegment);
    const recipients = Object.values(byLanguage).reduce((sum, tally) => sum + tally.recipients, 0);
    return { evaluatedAt, approvedContent: campaign.snapshot !== undefined, selected, recipients, excludedByReason, byLanguage, segments, cost };
  }

  async results(campaign: Campaign): Promise<CampaignResults> {
    const totals = await this.delivery.totals(campaign.id);
    const count = (...statuses: (keyof CampaignDeliveryTotals['byStatus'])[]): number => statuses.reduce((sum, status) => sum + (totals.byStatus[status] ?? 0), 0);
    return {
      state: campaign.state,
      recipients: totals.recipients,
      byStatus: totals.byStatus,
      sent: count('queued', 'sent', 'delivered', 'undelivered'),
      delivered: count('delivered'),
      failed: count('failed', 'undelivered'),
      failedByErrorCode: totals.failedByErrorCode,
      excluded: count('excluded'),
      excludedByReason: totals.excludedByReason,
      optOutsCaused: totals.optOutsCaused,
      segmentsBilled: totals.segmentsBilled,
      cost: this.templates.costOf(totals.segmentsBilled),
      finished: totals.finished,
    };
  }

  async recipients(campaign: Campaign, query: RecipientQuery): Promise<{ readonly total: number; readonly items: readonly RecipientRecord[] }> {
    return this.delivery.recipients(campaign.id, query);
  }

  /** What was approved, or before approval what would be: the segment and template as they are now. */
  private async contentOf(campaign: Campaign): Promise<{ rule: SegmentRule; bodies: TemplateBodies; kind: MessageKind }> {
    if (campaign.snapshot) return { rule: campaign.snapshot.rule, bodies: campaign.snapshot.bodies, kind: campaign.kind };
    const [segment, template] = await Promise.all([this.segments.get(campaign.segmentId), this.templates.get(campaign.templateId)]);
    return { rule: segment.rule, bodies: template.bodies, kind: campaign.kind };
  }
}
