import type { CampaignExclusion, CampaignMessage } from '../delivery/campaign-delivery';
import { checkEligibility } from '../compliance/message-eligibility';
import type { MessageKind } from '../compliance/message-kind';
import { MEMBER_LANGUAGES, type MemberLanguage, type MemberProfile } from '../members/member-profile.entity';
import { analyseSms } from '../templates/sms-encoding';
import type { TemplateBodies } from '../templates/sms-template.entity';
import { templateLanguageFor } from '../templates/template-language';
import { renderForMember, type MemberRenderSettings } from '../templates/template-renderer';
import { parseTemplateBody, type ParsedTemplate } from '../templates/template-syntax';

/** What every message of one campaign is made from: its kind and its approved texts, parsed once. */
export interface CampaignTexts {
  readonly campaignId: string;
  readonly kind: MessageKind;
  readonly bodies: TemplateBodies;
  readonly parsed: Readonly<Partial<Record<MemberLanguage, ParsedTemplate>>>;
}

/** How members' values are written into the campaign's texts (the settings the template preview uses too). */
export type MessageSettings = MemberRenderSettings;

export type RecipientOutcome = { readonly message: CampaignMessage } | { readonly exclusion: CampaignExclusion };

/** A campaign reaches a member once: the recipient's identity is the pair. */
export function recipientIdOf(campaignId: string, memberId: string): string {
  return `${campaignId}:${memberId}`;
}

/** The campaign's texts, parsed; a text that does not parse (it was validated when saved) is left out. */
export function campaignTexts(campaignId: string, kind: MessageKind, bodies: TemplateBodies): CampaignTexts {
  const parsed: Partial<Record<MemberLanguage, ParsedTemplate>> = {};
  for (const language of MEMBER_LANGUAGES) {
    const body = bodies[language];
    if (typeof body !== 'string') continue;
    const result = parseTemplateBody(body, `bodies.${language}`);
    if (result.ok) parsed[language] = result.template;
  }
  return { campaignId, kind, bodies, parsed };
}

/**
 * What one member the segment selected gets of the campaign: a message in their language,
 * rendered with their values, or why not. In order: eligibility for the campaign's kind
 * (erased, invalid number, STOP, card, consent), a version in the member's language (marketing
 * never falls back to another), values for every variable (a
 * member without one reads the template's fallback or the built-in default; a template with a
 * variable that has neither is not approved, so `template-values-missing` stays a safeguard). Frequency cap and quiet hours are
 * delivery's, when the message goes out.
 */
export function campaignRecipient(member: MemberProfile, texts: CampaignTexts, settings: MessageSettings): RecipientOutcome {
  const recipientId = recipientIdOf(texts.campaignId, member.memberId);
  const base = { recipientId, campaignId: texts.campaignId, memberId: member.memberId };
  const eligibility = checkEligibility(member, texts.kind);
  if (!eligibility.eligible) return { exclusion: { ...base, reason: eligibility.reason } };
  const language = templateLanguageFor(texts.bodies, member.language, texts.kind);
  const template = language === undefined ? undefined : texts.parsed[language];
  if (language === undefined || template === undefined) return { exclusion: { ...base, reason: 'no-template-language' } };
  const rendered = renderForMember(template, member, language, settings);
  if (!rendered.ok) return { exclusion: { ...base, reason: 'template-values-missing' } };
  return { message: { ...base, phone: member.phone, language, body: rendered.text, segments: analyseSms(rendered.text).segments } };
}
