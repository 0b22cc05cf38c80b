import { countedStateOf, totalsFromCounters } from './campaign-counters';

describe('countedStateOf', () => {
  it.each([
    [{ status: 'pending', segments: 2 }, 'status:pending=1'],
    [{ status: 'delivered', segments: 2 }, 'status:delivered=1;segments=2'],
    [{ status: 'sent', segments: 1 }, 'status:sent=1;segments=1'],
    [{ status: 'undelivered', errorCode: 30003, segments: 1 }, 'status:undelivered=1;code:30003=1;segments=1'],
    [{ status: 'failed', errorCode: 21610, segments: 1 }, 'status:failed=1;code:21610=1'],
    [{ status: 'failed', segments: 1, exclusionReason: 'retries-exhausted' }, 'status:failed=1;code:none=1'],
    [{ status: 'excluded', exclusionReason: 'no-consent', segments: 0 }, 'status:excluded=1;excluded:no-consent=1'],
    [{ status: 'cancelled', segments: 3 }, 'status:cancelled=1'],
  ] as const)('%j → %s', (recipient, expected) => {
    expect(countedStateOf(recipient)).toBe(expected);
  });
});

describe('totalsFromCounters', () => {
  it('reads the counters back into totals, leaving out what is zero', () => {
    expect(
      totalsFromCounters(
        {
          'status:delivered': '90',
          'status:undelivered': '3',
          'status:failed': '1',
          'status:excluded': '6',
          'status:pending': '0',
          'excluded:no-consent': '4',
          'excluded:frequency-capped': '2',
          'code:30003': '3',
          'code:21211': '1',
          segments: '186',
          optouts: '2',
        },
        true,
      ),
    ).toEqual({
      recipients: 100,
      byStatus: { delivered: 90, undelivered: 3, failed: 1, excluded: 6 },
      excludedByReason: { 'no-consent': 4, 'frequency-capped': 2 },
      failedByErrorCode: { '30003': 3, '21211': 1 },
      optOutsCaused: 2,
      segmentsBilled: 186,
      finished: true,
    });
  });

  it('takes whether the campaign is finished from the caller', () => {
    expect(totalsFromCounters({ 'status:delivered': '1' }, false).finished).toBe(false);
  });
});
