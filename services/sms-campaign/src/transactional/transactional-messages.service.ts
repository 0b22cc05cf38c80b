import { Inject, Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { MemberRegistered, VerificationCodeIssued } from '@atrium/contracts';
import { InvalidInputError } from '@atrium/errors';
import { MemberProfilesRepository } from '../members/member-profiles.repository';
import { TransactionalDelivery } from '../delivery/transactional-delivery.service';
import type { MemberLanguage } from '../members/member-profile.entity';
import { languageOf, verificationCodeText, welcomeText } from './transactional-texts';
import { welcomeLanguageOf } from './welcome-language';

/** What transactional messages need from the configuration. */
export interface TransactionalSettings {
  /** SMS_CENTRE_SIGNATURE. */
  readonly signature: string;
  /** SMS_DEFAULT_LANGUAGE: for a code whose event names no language we write in, and a welcome whose registration names none (nor the projection). */
  readonly defaultLanguage: MemberLanguage;
}

export const TRANSACTIONAL_SETTINGS = Symbol('TRANSACTIONAL_SETTINGS');

/**
 * A registration older than this gets no welcome: a new consumer group reads the member topic
 * from its oldest retained event, and members who joined long ago must not be welcomed now.
 */
const WELCOME_MAX_AGE_MS = 24 * 3_600_000;

/**
 * Transactional messages answering what a member did: the sign-up or sign-in code, the welcome.
 * Each is sent once per what it answers (the code's id, the member), however often its event
 * is delivered: the recipient id is that identity, and delivery records an id once.
 *
 * Not sent, and why: points earned (the member must want it, and the projection has no such
 * preference yet); redemption confirmation and points expiring soon (the points service
 * publishes no such events yet).
 */
@Injectable()
export class TransactionalMessagesService {
  constructor(
    private readonly delivery: TransactionalDelivery,
    private readonly members: MemberProfilesRepository,
    @Inject(TRANSACTIONAL_SETTINGS) private readonly settings: TransactionalSettings,
  ) {}

  /** The code at once, in the event's language; dropped if it cannot go out before it expires. */
  async sendVerificationCode(code: VerificationCodeIssued, issuedAt: Date): Promise<void> {
    if (!code.expiresAt) throw new InvalidInputError('transactional.code-without-expiry', 'A verification code event must say when the code expires.');
    const expiresAt = timestampDate(code.expiresAt);
    if (expiresAt.getTime() <= Date.now()) return; // useless now; nothing to record
    const language = languageOf(code.language) ?? this.settings.defaultLanguage;
    await this.delivery.send({
      recipientId: `tx:code:${code.codeId}`,
      phone: code.phone,
      language,
      body: verificationCodeText(this.settings.signature, code.code, expiresAt.getTime() - issuedAt.getTime(), language),
      expiresAt,
      ...(code.memberId !== '' ? { memberId: code.memberId } : {}),
    });
  }

  /**
   * The welcome, once per member, in the language chosen at registration (welcomeLanguageOf).
   * Transactional: no consent needed, but never to an opted-out or erased member.
   */
  async sendWelcome(registered: MemberRegistered): Promise<void> {
    if (!registered.registeredAt || Date.now() - timestampDate(registered.registeredAt).getTime() > WELCOME_MAX_AGE_MS) return;
    const member = await this.members.get(registered.memberId);
    const language = welcomeLanguageOf(registered.preferredLanguage, member?.language, this.settings.defaultLanguage);
    await this.delivery.send({
      recipientId: `tx:welcome:${registered.memberId}`,
      memberId: registered.memberId,
      phone: registered.phone,
      language,
      body: welcomeText(this.settings.signature, language),
    });
  }
}
