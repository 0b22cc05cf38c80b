/** Where a daily settlement run is. */
export type DailyRunStatus = 'queued' | 'running' | 'completed' | 'failed';

/** What a run did: entries are this run's own (a re-run of a settled day finds them and counts none). */
export interface DailyRunCounts {
  readonly maturedEntries: number;
  readonly maturedPoints: number;
  readonly expiredEntries: number;
  readonly expiredPoints: number;
  /** Members reminded of points expiring within POINTS_EXPIRY_REMINDER_DAYS (one per member and date). */
  readonly reminders: number;
  /** Ledger entries read to settle the members. */
  readonly entriesRead: number;
  /** Accounts the run read and wrote (settled): only members with something due, unless the run went through every account. */
  readonly accountsSettled: number;
}

export const NO_DAILY_COUNTS: DailyRunCounts = { maturedEntries: 0, maturedPoints: 0, expiredEntries: 0, expiredPoints: 0, reminders: 0, entriesRead: 0, accountsSettled: 0 };

/**
 * One run of the daily settlement for a centre-local day: it goes through the accounts with
 * points pending or available in member id order and saves how far it got, so a run whose
 * worker died resumes after the last member it saved (the members after that are settled
 * again, which writes nothing twice: every entry's id is its cause's).
 */
export interface DailyRun {
  readonly id: string;
  /** The day settled, "2026-11-26": what matures or expires by its end. */
  readonly day: string;
  readonly status: DailyRunStatus;
  readonly trigger: 'staff' | 'schedule';
  /** The staff member who asked for it; "scheduler" for the daily schedule. */
  readonly requestedBy: string;
  readonly createdAt: Date;
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
  /** Accounts to go through, counted when the run started. */
  readonly total: number;
  readonly processed: number;
  readonly counts: DailyRunCounts;
  /** The last member id saved as settled. */
  readonly cursor?: string;
  /**
   * The first day whose due entries the run settles (the day of the last completed run before
   * it): only the members with an entry due from then to the run's day are settled. Absent: the
   * run goes through every account with points (no completed run within DUE_WINDOW_DAYS before).
   */
  readonly dueFrom?: string;
  readonly failure?: string;
}

/** Whole percent of the accounts gone through; a run with nothing to go through is done. */
export function percentOf(processed: number, total: number): number {
  return total === 0 ? 100 : Math.min(100, Math.floor((processed * 100) / total));
}
