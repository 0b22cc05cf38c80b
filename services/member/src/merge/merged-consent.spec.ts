import type { ConsentRecord } from '../members/member.entity';
import { consentTakenOver } from './merged-consent';

const granted = (at: string, wordingVersion = 'mkt-1'): ConsentRecord => ({ granted: true, channel: 'desk', wordingVersion, at: new Date(at), recordedBy: 'desk-1' });
const withdrawn = (at: string): ConsentRecord => ({ granted: false, channel: 'sms-reply', at: new Date(at), messageSid: 'SM1', keyword: 'STOP' });

describe('consentTakenOver', () => {
  it('takes the duplicate\'s decision when the survivor was never asked, naming the duplicate', () => {
    expect(consentTakenOver(undefined, granted('2026-12-01T10:00:00Z'), 'dup-1')).toEqual({ ...granted('2026-12-01T10:00:00Z'), fromMemberId: 'dup-1' });
  });

  it('takes the duplicate\'s newer decision over the survivor\'s older one', () => {
    expect(consentTakenOver(granted('2026-11-01T10:00:00Z'), withdrawn('2026-12-01T10:00:00Z'), 'dup-1')).toMatchObject({ granted: false, channel: 'sms-reply', fromMemberId: 'dup-1' });
  });

  it('keeps the survivor\'s decision when it is the newer or as new', () => {
    expect(consentTakenOver(withdrawn('2026-12-02T10:00:00Z'), granted('2026-12-01T10:00:00Z'), 'dup-1')).toBeUndefined();
    expect(consentTakenOver(withdrawn('2026-12-01T10:00:00Z'), granted('2026-12-01T10:00:00Z'), 'dup-1')).toBeUndefined();
  });

  it('takes nothing from a duplicate never asked, or whose newer decision changes nothing', () => {
    expect(consentTakenOver(granted('2026-11-01T10:00:00Z'), undefined, 'dup-1')).toBeUndefined();
    expect(consentTakenOver(granted('2026-11-01T10:00:00Z'), granted('2026-12-01T10:00:00Z'), 'dup-1')).toBeUndefined();
  });

  it('keeps the record a decision was made on when it came through an earlier merge', () => {
    const earlier = { ...granted('2026-12-01T10:00:00Z'), fromMemberId: 'first-dup' };
    expect(consentTakenOver(undefined, earlier, 'dup-1')?.fromMemberId).toBe('first-dup');
  });
});
