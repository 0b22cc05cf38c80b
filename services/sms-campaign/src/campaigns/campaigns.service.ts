import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isValidPhoneNumber } from 'libphonenumber-js';
import type { FieldProblem } from '@atrium/errors';
import { CampaignDelivery } from '../delivery/campaign-delivery';
import { MEMBER_LANGUAGES, type MemberLanguage } from '../members/member-profile.entity';
import { SegmentNotFoundError } from '../segments/segments.errors';
import { SegmentsService } from '../segments/segments.service';
import type { SmsTemplate } from '../templates/template-record.entity';
import { renderTemplate } from '../templates/template-renderer';
import { parseTemplateBody } from '../templates/template-syntax';
import { TemplateNotFoundError } from '../templates/templates.errors';
import { TemplatesService } from '../templates/templates.service';
import type { Campaign, CampaignDraft } from './campaign.entity';
import { applyCommand } from './campaign-commands';
import { CampaignQueue } from './campaign-queue';
import { CampaignSending } from './campaign-sending.service';
import type { CampaignCommand, CampaignState } from './campaign-state';
import { CampaignNotFoundError, CampaignTemplateNotApprovedError, InvalidCampaignError } from './campaigns.errors';
import { CampaignsRepository } from './campaigns.repository';
import type { StaffActor } from './staff-actor';

/** Values a test send fills the template with: recognisably a test, never a member's data. */
const TEST_VALUES = { name: 'Test', tier: 'gold', points: 1234, expiryDate: new Date('2030-12-31T04:00:00Z') } as const;

/**
 * Campaigns as staff run them: drafts that refer to a segment and a template, submitted,
 * approved by a supervisor who neither wrote nor submitted them (campaign-state decides every
 * move), scheduled or sent now, paused, resumed, cancelled; test sends to staff phones.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly segments: SegmentsService,
    private readonly templates: TemplatesService,
    private readonly delivery: CampaignDelivery,
    private readonly queue: CampaignQueue,
    private readonly sending: CampaignSending,
  ) {}

  async create(draft: CampaignDraft, actor: StaffActor): Promise<Campaign> {
    const now = new Date();
    const id = randomUUID();
    const shell: Campaign = { id, state: 'draft', createdBy: actor.username, ...draft, history: [], createdAt: now, updatedAt: now };
    // Creating is the first edit of a draft: the same roles may do it.
    const campaign = applyCommand(shell, { type: 'edit' }, actor, now);
    await this.checkDraft(draft, now);
    await this.campaigns.create({ ...campaign, history: [{ command: 'create', state: 'draft', by: actor.username, at: now }] });
    try {
      await this.segments.addUse(draft.segmentId, id);
      await this.templates.addUse(draft.templateId, id);
    } catch (error) {
      // Deleted in between: the draft would refer to nothing.
      await this.campaigns.delete(id);
      await this.segments.removeUse(draft.segmentId, id);
      throw asDraftProblem(error);
    }
    return this.get(id);
  }

  /** Replaces a draft's content (drafts only: campaign-state refuses editing in any other state). */
  async update(campaignId: string, draft: CampaignDraft, actor: StaffActor): Promise<Campaign> {
    const now = new Date();
    await this.checkDraft(draft, now);
    let before: Campaign | undefined;
    const updated = await this.campaigns.change(campaignId, (campaign) => {
      before = campaign;
      const { description: _description, plannedSendAt: _planned, ...edited } = applyCommand(campaign, { type: 'edit' }, actor, now);
      return { ...edited, ...draft };
    });
    if (before && before.segmentId !== updated.segmentId) {
      await this.use(() => this.segments.addUse(updated.segmentId, campaignId));
      await this.segments.removeUse(before.segmentId, campaignId);
    }
    if (before && before.templateId !== updated.templateId) {
      await this.use(() => this.templates.addUse(updated.templateId, campaignId));
      await this.templates.removeUse(before.templateId, campaignId);
    }
    return updated;
  }

  async get(campaignId: string): Promise<Campaign> {
    const campaign = await this.campaigns.findById(campaignId);
    if (!campaign) throw new CampaignNotFoundError(campaignId);
    return campaign;
  }

  /** The campaign, first completed when its last message is done (the tick does so too, every few seconds). */
  async getCurrent(campaignId: string): Promise<Campaign> {
    return (await this.sending.completeIfFinished(await this.get(campaignId))) ?? this.get(campaignId);
  }

  async list(state?: CampaignState): Promise<Campaign[]> {
    return this.campaigns.list(state === undefined ? undefined : [state]);
  }

  /** For approval: only with an approved template. */
  async submit(campaignId: string, actor: StaffActor): Promise<Campaign> {
    const campaign = await this.get(campaignId);
    const template = await this.approvedTemplate(campaign.templateId);
    if (template.kind !== campaign.kind) throw new InvalidCampaignError([{ field: 'kind', message: `must be the template's kind (${template.kind})` }]);
    await this.segments.get(campaign.segmentId);
    return this.command(campaignId, { type: 'submit' }, actor);
  }

  async withdraw(campaignId: string, actor: StaffActor): Promise<Campaign> {
    const campaign = await this.command(campaignId, { type: 'withdraw' }, actor);
    await this.queue.dropStart(campaignId);
    return campaign;
  }

  async reject(campaignId: string, reason: string, actor: StaffActor): Promise<Campaign> {
    return this.command(campaignId, { type: 'reject', reason }, actor, reason);
  }

  /**
   * Approves the campaign as it is: the segment's rule and the template's texts are fixed now
   * (later edits of either change nothing approved). A draft's planned time, if still ahead,
   * becomes its schedule.
   */
  async approve(campaignId: string, actor: StaffActor): Promise<Campaign> {
    const current = await this.get(campaignId);
    const template = await this.approvedTemplate(current.templateId);
    const segment = await this.segments.get(current.segmentId);
    const now = new Date();
    const approved = await this.campaigns.change(campaignId, (campaign) => {
      if (campaign.templateId !== template.id || campaign.segmentId !== segment.id) return undefined;
      const next = applyCommand(campaign, { type: 'approve' }, actor, now);
      const withSnapshot: Campaign = {
        ...next,
        snapshot: { segmentName: segment.name, rule: segment.rule, templateName: template.name, templateVersion: template.version, bodies: template.bodies },
      };
      const planned = campaign.plannedSendAt;
      return planned && planned.getTime() > now.getTime()
        ? applyCommand(withSnapshot, { type: 'schedule', sendAt: planned }, actor, now, { note: planned.toISOString() })
        : withSnapshot;
    });
    if (approved.state === 'scheduled' && approved.sendAt) await this.queue.startAt(campaignId, approved.sendAt);
    return approved;
  }

  async schedule(campaignId: string, at: Date, actor: StaffActor): Promise<Campaign> {
    const campaign = await this.command(campaignId, { type: 'schedule', sendAt: at }, actor, at.toISOString(), { sendAt: 'at' });
    await this.queue.startAt(campaignId, campaign.sendAt);
    return campaign;
  }

  async unschedule(campaignId: string, actor: StaffActor): Promise<Campaign> {
    const campaign = await this.command(campaignId, { type: 'unschedule' }, actor);
    await this.queue.dropStart(campaignId);
    return campaign;
  }

  /** Starts sending now: the recipient list is frozen by the start job, right away. */
  async sendNow(campaignId: string, actor: StaffActor): Promise<Campaign> {
    const campaign = await this.command(campaignId, { type: 'start' }, actor);
    await this.queue.startAt(campaignId);
    return campaign;
  }

  async pause(campaignId: string, actor: StaffActor): Promise<Campaign> {
    const campaign = await this.command(campaignId, { type: 'pause' }, actor);
    await this.delivery.pause(campaignId);
    return campaign;
  }

  async resume(campaignId: string, actor: StaffActor): Promise<Campaign> {
    const campaign = await this.command(campaignId, { type: 'resume' }, actor);
    await this.delivery.resume(campaignId);
    return campaign;
  }

  /** Cancels: nothing more is sent (what went out stays); a freeze under way stops at its next chunk. */
  async cancel(campaignId: string, actor: StaffActor): Promise<Campaign> {
    const campaign = await this.command(campaignId, { type: 'cancel' }, actor);
    await this.queue.dropStart(campaignId);
    if (campaign.startedAt) await this.delivery.cancel(campaignId);
    await this.sending.releaseUsage(campaign);
    return campaign;
  }

  /**
   * Sends the campaign's text to staff phones now, filled with test values: the approved text
   * when there is one, else the template as it is. `language` picks the version (the first the
   * template has when absent).
   */
  async testSend(campaignId: string, phones: readonly string[], language: MemberLanguage | undefined, actor: StaffActor) {
    const campaign = await this.get(campaignId);
    // A test send goes out in the campaign's name: the roles that run campaigns may do it.
    applyCommand({ ...campaign, state: 'draft' }, { type: 'edit' }, actor, new Date());
    const problems: FieldProblem[] = phones.flatMap((phone, index) =>
      /^\+[1-9]\d{6,14}$/.test(phone) && isValidPhoneNumber(phone) ? [] : [{ field: `phones.${index}`, message: 'must be a valid mobile number in E.164, e.g. +85291234567' }],
    );
    const bodies = campaign.snapshot?.bodies ?? (await this.templates.get(campaign.templateId)).bodies;
    const chosen = language ?? MEMBER_LANGUAGES.find((candidate) => typeof bodies[candidate] === 'string');
    const body = chosen === undefined ? undefined : bodies[chosen];
    if (chosen === undefined || body === undefined) problems.push({ field: 'language', message: 'the template has no version in this language' });
    if (problems.length > 0 || chosen === undefined || body === undefined) throw new InvalidCampaignError(problems);
    const parsed = parseTemplateBody(body, `bodies.${chosen}`);
    if (!parsed.ok) throw new InvalidCampaignError(parsed.problems);
    const settings = this.templates.settings;
    const rendered = renderTemplate(parsed.template, { ...TEST_VALUES, bookletLink: settings.bookletLink }, { language: chosen, timeZone: settings.timeZone, tierLabels: settings.tierLabels, lowestTier: settings.lowestTier });
    if (!rendered.ok) throw new InvalidCampaignError([{ field: `bodies.${chosen}`, message: `has no test value for ${rendered.missing.join(', ')}` }]);
    const results = await this.delivery.sendTest(campaignId, phones, rendered.text);
    return { language: chosen, body: rendered.text, results };
  }

  private async command(campaignId: string, command: CampaignCommand, actor: StaffActor, note?: string, bodyField?: Record<string, string>): Promise<Campaign> {
    const now = new Date();
    return this.campaigns.change(campaignId, (campaign) => applyCommand(campaign, command, actor, now, { ...(note ? { note } : {}), ...(bodyField ? { bodyField } : {}) }));
  }

  /** The draft refers to a segment and a template that exist, of the campaign's kind, and a planned time ahead. */
  private async checkDraft(draft: CampaignDraft, now: Date): Promise<void> {
    const problems: FieldProblem[] = [];
    const [segment, template] = await Promise.all([
      this.segments.get(draft.segmentId).catch((error: unknown) => {
        if (error instanceof SegmentNotFoundError) return undefined;
        throw error;
      }),
      this.templates.get(draft.templateId).catch((error: unknown) => {
        if (error instanceof TemplateNotFoundError) return undefined;
        throw error;
      }),
    ]);
    if (!segment) problems.push({ field: 'segmentId', message: 'names no segment' });
    if (!template) problems.push({ field: 'templateId', message: 'names no template' });
    if (template && template.kind !== draft.kind) problems.push({ field: 'kind', message: `must be the template's kind (${template.kind})` });
    if (draft.plannedSendAt && draft.plannedSendAt.getTime() < now.getTime()) problems.push({ field: 'plannedSendAt', message: 'must not be in the past' });
    if (problems.length > 0) throw new InvalidCampaignError(problems);
  }

  private async approvedTemplate(templateId: string): Promise<SmsTemplate> {
    const template = await this.templates.get(templateId).catch((error: unknown) => {
      throw error instanceof TemplateNotFoundError ? new CampaignTemplateNotApprovedError(templateId) : error;
    });
    if (template.status !== 'approved') throw new CampaignTemplateNotApprovedError(templateId);
    return template;
  }

  private async use(mark: () => Promise<unknown>): Promise<void> {
    try {
      await mark();
    } catch (error) {
      throw asDraftProblem(error);
    }
  }
}

function asDraftProblem(error: unknown): unknown {
  if (error instanceof SegmentNotFoundError) return new InvalidCampaignError([{ field: 'segmentId', message: 'names no segment' }]);
  if (error instanceof TemplateNotFoundError) return new InvalidCampaignError([{ field: 'templateId', message: 'names no template' }]);
  return error;
}
