import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { TOPICS, VerificationCodeIssuedSchema, VerificationPurpose as ContractPurpose } from '@atrium/contracts';
import { OutboxEntryFactory } from '@atrium/messaging';
import { MembersRepository } from '../members/members.repository';
import { normalizePhone } from '../members/phone-number';
import { hashVerificationCode, newVerificationCode, verificationCodeMatches } from './verification-code';
import type { MessageLanguage, VerificationCode, VerificationPurpose, VerificationSettings } from './verification.entity';
import { CarrierBlocksRepository } from './carrier-blocks.repository';
import {
  AlreadyAMemberError,
  NumberBlockedByCarrierError,
  VerificationAttemptsExhaustedError,
  VerificationCodeRejectedError,
  VerificationRequestsLimitedError,
} from './verification.errors';
import { VerificationCodesRepository } from './verification-codes.repository';
import { VerificationLimitsRepository } from './verification-limits.repository';

export const VERIFICATION_SETTINGS = Symbol('VERIFICATION_SETTINGS');

const HOUR_SECONDS = 3600;

/** What the shopper is told after asking for a code (the same whether or not one was sent). */
export interface CodeRequestOutcome {
  readonly expiresInSeconds: number;
  readonly resendAfterSeconds: number;
}

/** A code that checked out: the phone it proves, and for a sign-in the member. */
export interface VerifiedPhone {
  readonly phone: string;
  readonly memberId?: string;
}

/**
 * One-time codes by SMS for the shoppers' self-service: issue (limited per phone and per
 * address, announced to the SMS service by event; refused for a phone the carrier blocks), and verify (limited tries, single use, only
 * the newest code of a phone counts).
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly codes: VerificationCodesRepository,
    private readonly limits: VerificationLimitsRepository,
    private readonly members: MembersRepository,
    private readonly carrierBlocks: CarrierBlocksRepository,
    private readonly outbox: OutboxEntryFactory,
    @Inject(VERIFICATION_SETTINGS) private readonly settings: VerificationSettings,
  ) {}

  async requestCode(rawPhone: string, purpose: VerificationPurpose, language: MessageLanguage, clientAddress: string): Promise<CodeRequestOutcome> {
    const phone = normalizePhone(rawPhone, this.settings.defaultRegion);
    const outcome = { expiresInSeconds: this.settings.codeTtlSeconds, resendAfterSeconds: this.settings.resendAfterSeconds };

    const fromAddress = await this.limits.count(`address:${clientAddress}`, HOUR_SECONDS);
    if (fromAddress.count > this.settings.maxCodesPerAddressPerHour) throw new VerificationRequestsLimitedError('address', fromAddress.resetsInSeconds);

    const member = await this.members.findByPhone(phone);
    if (purpose === 'sign-up' && member) throw new AlreadyAMemberError();
    // A code could never arrive: say so (before any quota is used) instead of a silent 202. It
    // tells nothing about membership: the block is the phone's, whoever owns it.
    if (await this.carrierBlocks.isBlocked(phone)) throw new NumberBlockedByCarrierError();

    const quiet = await this.limits.claimQuietPeriod(`resend:${purpose}:${phone}`, this.settings.resendAfterSeconds);
    if (!quiet.claimed) throw new VerificationRequestsLimitedError('phone', quiet.retryAfterSeconds);
    const toPhone = await this.limits.count(`phone:${phone}`, HOUR_SECONDS);
    if (toPhone.count > this.settings.maxCodesPerPhonePerHour) throw new VerificationRequestsLimitedError('phone', toPhone.resetsInSeconds);

    // Signing in with a number that is no member's: answered like a success, so the public
    // route does not tell who is a member; no code exists and none is sent.
    if (purpose === 'sign-in' && !member) return outcome;

    try {
      await this.issue(phone, purpose, language, member?.id);
    } catch (error) {
      await this.limits.releaseQuietPeriod(`resend:${purpose}:${phone}`);
      throw error;
    }
    return outcome;
  }

  /** Checks a code and uses it up; throws a rejection that says nothing about which part was wrong. */
  async verify(rawPhone: string, purpose: VerificationPurpose, candidate: string): Promise<VerifiedPhone> {
    const phone = normalizePhone(rawPhone, this.settings.defaultRegion);
    const code = await this.codes.newest(phone, purpose);
    const now = new Date();
    if (!code || code.expiresAt <= now) throw new VerificationCodeRejectedError();

    const secondsLeft = Math.max(1, Math.ceil((code.expiresAt.getTime() - now.getTime()) / 1000));
    const tries = await this.limits.count(`attempts:${code.id}`, secondsLeft);
    if (tries.count > this.settings.maxAttemptsPerCode) throw new VerificationAttemptsExhaustedError(tries.resetsInSeconds);
    if (!verificationCodeMatches(code.id, candidate, code.codeHash)) {
      throw new VerificationCodeRejectedError(this.settings.maxAttemptsPerCode - tries.count);
    }
    if (!(await this.limits.markUsed(code.id, secondsLeft))) throw new VerificationCodeRejectedError();
    return { phone, ...(code.memberId ? { memberId: code.memberId } : {}) };
  }

  private async issue(phone: string, purpose: VerificationPurpose, language: MessageLanguage, memberId: string | undefined): Promise<void> {
    const issuedAt = new Date();
    const id = randomUUID();
    const clear = newVerificationCode();
    const code: VerificationCode = {
      id,
      phone,
      purpose,
      codeHash: hashVerificationCode(id, clear),
      ...(memberId ? { memberId } : {}),
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + this.settings.codeTtlSeconds * 1000),
    };
    const event = this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.verification-code-issued',
      schema: VerificationCodeIssuedSchema,
      key: phone,
      occurredAt: issuedAt,
      payload: {
        codeId: code.id,
        phone,
        code: clear,
        purpose: purpose === 'sign-up' ? ContractPurpose.SIGN_UP : ContractPurpose.SIGN_IN,
        language,
        expiresAt: timestampFromDate(code.expiresAt),
        memberId: memberId ?? '',
      },
    });
    await this.codes.insert(code, event);
  }
}
