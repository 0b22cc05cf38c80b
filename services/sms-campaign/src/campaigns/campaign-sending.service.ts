import { Inject, Injectable } from '@nestjs/common';
import { ConflictError } from '@atrium/errors';
import { LOGGER, type Logger } from '@atrium/observability';
import { CampaignDelivery, type CampaignExclusion, type CampaignMessage } from '../delivery/campaign-delivery';
import { MemberProfilesRepository } from '../members/member-profiles.repository';
import { SegmentsService } from '../segments/segments.service';
import { TemplatesService } from '../templates/templates.service';
import { FINISHED_STATES, type Campaign, type CampaignFreeze } from './campaign.entity';
import { applyCommand } from './campaign-commands';
import { campaignRecipient, campaignTexts } from './campaign-message';
import { CampaignQueue } from './campaign-queue';
import type { CampaignActor } from './campaign-state';
import { CampaignsRepository } from './campaigns.repository';

const SYSTEM: CampaignActor = { kind: 'system' };

export const SENDING_SETTINGS = Symbol('SENDING_SETTINGS');

export interface SendingSettings {
  /** Members handed to delivery per dispatch: large enough for bulk writes, small enough to resume close to a crash. */
  readonly freezeChunk: number;
}

export const DEFAULT_FREEZE_CHUNK = 2_000;
/** A freeze with no sign of life for this long is taken as crashed and resumed by the tick. */
export const FREEZE_STALE_MS = 60_000;

/**
 * Sending, from the service's side: starting a campaign (at its time, or when staff send it
 * now), freezing its recipient list, and completing it when delivery is done.
 *
 * Freezing streams the members the approved segment selects (evaluated at the campaign's start,
 * so a freeze resumed later selects by the same "now"), decides each member's message or
 * exclusion (campaign-message) and hands them to delivery in chunks. Recipient ids are
 * `<campaignId>:<memberId>` and delivery records each once, so a freeze that runs again after a
 * crash hands over the same list without adding anyone twice; the list is complete when the
 * freeze is marked done, and nothing is added after that.
 */
@Injectable()
export class CampaignSending {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly segments: SegmentsService,
    private readonly templates: TemplatesService,
    private readonly profiles: MemberProfilesRepository,
    private readonly delivery: CampaignDelivery,
    private readonly queue: CampaignQueue,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SENDING_SETTINGS) private readonly settings: SendingSettings,
  ) {}

  /**
   * The start job: a scheduled campaign whose time has come starts sending; a campaign that is
   * sending (or paused) with its list not frozen yet is frozen. Anything else is left alone (a
   * start for a campaign since unscheduled or cancelled).
   */
  async start(campaignId: string, now = new Date()): Promise<void> {
    const campaign = await this.campaigns.change(campaignId, (current) => {
      if (current.state !== 'scheduled') return undefined;
      try {
        return applyCommand(current, { type: 'start' }, SYSTEM, now);
      } catch (error) {
        // Not due (its time moved): the tick starts it when it is.
        if (error instanceof ConflictError) return undefined;
        throw error;
      }
    });
    if ((campaign.state === 'sending' || campaign.state === 'paused') && campaign.freeze?.status !== 'done' && campaign.freeze?.status !== 'stopped') {
      await this.freeze(campaign);
    }
  }

  /** Freezes the recipient list (see the class); idempotent. */
  async freeze(campaign: Campaign): Promise<CampaignFreeze | undefined> {
    const snapshot = campaign.snapshot;
    if (!snapshot) throw new Error(`campaign ${campaign.id} is ${campaign.state} without an approved snapshot`);
    const evaluatedAt = campaign.startedAt ?? new Date();
    const started = await this.campaigns.change(campaign.id, (current) => ({
      ...current,
      freeze: { status: 'running', attempts: (current.freeze?.attempts ?? 0) + 1, evaluatedAt, heartbeatAt: new Date(), selected: 0, messages: 0, excluded: 0 },
    }));
    const log = this.logger.child({ campaignId: campaign.id, attempt: started.freeze?.attempts });
    log.info('freezing the recipient list');
    const texts = campaignTexts(campaign.id, campaign.kind, snapshot.bodies);
    const messageSettings = this.templates.settings;
    const counts = { selected: 0, messages: 0, excluded: 0 };
    let messages: CampaignMessage[] = [];
    let exclusions: CampaignExclusion[] = [];
    const flush = async (): Promise<boolean> => {
      await this.delivery.dispatch(campaign.id, messages, exclusions, new Date());
      counts.messages += messages.length;
      counts.excluded += exclusions.length;
      messages = [];
      exclusions = [];
      return this.stillFreezing(campaign.id, counts);
    };
    // Members who registered after the start are not on the list, however often the freeze runs.
    const filter = { $and: [this.segments.filterOf(snapshot.rule, evaluatedAt), { registeredAt: { $lte: evaluatedAt } }] };
    const chunk = this.settings.freezeChunk;
    for await (const member of this.profiles.stream(filter, { batchSize: chunk })) {
      counts.selected += 1;
      const outcome = campaignRecipient(member, texts, messageSettings);
      if ('message' in outcome) messages.push(outcome.message);
      else exclusions.push(outcome.exclusion);
      if (messages.length + exclusions.length >= chunk && !(await flush())) return undefined;
    }
    if (!(await flush())) return undefined;
    const done = await this.campaigns.change(campaign.id, (current) =>
      current.freeze ? { ...current, freeze: { ...current.freeze, ...counts, status: 'done', heartbeatAt: new Date(), completedAt: new Date() } } : undefined,
    );
    // Paused while freezing: what was handed over since waits too.
    if (done.state === 'paused') await this.delivery.pause(campaign.id);
    log.info({ ...counts }, 'recipient list frozen');
    return done.freeze;
  }

  /** Records progress; false when the campaign was cancelled meanwhile (the freeze stops, delivery drops what it has). */
  private async stillFreezing(campaignId: string, counts: Pick<CampaignFreeze, 'selected' | 'messages' | 'excluded'>): Promise<boolean> {
    const campaign = await this.campaigns.change(campaignId, (current) => {
      if (!current.freeze) return undefined;
      const status = current.state === 'cancelled' ? 'stopped' : current.freeze.status;
      return { ...current, freeze: { ...current.freeze, ...counts, status, heartbeatAt: new Date() } };
    });
    if (campaign.state !== 'cancelled') return true;
    await this.delivery.cancel(campaignId);
    return false;
  }

  /**
   * Completes a sending campaign whose list is frozen and whose every message delivery has
   * finished with; returns the campaign when it did.
   */
  async completeIfFinished(campaign: Campaign, now = new Date()): Promise<Campaign | undefined> {
    if (campaign.state !== 'sending' || campaign.freeze?.status !== 'done') return undefined;
    const totals = await this.delivery.totals(campaign.id);
    if (!totals.finished) return undefined;
    const completed = await this.campaigns.change(campaign.id, (current) =>
      current.state === 'sending' && current.freeze?.status === 'done' ? applyCommand(current, { type: 'complete' }, SYSTEM, now) : undefined,
    );
    if (completed.state !== 'completed') return undefined;
    await this.releaseUsage(completed);
    return this.campaigns.findById(campaign.id);
  }

  /** A finished campaign no longer holds its segment and template: they may be deleted now. */
  async releaseUsage(campaign: Campaign): Promise<void> {
    if (!FINISHED_STATES.includes(campaign.state) || campaign.usageReleased) return;
    await this.segments.removeUse(campaign.segmentId, campaign.id);
    await this.templates.removeUse(campaign.templateId, campaign.id);
    await this.campaigns.change(campaign.id, (current) => ({ ...current, usageReleased: true }));
  }

  /**
   * The campaign tick (every few seconds, on one process): starts scheduled campaigns whose
   * time has come (should their delayed job be lost), resumes freezes that stopped showing
   * signs of life (a crash), completes campaigns delivery is done with, and releases what
   * finished campaigns held.
   */
  async tick(now = new Date()): Promise<void> {
    for (const campaign of await this.campaigns.list(['scheduled', 'sending', 'paused'])) {
      if (campaign.state === 'scheduled') {
        if (campaign.sendAt && campaign.sendAt.getTime() <= now.getTime()) await this.queue.ensureStarting(campaign.id);
        continue;
      }
      const freeze = campaign.freeze;
      if (freeze?.status === 'done') {
        await this.completeIfFinished(campaign, now);
        continue;
      }
      if (freeze?.status === 'stopped') continue;
      const lastSign = freeze?.heartbeatAt ?? campaign.startedAt ?? campaign.updatedAt;
      if (now.getTime() - lastSign.getTime() > FREEZE_STALE_MS) await this.queue.ensureStarting(campaign.id);
    }
    for (const campaign of await this.campaigns.listFinishedUnreleased()) await this.releaseUsage(campaign);
  }
}
