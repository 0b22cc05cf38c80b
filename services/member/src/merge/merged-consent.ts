import type { ConsentRecord } from '../members/member.entity';
import { changesConsent } from '../consent/consent-rules';

/**
 * The consent decision a survivor takes from a record merged into it: the duplicate's latest
 * decision when it is newer than the survivor's (or the survivor was never asked) and changes
 * the survivor's consent. The decision keeps its own time, channel and wording (what the person
 * agreed to, and when) and names the record it was made on. Undefined: the survivor keeps its own.
 */
export function consentTakenOver(survivor: ConsentRecord | undefined, duplicate: ConsentRecord | undefined, duplicateId: string): ConsentRecord | undefined {
  if (!duplicate) return undefined;
  if (survivor && survivor.at.getTime() >= duplicate.at.getTime()) return undefined;
  if (!changesConsent(survivor, duplicate)) return undefined;
  return { ...duplicate, fromMemberId: duplicate.fromMemberId ?? duplicateId };
}
