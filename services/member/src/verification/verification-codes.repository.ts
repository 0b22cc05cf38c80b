import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { VerificationCode, VerificationPurpose } from './verification.entity';
import { VERIFICATION_CODE_MODEL, type VerificationCodeDocument } from './verification-code.schema';

/** Issued codes (hashes only) with the event that asks the SMS service to send each. */
@Injectable()
export class VerificationCodesRepository implements OnModuleInit {
  constructor(
    @InjectModel(VERIFICATION_CODE_MODEL) private readonly codes: Model<VerificationCodeDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.codes);
    await this.codes.syncIndexes();
  }

  /** Stores a code and its `member.verification-code-issued` event in one write. */
  async insert(code: VerificationCode, issued: OutboxEntry): Promise<void> {
    const { id, ...rest } = code;
    await this.codes.create({ _id: id, ...rest, outbox: [issued] });
    this.relay.nudge();
  }

  /** The newest code issued to a phone for a purpose (an older one is superseded by it). */
  async newest(phone: string, purpose: VerificationPurpose): Promise<VerificationCode | undefined> {
    const document = await this.codes.findOne({ phone, purpose }, { outbox: 0 }).sort({ issuedAt: -1 }).lean<VerificationCodeDocument>();
    if (!document) return undefined;
    return {
      id: document._id,
      phone: document.phone,
      purpose: document.purpose,
      codeHash: document.codeHash,
      ...(document.memberId ? { memberId: document.memberId } : {}),
      issuedAt: document.issuedAt,
      expiresAt: document.expiresAt,
    };
  }
}
