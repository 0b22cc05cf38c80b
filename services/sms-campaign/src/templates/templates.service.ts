import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FieldProblem } from '@atrium/errors';
import { isApprover, type StaffActor } from '../campaigns/staff-actor';
import { checkEligibility, type Eligibility } from '../compliance/message-eligibility';
import type { MessageKind } from '../compliance/message-kind';
import type { MemberLanguage } from '../members/member-profile.entity';
import { MemberProfilesRepository } from '../members/member-profiles.repository';
import { analyseSms, type SmsAnalysis } from './sms-encoding';
import type { Money } from './sms-cost';
import type { TemplateBodies } from './sms-template.entity';
import { validateTemplateContent } from './sms-template.validation';
import type { SmsTemplate } from './template-record.entity';
import { templateComplianceProblems, type MarketingTemplateRules } from './template-compliance';
import { templateLanguageFor } from './template-language';
import { renderForMember, type MemberRenderSettings } from './template-renderer';
import { parseTemplateBody, type TemplateVariable } from './template-syntax';
import {
  InvalidTemplateError,
  PreviewMemberNotFoundError,
  TemplateAlreadyApprovedError,
  TemplateApprovalNotAllowedError,
  TemplateNotCompliantError,
  TemplateNotFoundError,
} from './templates.errors';
import { TemplatesRepository } from './templates.repository';

export const TEMPLATE_SETTINGS = Symbol('TEMPLATE_SETTINGS');

/** Besides how members' values are written (`MemberRenderSettings`: booklet link, zone, tier labels, lowest tier). */
export interface TemplateSettings extends MemberRenderSettings {
  /** What a marketing template must carry in each language (SMS_CENTRE_SIGNATURE and the opt-out instructions). */
  readonly marketingRules: MarketingTemplateRules;
  /** What one segment costs (SMS_PRICE_PER_SEGMENT_MINOR, SMS_PRICE_CURRENCY). */
  readonly pricePerSegment: Money;
}

/** What staff send to save a template; checked here as it arrives. */
export interface TemplateInput {
  readonly name: string;
  readonly kind: MessageKind;
  readonly bodies: TemplateBodies;
}

/** Encoding, counts and segments of a text, with its variables and syntax problems. */
export interface TextAnalysis extends SmsAnalysis {
  readonly variables: readonly TemplateVariable[];
  readonly problems: readonly FieldProblem[];
  /** What one message of this text costs (segments × price per segment). */
  readonly cost: Money;
}

/** One member's message of a template, as the member would receive it. */
export type TemplatePreview =
  | {
      readonly memberId: string;
      readonly rendered: true;
      readonly language: MemberLanguage;
      readonly text: string;
      /** Variables the member has no value for, written as the template's fallback or the built-in default. */
      readonly fallbacks: readonly TemplateVariable[];
      readonly analysis: SmsAnalysis;
      readonly cost: Money;
      /** Whether the member may receive a message of the template's kind at all. */
      readonly eligibility: Eligibility;
    }
  | {
      readonly memberId: string;
      readonly rendered: false;
      /** no-template-language: no version in the member's language; template-values-missing: see `missing`. */
      readonly reason: 'no-template-language' | 'template-values-missing';
      readonly language?: MemberLanguage;
      readonly missing?: readonly TemplateVariable[];
      readonly eligibility: Eligibility;
    };

/**
 * Templates: saved after their syntax and variables are checked, approved by a supervisor who
 * did not write them and only when compliant (marketing: the centre's signature and the
 * opt-out instruction of each language), previewed for real members, analysed for encoding,
 * segments and cost.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly templates: TemplatesRepository,
    private readonly profiles: MemberProfilesRepository,
    @Inject(TEMPLATE_SETTINGS) readonly settings: TemplateSettings,
  ) {}

  async create(input: TemplateInput, actor: StaffActor): Promise<SmsTemplate> {
    return this.templates.create(randomUUID(), checked(input), actor.username, new Date());
  }

  async list(): Promise<SmsTemplate[]> {
    return this.templates.list();
  }

  async get(templateId: string): Promise<SmsTemplate> {
    const template = await this.templates.findById(templateId);
    if (!template) throw new TemplateNotFoundError(templateId);
    return template;
  }

  /** Replaces name, kind and texts; an approved template becomes a draft again (its approval was of other words). */
  async update(templateId: string, input: TemplateInput, actor: StaffActor): Promise<SmsTemplate> {
    const draft = checked(input);
    return this.templates.change(templateId, (template) => ({
      name: draft.name,
      kind: draft.kind,
      bodies: { ...draft.bodies },
      status: 'draft',
      version: template.version + 1,
      updatedBy: actor.username,
      updatedAt: new Date(),
      approvedBy: undefined,
      approvedAt: undefined,
    }));
  }

  /**
   * Approves the template as it is now: by a supervisor (or admin) who neither wrote nor last
   * edited it, and only when it has no compliance problem.
   */
  async approve(templateId: string, actor: StaffActor): Promise<SmsTemplate> {
    return this.templates.change(templateId, (template) => {
      if (!isApprover(actor)) throw new TemplateApprovalNotAllowedError('template.role-required', 'Only a supervisor may approve a template.');
      if (actor.username === template.createdBy || actor.username === template.updatedBy) {
        throw new TemplateApprovalNotAllowedError('template.own-template', 'Nobody approves a template they wrote or edited: another supervisor must approve it.');
      }
      if (template.status === 'approved') throw new TemplateAlreadyApprovedError(templateId);
      const problems = this.complianceProblems(template);
      if (problems.length > 0) throw new TemplateNotCompliantError(problems);
      return { status: 'approved', approvedBy: actor.username, approvedAt: new Date() };
    });
  }

  async delete(templateId: string): Promise<void> {
    await this.templates.delete(templateId);
  }

  /** Why the template cannot be approved as it is (empty for transactional templates and compliant marketing ones). */
  complianceProblems(template: Pick<SmsTemplate, 'kind' | 'bodies'>): FieldProblem[] {
    return templateComplianceProblems({ kind: template.kind, bodies: template.bodies }, this.settings.marketingRules);
  }

  /** Encoding, characters and segments of a text as written (variables count as typed until rendered). */
  analyse(text: string): TextAnalysis {
    const parsed = parseTemplateBody(text, 'text');
    const analysis = analyseSms(text);
    return {
      ...analysis,
      variables: parsed.ok ? parsed.template.variables : [],
      problems: parsed.ok ? [] : parsed.problems,
      cost: this.costOf(analysis.segments),
    };
  }

  /** What one member would receive of the template now: the version of the member's language, rendered with the member's values. */
  async preview(templateId: string, memberId: string): Promise<TemplatePreview> {
    const template = await this.get(templateId);
    const member = await this.profiles.get(memberId);
    if (!member || member.erased) throw new PreviewMemberNotFoundError(memberId);
    const eligibility = checkEligibility(member, template.kind);
    const language = templateLanguageFor(template.bodies, member.language, template.kind);
    if (!language) return { memberId, rendered: false, reason: 'no-template-language', eligibility };
    const parsed = parseTemplateBody(template.bodies[language] ?? '', `bodies.${language}`);
    if (!parsed.ok) throw new InvalidTemplateError(parsed.problems);
    const result = renderForMember(parsed.template, member, language, this.settings);
    if (!result.ok) return { memberId, rendered: false, reason: 'template-values-missing', language, missing: result.missing, eligibility };
    const analysis = analyseSms(result.text);
    return { memberId, rendered: true, language, text: result.text, fallbacks: result.fallbacks, analysis, cost: this.costOf(analysis.segments), eligibility };
  }

  /** A campaign sends the template from now on (it cannot be deleted until the campaign finishes). */
  async addUse(templateId: string, campaignId: string): Promise<SmsTemplate> {
    return this.templates.addUse(templateId, campaignId);
  }

  async removeUse(templateId: string, campaignId: string): Promise<void> {
    await this.templates.removeUse(templateId, campaignId);
  }

  costOf(segments: number): Money {
    return { amountMinor: segments * this.settings.pricePerSegment.amountMinor, currency: this.settings.pricePerSegment.currency };
  }
}

function checked(input: TemplateInput): TemplateInput {
  const problems = validateTemplateContent({ kind: input.kind, bodies: input.bodies });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '' || name.length > 100) problems.unshift({ field: 'name', message: 'must be a text of 1 to 100 characters' });
  if (problems.length > 0) throw new InvalidTemplateError(problems);
  return { name, kind: input.kind, bodies: input.bodies };
}
