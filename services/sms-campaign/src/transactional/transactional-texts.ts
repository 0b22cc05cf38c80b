import type { MemberLanguage } from '../members/member-profile.entity';

/**
 * The texts of transactional messages, in the member's (or the event's) language. Each opens
 * with the centre's signature (SMS_CENTRE_SIGNATURE), as every message from the centre does.
 */

/** "【Atrium】Your code is 123456, valid 10 minutes." The validity is given in whole minutes, rounded up. */
export function verificationCodeText(signature: string, code: string, validForMs: number, language: MemberLanguage): string {
  const minutes = Math.max(1, Math.ceil(validForMs / 60_000));
  switch (language) {
    case 'zh-Hant':
      return `${signature}您的驗證碼是${code}，${minutes}分鐘內有效。請勿告訴他人。`;
    case 'zh-Hans':
      return `${signature}您的验证码是${code}，${minutes}分钟内有效。请勿告诉他人。`;
    case 'en':
      return `${signature}Your code is ${code}, valid ${minutes} minute${minutes === 1 ? '' : 's'}. Do not share it.`;
  }
}

/** Sent once to every new member. No name: the text is the same for all, and carries no personal data. */
export function welcomeText(signature: string, language: MemberLanguage): string {
  switch (language) {
    case 'zh-Hant':
      return `${signature}歡迎成為會員！購物即可賺取積分，積分可換領禮品及泊車優惠。`;
    case 'zh-Hans':
      return `${signature}欢迎成为会员！购物即可赚取积分，积分可换领礼品及停车优惠。`;
    case 'en':
      return `${signature}Welcome to the membership! Every purchase earns points, which you can exchange for gifts and parking.`;
  }
}

/** What a redemption confirmation tells: the slip's code, what was taken, and what is left. */
export interface RedemptionFacts {
  readonly code: string;
  readonly rewardName: string;
  readonly quantity: number;
  readonly points: number;
  /** The spendable points right after it; absent when the event did not say. */
  readonly availableAfter?: number;
  /** For an online reservation: the last centre-local day to collect it, "2026-12-31". */
  readonly collectBy?: string;
}

/** "【Atrium】Redeemed 2 × Umbrella for 400 points, code K7M2-QX4P. 1,200 points left." */
export function redemptionText(signature: string, facts: RedemptionFacts, language: MemberLanguage): string {
  const left = facts.availableAfter;
  switch (language) {
    case 'zh-Hant':
      return `${signature}您已用${facts.points}積分兌換${facts.rewardName}×${facts.quantity}，兌換碼${facts.code}。${facts.collectBy ? `請於${facts.collectBy}前到服務台領取。` : ''}${left === undefined ? '' : `積分餘額${left}。`}`;
    case 'zh-Hans':
      return `${signature}您已用${facts.points}积分兑换${facts.rewardName}×${facts.quantity}，兑换码${facts.code}。${facts.collectBy ? `请于${facts.collectBy}前到服务台领取。` : ''}${left === undefined ? '' : `积分余额${left}。`}`;
    case 'en':
      return `${signature}Redeemed ${facts.quantity} × ${facts.rewardName} for ${facts.points} points, code ${facts.code}.${facts.collectBy ? ` Collect it at the service desk by ${facts.collectBy}.` : ''}${left === undefined ? '' : ` ${left} points left.`}`;
  }
}

/** "【Atrium】500 of your points expire after 2026-12-31. Use them before then." */
export function expiringSoonText(signature: string, points: number, expiryDate: string, language: MemberLanguage): string {
  switch (language) {
    case 'zh-Hant':
      return `${signature}您有${points}積分將於${expiryDate}後到期，請盡快使用。`;
    case 'zh-Hans':
      return `${signature}您有${points}积分将于${expiryDate}后到期，请尽快使用。`;
    case 'en':
      return `${signature}${points} of your points expire after ${expiryDate}. Use them before then.`;
  }
}

/** What an earned-points message tells: what the purchase earned, where, and the balance after it. */
export interface EarnedPointsFacts {
  /** Points the purchase earned (more than 0). */
  readonly points: number;
  /** The shop's name as shoppers know it; absent when not known (the message then names no shop). */
  readonly tenantName?: string;
  /** Spendable points right after the earning; absent when the event did not say (no balance is written then). */
  readonly availableAfter?: number;
  /** Points earned but not spendable yet (inside a purchase's return window); mentioned only when more than 0. */
  readonly pendingAfter?: number;
}

/** "【Atrium】You earned 50 points at Café Lumière. Balance: 1200 points, plus 50 pending." */
export function pointsEarnedText(signature: string, facts: EarnedPointsFacts, language: MemberLanguage): string {
  const { points, tenantName, availableAfter: available } = facts;
  const pending = facts.pendingAfter !== undefined && facts.pendingAfter > 0 ? facts.pendingAfter : undefined;
  switch (language) {
    case 'zh-Hant':
      return `${signature}您${tenantName ? `在${tenantName}` : ''}獲得${points}積分。${available === undefined ? '' : `積分餘額${available}${pending === undefined ? '' : `，另有${pending}積分待生效`}。`}`;
    case 'zh-Hans':
      return `${signature}您${tenantName ? `在${tenantName}` : ''}获得${points}积分。${available === undefined ? '' : `积分余额${available}${pending === undefined ? '' : `，另有${pending}积分待生效`}。`}`;
    case 'en':
      return `${signature}You earned ${points} point${points === 1 ? '' : 's'}${tenantName ? ` at ${tenantName}` : ''}.${available === undefined ? '' : ` Balance: ${available} points${pending === undefined ? '' : `, plus ${pending} pending`}.`}`;
  }
}

/** A language tag from an event, or undefined when it is none we write in. */
export function languageOf(tag: string): MemberLanguage | undefined {
  switch (tag) {
    case 'zh-Hans':
    case 'zh-Hant':
    case 'en':
      return tag;
    default:
      return undefined;
  }
}
