import { waitFor } from '@atrium/testing';
import type { Answer, PointsApi, Problem } from './points-api';

/** A daily settlement run as GET /settlement/daily-runs/:id answers it. */
export interface DailyRunView {
  id: string;
  date: string;
  status: string;
  progress: { percent: number; total: number; processed: number; entriesRead: number };
  matured: { entries: number; points: number };
  expired: { entries: number; points: number };
  reminders: number;
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The centre's (Asia/Shanghai) calendar day of an instant, "2026-11-27". */
export function centreDay(at: Date): string {
  return SHANGHAI.format(at);
}

export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** Waits until a run that was just accepted is over, and gives it as it ended. */
export async function settledRun(api: PointsApi, started: Answer<DailyRunView & Problem>): Promise<DailyRunView> {
  if (started.status !== 202) throw new Error(`POST /settlement/daily-runs answered ${started.status}: ${JSON.stringify(started.body)}`);
  return waitFor(`run ${started.body.id} to finish`, async () => {
    const run = (await api.call<DailyRunView>('GET', `/settlement/daily-runs/${started.body.id}`)).body;
    return run.status === 'completed' || run.status === 'failed' ? run : undefined;
  }, 120_000, 100);
}
