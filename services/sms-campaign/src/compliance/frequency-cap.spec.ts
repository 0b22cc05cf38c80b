import { InvalidFrequencyCapError } from './compliance.errors';
import { checkFrequencyCap, DEFAULT_FREQUENCY_CAP, frequencyCapFrom, type FrequencyCap } from './frequency-cap';

const now = new Date('2025-06-30T10:00:00Z');
const DAY_MS = 86_400_000;
const daysAgo = (days: number): Date => new Date(now.getTime() - days * DAY_MS);

describe('checkFrequencyCap (4 in 30 days unless said otherwise)', () => {
  it.each<[string, Date[], FrequencyCap, { allowed: boolean; sentInWindow: number; freesAt?: string }]>([
    ['no message yet', [], DEFAULT_FREQUENCY_CAP, { allowed: true, sentInWindow: 0 }],
    ['three in the window', [daysAgo(1), daysAgo(10), daysAgo(29)], DEFAULT_FREQUENCY_CAP, { allowed: true, sentInWindow: 3 }],
    [
      'four in the window: the oldest frees a place 30 days after it was sent',
      [daysAgo(1), daysAgo(10), daysAgo(20), daysAgo(29)],
      DEFAULT_FREQUENCY_CAP,
      { allowed: false, sentInWindow: 4, freesAt: '2025-07-01T10:00:00.000Z' },
    ],
    [
      'the order the sends are given in does not matter',
      [daysAgo(20), daysAgo(1), daysAgo(29), daysAgo(10)],
      DEFAULT_FREQUENCY_CAP,
      { allowed: false, sentInWindow: 4, freesAt: '2025-07-01T10:00:00.000Z' },
    ],
    [
      'six in the window: three must leave, so the third oldest decides',
      [daysAgo(1), daysAgo(2), daysAgo(3), daysAgo(25), daysAgo(27), daysAgo(29)],
      DEFAULT_FREQUENCY_CAP,
      { allowed: false, sentInWindow: 6, freesAt: '2025-07-05T10:00:00.000Z' },
    ],
    ['a send exactly 30 days old has left the window', [daysAgo(30), daysAgo(1), daysAgo(2), daysAgo(3)], DEFAULT_FREQUENCY_CAP, { allowed: true, sentInWindow: 3 }],
    [
      'a send a millisecond younger than 30 days still counts',
      [new Date(daysAgo(30).getTime() + 1), daysAgo(1), daysAgo(2), daysAgo(3)],
      DEFAULT_FREQUENCY_CAP,
      { allowed: false, sentInWindow: 4, freesAt: '2025-06-30T10:00:00.001Z' },
    ],
    ['old sends do not count', [daysAgo(31), daysAgo(45), daysAgo(90), daysAgo(365), daysAgo(3)], DEFAULT_FREQUENCY_CAP, { allowed: true, sentInWindow: 1 }],
    [
      'a message already queued for later counts',
      [daysAgo(5), daysAgo(6), daysAgo(7), new Date('2025-06-30T12:00:00Z')],
      DEFAULT_FREQUENCY_CAP,
      { allowed: false, sentInWindow: 4, freesAt: '2025-07-23T10:00:00.000Z' },
    ],
    ['1 per 7 days, last one 8 days ago', [daysAgo(8)], { maxMessages: 1, windowDays: 7 }, { allowed: true, sentInWindow: 0 }],
    ['1 per 7 days, last one 2 days ago', [daysAgo(2)], { maxMessages: 1, windowDays: 7 }, { allowed: false, sentInWindow: 1, freesAt: '2025-07-05T10:00:00.000Z' }],
  ])('%s', (_case, sends, cap, expected) => {
    const check = checkFrequencyCap(sends, now, cap);
    expect(check.allowed ? { allowed: true, sentInWindow: check.sentInWindow } : {
      allowed: false,
      sentInWindow: check.sentInWindow,
      freesAt: check.freesAt.toISOString(),
    }).toEqual(expected);
    if (!check.allowed) expect(check.reason).toBe('frequency-capped');
  });

  it('allows one more at the instant it frees up, not a millisecond before', () => {
    const sends = [daysAgo(3), daysAgo(9), daysAgo(12), daysAgo(13), daysAgo(28)];
    const check = checkFrequencyCap(sends, now);
    if (check.allowed) throw new Error('expected the cap to hold');
    expect(checkFrequencyCap(sends, check.freesAt).allowed).toBe(true);
    expect(checkFrequencyCap(sends, new Date(check.freesAt.getTime() - 1)).allowed).toBe(false);
  });
});

describe('frequencyCapFrom', () => {
  it('keeps a sensible cap', () => {
    expect(frequencyCapFrom({ maxMessages: 2, windowDays: 7 })).toEqual({ maxMessages: 2, windowDays: 7 });
  });

  it.each<[string, { maxMessages: number; windowDays: number }, string[]]>([
    ['no message at all', { maxMessages: 0, windowDays: 30 }, ['maxMessages']],
    ['a fraction of a message', { maxMessages: 1.5, windowDays: 30 }, ['maxMessages']],
    ['a window of 0 days', { maxMessages: 4, windowDays: 0 }, ['windowDays']],
    ['a window of ten years', { maxMessages: 4, windowDays: 3650 }, ['windowDays']],
    ['both', { maxMessages: -1, windowDays: Number.NaN }, ['maxMessages', 'windowDays']],
  ])('refuses %s, naming the setting', (_case, settings, fields) => {
    let thrown: unknown;
    try {
      frequencyCapFrom(settings);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidFrequencyCapError);
    expect((thrown as InvalidFrequencyCapError).fields.map((problem) => problem.field)).toEqual(fields);
  });
});
