/** Parking as a reward (停車優惠): points per hour, at most so many hours per plate per centre-local day. Pure. */
import type { Refusal } from './reward-rules';

export function parkingPoints(hours: number, pointsPerHour: number): number {
  return hours * pointsPerHour;
}

/** More hours than the reward ever gives one plate in a day: the request itself is wrong. */
export function hoursRefusal(hours: number, maxHoursPerDay: number): Refusal | undefined {
  if (hours <= maxHoursPerDay) return undefined;
  return {
    code: 'redemption.parking-hours-over-maximum',
    status: 'invalid',
    field: 'hours',
    message: `must be at most ${maxHoursPerDay}, the most hours a plate gets per day`,
    details: { maxHoursPerDay },
  };
}

/** The plate had hours today already (from any member): only what is left of the day's maximum may be given. */
export function dailyHoursRefusal(hours: number, maxHoursPerDay: number, usedToday: number): Refusal | undefined {
  if (usedToday + hours <= maxHoursPerDay) return undefined;
  const remaining = Math.max(0, maxHoursPerDay - usedToday);
  return {
    code: 'redemption.parking-daily-limit',
    status: 'conflict',
    field: 'hours',
    message: `this plate has had ${usedToday} of its ${maxHoursPerDay} hours today; at most ${remaining} more`,
    details: { maxHoursPerDay, usedToday, remaining },
  };
}
