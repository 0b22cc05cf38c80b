import { Inject, Injectable } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { MemberRegistered, PointsEarned, PointsExpiringSoon, PointsRedeemed, VerificationCodeIssued } from '@atrium/contracts';
import { InvalidInputError } from '@atrium/errors';
import { MemberProfilesRepository } from '../members/member-profiles.repository';
import { TransactionalDelivery } from '../delivery/transactional-delivery.service';
import type { MemberLanguage, MemberProfile } from '../members/member-profile.entity';
import { localDateTime } from '../compliance/zoned-time';
import { pointsEarnedRecipientId, wantsPointsEarnedSms } from './points-earned-notice';
import { expiringSoonText, languageOf, pointsEarnedText, redemptionText, verificationCodeText, welcomeText } from './transactional-texts';
import { welcomeLanguageOf } from './welcome-language';
import { welcomeWanted } from './welcome-wanted';

/** What transactional messages need from the configuration. */
export interface TransactionalSettings {
  /** SMS_CENTRE_SIGNATURE. */
  readonly signature: string;
  /** SMS_DEFAULT_LANGUAGE: for a code whose event names no language we write in, and a welcome whose registration names none (nor the projection). */
  readonly defaultLanguage: MemberLanguage;
  /** TZ_CENTRE: the days a reservation's collection date is written in. */
  readonly timeZone: string;
}

export const TRANSACTIONAL_SETTINGS = Symbol('TRANSACTIONAL_SETTINGS');

/**
 * A registration or redemption older than this gets no message: a new consumer group reads
 * the topics from their oldest retained event, and what happened long ago must not be
 * answered now.
 */
const ANSWER_MAX_AGE_MS = 24 * 3_600_000;

/**
 * Transactional messages answering what a member did or must know: the sign-up or sign-in
 * code, the welcome, a redemption's confirmation, points about to expire, and points earned
 * (only to members who asked for it). Each is sent once per what it answers (the code's id,
 * the member, the redemption, the member and expiry date, the sale), however often its event
 * is delivered: the recipient id is that identity, and delivery records an id once.
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
   * Transactional: no consent needed, nor a marketing opt-in; never to an erased member or a number the carrier blocks.
   * None when the registration says so (an import that did not ask for it: welcomeWanted).
   */
  async sendWelcome(registered: MemberRegistered): Promise<void> {
    if (!welcomeWanted(registered)) return;
    if (!registered.registeredAt || Date.now() - timestampDate(registered.registeredAt).getTime() > ANSWER_MAX_AGE_MS) return;
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

  /**
   * The confirmation of a redemption or reservation: its code (quoted at the desk), what was
   * taken and the balance left. To the member's number as the projection knows it; a member
   * the projection does not know (yet), or erased, gets none.
   */
  async sendRedemptionConfirmation(redeemed: PointsRedeemed): Promise<void> {
    if (!redeemed.redeemedAt || Date.now() - timestampDate(redeemed.redeemedAt).getTime() > ANSWER_MAX_AGE_MS) return;
    const member = await this.members.get(redeemed.memberId);
    if (!member || member.erased) return;
    const body = redemptionText(
      this.settings.signature,
      {
        code: redeemed.code,
        rewardName: redeemed.rewardName,
        quantity: redeemed.quantity,
        points: Number(redeemed.points),
        ...(redeemed.availableBalance === undefined ? {} : { availableAfter: Number(redeemed.availableBalance) }),
        ...(redeemed.reservedUntil ? { collectBy: this.centreDay(timestampDate(redeemed.reservedUntil)) } : {}),
      },
      member.language,
    );
    await this.delivery.send({ recipientId: `tx:redeemed:${redeemed.redemptionId}`, memberId: member.memberId, phone: member.phone, language: member.language, body });
  }

  /** The reminder that points expire soon, once per member and expiry date; none once they have expired. */
  async sendExpiringSoon(expiring: PointsExpiringSoon): Promise<void> {
    if (!expiring.expiresAt || timestampDate(expiring.expiresAt).getTime() <= Date.now()) return;
    const member = await this.members.get(expiring.memberId);
    if (!member || member.erased) return;
    await this.delivery.send({
      recipientId: `tx:expiring:${expiring.memberId}:${expiring.expiryDate}`,
      memberId: member.memberId,
      phone: member.phone,
      language: member.language,
      body: expiringSoonText(this.settings.signature, Number(expiring.points), expiring.expiryDate, member.language),
    });
  }

  /**
   * "You earned N points, balance B", once per sale, to each member of the batch who asked for
   * it (the projection's preference, from member.notification-preferences-changed), in the
   * member's language. An earning credited more than a day ago gets none (a new consumer group
   * reads old events). The shop is not named: no event gives a shop's name, and its id is no
   * name for a shopper.
   */
  async sendPointsEarned(earnings: readonly { readonly payload: PointsEarned; readonly occurredAt: Date }[], members: ReadonlyMap<string, MemberProfile>): Promise<void> {
    for (const { payload: earned, occurredAt } of earnings) {
      if (Date.now() - occurredAt.getTime() > ANSWER_MAX_AGE_MS) continue;
      const points = Number(earned.points);
      const member = members.get(earned.memberId);
      if (!wantsPointsEarnedSms(member, points)) continue;
      const body = pointsEarnedText(
        this.settings.signature,
        {
          points,
          ...(earned.tenantName ? { tenantName: earned.tenantName } : {}),
          ...(earned.availableBalance === undefined ? {} : { availableAfter: Number(earned.availableBalance) }),
          ...(earned.pendingBalance === undefined ? {} : { pendingAfter: Number(earned.pendingBalance) }),
        },
        member.language,
      );
      await this.delivery.send({ recipientId: pointsEarnedRecipientId(earned.tenantId, earned.receiptNumber), memberId: member.memberId, phone: member.phone, language: member.language, body });
    }
  }

  /** The centre-local day of an instant, "2026-12-01". */
  private centreDay(at: Date): string {
    const local = localDateTime(at, this.settings.timeZone);
    return `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  }
}
