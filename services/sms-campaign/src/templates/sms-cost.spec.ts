import { estimateCampaignCost, type Money, type SegmentTally } from './sms-cost';
import { InvalidCostEstimateError } from './templates.errors';

const fivePoint = { amountMinor: 5, currency: 'CNY' };

describe('estimateCampaignCost', () => {
  it.each<[string, SegmentTally[], Money, number, number]>([
    ['no recipient', [], fivePoint, 0, 0],
    ['one single-segment message', [{ recipients: 1, segmentsPerMessage: 1 }], fivePoint, 1, 5],
    [
      'a campaign in three languages',
      [
        { recipients: 60_000, segmentsPerMessage: 1 }, // zh-Hans, 70 characters or fewer
        { recipients: 30_000, segmentsPerMessage: 2 }, // zh-Hant, a little longer
        { recipients: 10_000, segmentsPerMessage: 1 }, // en, GSM-7
      ],
      fivePoint,
      130_000,
      650_000,
    ],
    ['a free test send', [{ recipients: 3, segmentsPerMessage: 2 }], { amountMinor: 0, currency: 'USD' }, 6, 0],
    ['an amount near the exact limit', [{ recipients: 1, segmentsPerMessage: 1 }], { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'CNY' }, 1, Number.MAX_SAFE_INTEGER],
  ])('%s', (_case, tallies, price, segments, amountMinor) => {
    expect(estimateCampaignCost(tallies, price)).toEqual({ segments, cost: { amountMinor, currency: price.currency } });
  });

  it.each<[string, SegmentTally[], Money, string[]]>([
    ['a fraction of a fen', [{ recipients: 1, segmentsPerMessage: 1 }], { amountMinor: 4.5, currency: 'CNY' }, ['pricePerSegment.amountMinor']],
    ['a negative price', [{ recipients: 1, segmentsPerMessage: 1 }], { amountMinor: -5, currency: 'CNY' }, ['pricePerSegment.amountMinor']],
    ['a currency in lower case', [{ recipients: 1, segmentsPerMessage: 1 }], { amountMinor: 5, currency: 'cny' }, ['pricePerSegment.currency']],
    ['half a recipient', [{ recipients: 0.5, segmentsPerMessage: 1 }], fivePoint, ['tallies.0.recipients']],
    ['negative segments', [{ recipients: 1, segmentsPerMessage: 1 }, { recipients: 1, segmentsPerMessage: -1 }], fivePoint, ['tallies.1.segmentsPerMessage']],
    ['a total past exact counting', [{ recipients: 2 ** 44, segmentsPerMessage: 2 ** 10 }], fivePoint, ['tallies']],
    ['a cost past exact counting', [{ recipients: 2 ** 30, segmentsPerMessage: 1 }], { amountMinor: 2 ** 30, currency: 'CNY' }, ['tallies']],
  ])('refuses %s, naming the figure', (_case, tallies, price, fields) => {
    let thrown: unknown;
    try {
      estimateCampaignCost(tallies, price);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCostEstimateError);
    expect((thrown as InvalidCostEstimateError).fields.map((problem) => problem.field)).toEqual(fields);
  });
});
