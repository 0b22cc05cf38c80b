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
