import type { MessageKind } from '../compliance/message-kind';
import type { MemberLanguage } from '../members/member-profile.entity';

/** A template's text in each language it is written in, with `{{variable}}` placeholders. */
export type TemplateBodies = Readonly<Partial<Record<MemberLanguage, string>>>;

/** What a template says and what it is for; its id, name and approval live with the template record. */
export interface SmsTemplateContent {
  /** Marketing templates must carry the signature and opt-out instruction to be approved. */
  readonly kind: MessageKind;
  readonly bodies: TemplateBodies;
}
