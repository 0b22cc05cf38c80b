import type { EarningFactor } from '../ledger/ledger-entry.entity';
import type { Earning } from './earning-calculator';

/** What a ledger entry records of how its points came about: multipliers, bonuses, cap or exclusion. */
export function factorsOf(earning: Earning): EarningFactor[] {
  const { breakdown } = earning;
  return [
    ...breakdown.multipliers.map((m) => ({ source: m.source, key: m.key, permille: m.permille })),
    ...breakdown.extraPoints.map((extra) => ({ source: 'campaign-extra', key: extra.campaignId, points: extra.points })),
    ...(breakdown.capped ? [{ source: 'cap', key: breakdown.capped }] : []),
    ...(breakdown.excluded ? [{ source: 'excluded', key: breakdown.excluded }] : []),
  ];
}
