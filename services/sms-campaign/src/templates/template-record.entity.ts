import type { MessageKind } from '../compliance/message-kind';
import type { TemplateBodies } from './sms-template.entity';

/** A template is written (draft), then approved by a supervisor who did not write it; any edit makes it a draft again. */
export type TemplateStatus = 'draft' | 'approved';

/** A saved SMS template, with who wrote and approved it. */
export interface SmsTemplate {
  readonly id: string;
  readonly name: string;
  readonly kind: MessageKind;
  readonly bodies: TemplateBodies;
  readonly status: TemplateStatus;
  /** 1 when created, one more with every edit: a campaign records the version it was approved with. */
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Who edited it last: an author too, who may not approve it. */
  readonly updatedBy: string;
  readonly updatedAt: Date;
  readonly approvedBy?: string;
  readonly approvedAt?: Date;
  /** Campaigns not finished yet that send it: while any does, it cannot be deleted. */
  readonly usedBy: readonly string[];
}
