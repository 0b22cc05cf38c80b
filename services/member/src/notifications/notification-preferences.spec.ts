import { changesPreferences, preferencesOf } from './notification-preferences';

describe('notification preferences', () => {
  const changedAt = new Date('2026-11-27T04:00:00Z');

  it('are all off for a member who never chose', () => {
    expect(preferencesOf({})).toEqual({ pointsEarned: false });
    expect(preferencesOf({ notifications: { pointsEarned: true, changedAt } })).toEqual({ pointsEarned: true, changedAt });
  });

  it('change only when a value does: turning off what was never on is no change', () => {
    expect(changesPreferences({}, { pointsEarned: false })).toBe(false);
    expect(changesPreferences({}, { pointsEarned: true })).toBe(true);
    expect(changesPreferences({ notifications: { pointsEarned: true, changedAt } }, { pointsEarned: true })).toBe(false);
    expect(changesPreferences({ notifications: { pointsEarned: true, changedAt } }, { pointsEarned: false })).toBe(true);
  });
});
