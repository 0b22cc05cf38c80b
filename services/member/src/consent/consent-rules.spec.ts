import { InvalidInputError } from '@atrium/errors';
import type { ConsentRecord } from '../members/member.entity';
import { changesConsent, checkConsentInput, consentStatusOf } from './consent-rules';

const at = new Date('2026-11-27T04:00:00Z');
const granted: ConsentRecord = { granted: true, channel: 'desk', wordingVersion: 'v1', at };
const withdrawn: ConsentRecord = { granted: false, channel: 'sms-reply', at, messageSid: 'SM1' };

describe('marketing consent', () => {
  it('tells never asked from withdrawn', () => {
    expect(consentStatusOf(undefined)).toBe('not-given');
    expect(consentStatusOf(granted)).toBe('granted');
    expect(consentStatusOf(withdrawn)).toBe('withdrawn');
  });

  it('records a change of mind and a grant under new wording, not a repeat', () => {
    expect(changesConsent(undefined, { granted: false })).toBe(true);
    expect(changesConsent(granted, { granted: false })).toBe(true);
    expect(changesConsent(withdrawn, { granted: false })).toBe(false);
    expect(changesConsent(granted, { granted: true, wordingVersion: 'v1' })).toBe(false);
    expect(changesConsent(granted, { granted: true, wordingVersion: 'v2' })).toBe(true);
  });

  it('needs the wording version to grant, except by SMS keyword; never to withdraw', () => {
    expect(() => checkConsentInput(true, 'desk', undefined)).toThrow(InvalidInputError);
    expect(() => checkConsentInput(true, 'desk', ' ')).toThrow('wording');
    expect(() => checkConsentInput(true, 'sms-reply', undefined)).not.toThrow();
    expect(() => checkConsentInput(false, 'desk', undefined)).not.toThrow();
  });
});
