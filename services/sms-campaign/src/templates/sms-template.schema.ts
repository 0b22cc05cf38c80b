import { Schema } from 'mongoose';
import { MESSAGE_KINDS, type MessageKind } from '../compliance/message-kind';
import type { TemplateBodies } from './sms-template.entity';
import type { TemplateStatus } from './template-record.entity';

export const SMS_TEMPLATE_MODEL = 'SmsTemplate';

/** A stored template. Private to TemplatesRepository. */
export interface SmsTemplateDocument {
  _id: string;
  name: string;
  kind: MessageKind;
  /** Texts by language code ("zh-Hant"): a language without a version is absent. */
  bodies: TemplateBodies;
  status: TemplateStatus;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  approvedBy?: string;
  approvedAt?: Date;
  usedBy: string[];
}

export const smsTemplateSchema = new Schema<SmsTemplateDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: MESSAGE_KINDS, required: true },
    bodies: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: ['draft', 'approved'], required: true },
    version: { type: Number, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    approvedBy: String,
    approvedAt: Date,
    usedBy: { type: [String], default: undefined },
  },
  { collection: 'sms_templates', versionKey: false, minimize: false },
);

smsTemplateSchema.index({ name: 1 }, { unique: true });
