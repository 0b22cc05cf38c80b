import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TillKey } from './till-key.entity';
import { TILL_KEY_MODEL, type TillKeyDocument } from './till-key.schema';

@Injectable()
export class TillKeysRepository {
  constructor(@InjectModel(TILL_KEY_MODEL) private readonly keys: Model<TillKeyDocument>) {}

  async insert(key: TillKey & { secretHash: string }): Promise<void> {
    await this.keys.create({
      _id: key.keyId,
      tenantId: key.tenantId,
      label: key.label,
      secretHash: key.secretHash,
      createdBy: key.createdBy,
      createdAt: key.createdAt,
    });
  }

  async list(tenantId?: string): Promise<TillKey[]> {
    const documents = await this.keys
      .find(tenantId ? { tenantId } : {})
      .sort({ createdAt: -1 })
      .lean<TillKeyDocument[]>()
      .exec();
    return documents.map(toTillKey);
  }

  /** The key with its stored hash, for checking a presented secret. */
  async findWithHash(keyId: string): Promise<(TillKey & { secretHash: string }) | undefined> {
    const document = await this.keys.findById(keyId).lean<TillKeyDocument>().exec();
    return document ? { ...toTillKey(document), secretHash: document.secretHash } : undefined;
  }

  /** Revokes once: a second revocation keeps the first time. Returns the key, or undefined when unknown. */
  async revoke(keyId: string, by: string, at: Date): Promise<TillKey | undefined> {
    await this.keys.updateOne({ _id: keyId, revokedAt: { $exists: false } }, { $set: { revokedAt: at, revokedBy: by } }).exec();
    const document = await this.keys.findById(keyId).lean<TillKeyDocument>().exec();
    return document ? toTillKey(document) : undefined;
  }
}

function toTillKey(document: TillKeyDocument): TillKey {
  return {
    keyId: document._id,
    tenantId: document.tenantId,
    label: document.label,
    createdBy: document.createdBy,
    createdAt: document.createdAt,
    ...(document.revokedAt ? { revokedAt: document.revokedAt } : {}),
  };
}
