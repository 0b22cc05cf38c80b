import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { isDuplicateKey } from '../segments/segments.repository';
import type { SmsTemplateContent } from './sms-template.entity';
import { SMS_TEMPLATE_MODEL, type SmsTemplateDocument } from './sms-template.schema';
import type { SmsTemplate } from './template-record.entity';
import { TemplateInUseError, TemplateNameTakenError, TemplateNotFoundError } from './templates.errors';

const COLLECTION = 'sms_templates';

/** What a template's name and content become when saved. */
export interface TemplateDraft extends SmsTemplateContent {
  readonly name: string;
}

/**
 * Saved templates. Staff edit and approve a template, and campaigns mark it used, possibly at
 * once: every read-check-write holds the template's lock (FerretDB loses concurrent updates).
 */
@Injectable()
export class TemplatesRepository implements OnModuleInit {
  constructor(
    @InjectModel(SMS_TEMPLATE_MODEL) private readonly templates: Model<SmsTemplateDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.templates.createCollection().catch(() => undefined);
    await this.templates.syncIndexes();
  }

  async create(id: string, draft: TemplateDraft, by: string, at: Date): Promise<SmsTemplate> {
    const document: SmsTemplateDocument = {
      _id: id,
      name: draft.name,
      kind: draft.kind,
      bodies: { ...draft.bodies },
      status: 'draft',
      version: 1,
      createdBy: by,
      createdAt: at,
      updatedBy: by,
      updatedAt: at,
      usedBy: [],
    };
    try {
      await this.templates.create(document);
    } catch (error) {
      if (isDuplicateKey(error)) throw new TemplateNameTakenError(draft.name);
      throw error;
    }
    return toTemplate(document);
  }

  async findById(id: string): Promise<SmsTemplate | undefined> {
    const document = await this.templates.findById(id).lean<SmsTemplateDocument>();
    return document ? toTemplate(document) : undefined;
  }

  async list(): Promise<SmsTemplate[]> {
    const documents = await this.templates.find().lean<SmsTemplateDocument[]>();
    return documents.map(toTemplate).sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Runs `decide` on the template as it is and writes what it returns, holding the template's
   * lock from the read to the write (an approval applies to exactly the version it checked).
   */
  async change(id: string, decide: (template: SmsTemplate) => Partial<Omit<SmsTemplateDocument, '_id' | 'usedBy'>>): Promise<SmsTemplate> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const current = await this.templates.findById(id).lean<SmsTemplateDocument>();
      if (!current) throw new TemplateNotFoundError(id);
      const changes = decide(toTemplate(current));
      const unset = Object.fromEntries(Object.entries(changes).filter(([, value]) => value === undefined).map(([field]) => [field, 1]));
      const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      try {
        const document = await this.templates
          .findOneAndUpdate({ _id: id }, { $set: set, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) }, { new: true })
          .lean<SmsTemplateDocument>();
        if (!document) throw new TemplateNotFoundError(id);
        return toTemplate(document);
      } catch (error) {
        if (isDuplicateKey(error)) throw new TemplateNameTakenError(typeof changes.name === 'string' ? changes.name : current.name);
        throw error;
      }
    });
  }

  async delete(id: string): Promise<void> {
    await this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.templates.findById(id, { usedBy: 1 }).lean<Pick<SmsTemplateDocument, '_id' | 'usedBy'>>();
      if (!document) throw new TemplateNotFoundError(id);
      if ((document.usedBy ?? []).length > 0) throw new TemplateInUseError(id, document.usedBy);
      await this.templates.deleteOne({ _id: id });
    });
  }

  async addUse(id: string, campaignId: string): Promise<SmsTemplate> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.templates.findOneAndUpdate({ _id: id }, { $addToSet: { usedBy: campaignId } }, { new: true }).lean<SmsTemplateDocument>();
      if (!document) throw new TemplateNotFoundError(id);
      return toTemplate(document);
    });
  }

  async removeUse(id: string, campaignId: string): Promise<void> {
    await this.locks.withLocks(COLLECTION, [id], () => this.templates.updateOne({ _id: id }, { $pullAll: { usedBy: [campaignId] } }));
  }
}

function toTemplate(document: SmsTemplateDocument): SmsTemplate {
  return {
    id: document._id,
    name: document.name,
    kind: document.kind,
    bodies: { ...document.bodies },
    status: document.status,
    version: document.version,
    createdBy: document.createdBy,
    createdAt: document.createdAt,
    updatedBy: document.updatedBy,
    updatedAt: document.updatedAt,
    ...(document.approvedBy ? { approvedBy: document.approvedBy } : {}),
    ...(document.approvedAt ? { approvedAt: document.approvedAt } : {}),
    usedBy: document.usedBy ?? [],
  };
}
