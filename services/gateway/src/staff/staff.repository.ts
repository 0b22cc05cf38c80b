import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { StaffAccount, StaffChanges } from './staff-account.entity';
import { StaffUsernameTakenError } from './staff.errors';
import { STAFF_MODEL, type StaffDocument } from './staff.schema';

const DUPLICATE_KEY = 11000;

@Injectable()
export class StaffRepository {
  constructor(@InjectModel(STAFF_MODEL) private readonly staff: Model<StaffDocument>) {}

  /** Stores a new account; a second account with the same username fails with StaffUsernameTakenError. */
  async insert(account: StaffAccount): Promise<void> {
    try {
      await this.staff.create(toDocument(account));
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) throw new StaffUsernameTakenError(account.username);
      throw error;
    }
  }

  async findByUsername(username: string): Promise<StaffAccount | undefined> {
    const document = await this.staff.findById(username).lean<StaffDocument>();
    return document ? toAccount(document) : undefined;
  }

  async list(): Promise<StaffAccount[]> {
    const documents = await this.staff.find().sort({ _id: 1 }).lean<StaffDocument[]>();
    return documents.map(toAccount);
  }

  /** Applies the changes and returns the account as it is now, or undefined when there is none. */
  async update(username: string, changes: StaffChanges): Promise<StaffAccount | undefined> {
    const set: Partial<StaffDocument> = { updatedAt: new Date() };
    if (changes.displayName !== undefined) set.displayName = changes.displayName;
    if (changes.roles !== undefined) set.roles = [...changes.roles];
    if (changes.active !== undefined) set.active = changes.active;
    if (changes.passwordHash !== undefined) set.passwordHash = changes.passwordHash;
    const document = await this.staff.findByIdAndUpdate(username, { $set: set }, { new: true }).lean<StaffDocument>();
    return document ? toAccount(document) : undefined;
  }

  async countActiveAdmins(): Promise<number> {
    return this.staff.countDocuments({ active: true, roles: 'admin' });
  }
}

function toDocument(account: StaffAccount): StaffDocument {
  return {
    _id: account.username,
    displayName: account.displayName,
    roles: [...account.roles],
    active: account.active,
    passwordHash: account.passwordHash,
    createdAt: account.createdAt,
  };
}

function toAccount(document: StaffDocument): StaffAccount {
  return {
    username: document._id,
    displayName: document.displayName,
    roles: document.roles,
    active: document.active,
    passwordHash: document.passwordHash,
    createdAt: document.createdAt,
  };
}
