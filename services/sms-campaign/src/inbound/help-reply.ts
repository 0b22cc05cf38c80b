import type { MemberLanguage } from '../members/member-profile.entity';

/**
 * The answer to HELP (or INFO): who is writing, how to stop and restart, where to get help.
 * Carriers expect every programme to answer HELP; the opt-out words named are the ones this
 * service honours (inbound-keywords), in the way each language's members are told them.
 */
export function helpReplyText(signature: string, language: MemberLanguage): string {
  switch (language) {
    case 'zh-Hant':
      return `${signature}會員短信服務：回覆T或退訂停止接收推廣短信，回覆START重新接收。如需協助，請洽客戶服務中心。`;
    case 'zh-Hans':
      return `${signature}会员短信服务：回复T或退订停止接收推广短信，回复START重新接收。如需协助，请洽客户服务中心。`;
    case 'en':
      return `${signature}Member SMS service: reply STOP to opt out of offers, START to opt back in. For help, visit the customer service desk.`;
  }
}

/**
 * The language to answer a number the projection does not know in, from its country code:
 * Hong Kong, Macau and Taiwan read traditional characters, mainland China simplified ones,
 * anyone else gets English.
 */
export function languageOfUnknownNumber(phone: string): MemberLanguage {
  if (/^\+(852|853|886)/.test(phone)) return 'zh-Hant';
  if (phone.startsWith('+86')) return 'zh-Hans';
  return 'en';
}
