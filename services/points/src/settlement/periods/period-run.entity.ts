import type { PeriodStatements } from './period-statement';

export type PeriodRunStatus = 'queued' | 'running' | 'completed' | 'failed';

/**
 * One run of a period's settlement. The first run of a period closes it (its `closedAt`); every
 * run reads the ledger as of that close, so each run gives the same statements, and only the
 * first one's are stored. Nothing is written before the end, so a run whose worker died simply
 * starts again.
 */
export interface PeriodRun {
  readonly id: string;
  /** The month settled, "2026-10" (centre time). */
  readonly period: string;
  readonly status: PeriodRunStatus;
  readonly trigger: 'staff' | 'schedule';
  readonly requestedBy: string;
  readonly createdAt: Date;
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
  /** Ledger entries to read (counted at the start) and read so far. */
  readonly total: number;
  readonly processed: number;
  /** Whether the statements it computed are the stored ones (always, unless the ledger was changed by hand). */
  readonly matchesStored?: boolean;
  readonly failure?: string;
}

/** A period's stored statements: written once, by the run that closed it. */
export interface StoredStatements extends PeriodStatements {
  readonly period: string;
  /** Entries recorded from this instant on count in a later period. */
  readonly closedAt: Date;
  readonly runId: string;
  readonly createdAt: Date;
}
