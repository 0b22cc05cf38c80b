import type { PointValue } from './period-statement';

export const PERIOD_SETTLEMENT_SETTINGS = Symbol('PERIOD_SETTLEMENT_SETTINGS');

export interface PeriodSettlementSettings {
  readonly timeZone: string;
  readonly value: PointValue;
  /** PERIOD_SETTLEMENT_CRON: when the schedule settles the month before (centre time). */
  readonly cron: string;
  readonly jobLockMs: number;
  /** The service's database name, in the queue's name (see SettlementSettings.namespace). */
  readonly namespace: string;
}

export function periodQueueNameOf(namespace: string): string {
  return `points-period-settlement.${namespace}`;
}
