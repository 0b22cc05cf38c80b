/**
 * What a message is for, which decides the rules it goes out under. Marketing (campaigns,
 * offers, invitations) needs consent and obeys quiet hours and the frequency cap; transactional
 * (sign-up code, welcome, points earned, redemption, points expiring) answers something the
 * member did or owns, and does not.
 */
export const MESSAGE_KINDS = ['marketing', 'transactional'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
