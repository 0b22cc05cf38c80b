import { InvalidInputError } from '@atrium/errors';
import type { ConsentChannel, ConsentRecord } from '../members/member.entity';

/** Consent at a glance: never asked is not the same as withdrawn, and neither allows marketing. */
export type ConsentStatus = 'granted' | 'withdrawn' | 'not-given';

export function consentStatusOf(record: ConsentRecord | undefined): ConsentStatus {
  if (!record) return 'not-given';
  return record.granted ? 'granted' : 'withdrawn';
}

/**
 * Whether a new record changes the member's consent. A withdrawal on top of a withdrawal
 * changes nothing (a second STOP); a grant changes it when it was not granted, or was granted
 * under another wording (agreeing to the new wording is itself worth keeping).
 */
export function changesConsent(current: ConsentRecord | undefined, next: Pick<ConsentRecord, 'granted' | 'wordingVersion'>): boolean {
  if (!current) return true;
  if (current.granted !== next.granted) return true;
  return next.granted && (current.wordingVersion ?? '') !== (next.wordingVersion ?? '');
}

/** Channels through which a consent arrives without a wording version (the shopper replied a keyword). */
const WORDLESS_CHANNELS: readonly ConsentChannel[] = ['sms-reply'];

/** A grant records what the member agreed to: the wording version, except for a keyword reply. */
export function checkConsentInput(granted: boolean, channel: ConsentChannel, wordingVersion: string | undefined): void {
  if (granted && !WORDLESS_CHANNELS.includes(channel) && !wordingVersion?.trim()) {
    throw new InvalidInputError('member.consent-wording-required', 'Granting consent needs the version of the wording the member agreed to.', [
      { field: 'wordingVersion', message: 'is required when consent is granted' },
    ]);
  }
}
