import { deliveryTotalsOf } from './delivery-totals';

describe('deliveryTotalsOf', () => {
  it('counts recipients by status, exclusions by reason, failures by code, opt-outs and billed segments', () => {
    const totals = deliveryTotalsOf([
      { status: 'delivered', optOutCaused: false, count: 90, segments: 180 },
      { status: 'delivered', optOutCaused: true, count: 2, segments: 4 },
      { status: 'undelivered', errorCode: 30003, optOutCaused: false, count: 3, segments: 6 },
      { status: 'failed', errorCode: 21211, optOutCaused: false, count: 1, segments: 2 },
      { status: 'failed', errorCode: 30001, optOutCaused: false, count: 1, segments: 2 },
      { status: 'excluded', exclusionReason: 'no-consent', optOutCaused: false, count: 5, segments: 10 },
      { status: 'excluded', exclusionReason: 'frequency-capped', optOutCaused: false, count: 4, segments: 8 },
      { status: 'sent', optOutCaused: false, count: 1, segments: 2 },
    ]);
    expect(totals).toEqual({
      recipients: 107,
      byStatus: { delivered: 92, undelivered: 3, failed: 2, excluded: 9, sent: 1 },
      excludedByReason: { 'no-consent': 5, 'frequency-capped': 4 },
      failedByErrorCode: { '30003': 3, '21211': 1, '30001': 1 },
      optOutsCaused: 2,
      // delivered, undelivered and sent were accepted by Twilio; failed and excluded were not billed.
      segmentsBilled: 180 + 4 + 6 + 2,
      finished: true,
    });
  });

  it('is not finished while any message is pending, deferred, being sent or queued at Twilio', () => {
    expect(deliveryTotalsOf([{ status: 'delivered', optOutCaused: false, count: 3, segments: 3 }]).finished).toBe(true);
    for (const open of ['pending', 'deferred', 'sending', 'queued'] as const) {
      expect(deliveryTotalsOf([{ status: 'delivered', optOutCaused: false, count: 3, segments: 3 }, { status: open, optOutCaused: false, count: 1, segments: 1 }]).finished).toBe(false);
    }
  });

  it('gives zeroes for a campaign without recipients', () => {
    expect(deliveryTotalsOf([])).toEqual({
      recipients: 0,
      byStatus: {},
      excludedByReason: {},
      failedByErrorCode: {},
      optOutsCaused: 0,
      segmentsBilled: 0,
      finished: true,
    });
  });
});
