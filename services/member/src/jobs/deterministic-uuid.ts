import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout) that is always the same for the same name: ids of things that
 * must exist once however often they are made (an import's opening-points grant, the yearly
 * review of a given year), so a second attempt finds the first instead of adding another.
 */
export function deterministicUuid(name: string): string {
  const bytes = createHash('sha1').update(`atrium.member:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
