import { createHash } from 'node:crypto';

/**
 * The event id of a till's sale or refund, the same every time the same tenant sends the same
 * number, so a resent batch repeats events the consumers already know instead of adding new ones.
 * Shaped as a UUID (version 5 style, from SHA-256) like every other event id.
 */
export function tillEventId(type: 'purchase.recorded' | 'purchase.refunded', tenantId: string, number: string): string {
  const hex = createHash('sha256').update(`${type}\u0000${tenantId}\u0000${number}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const digits = hex.join('');
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}
