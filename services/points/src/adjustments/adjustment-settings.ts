export interface AdjustmentSettings {
  /** The most points one adjustment may add or take. */
  readonly maxPoints: number;
}

export const ADJUSTMENT_SETTINGS = Symbol('ADJUSTMENT_SETTINGS');
