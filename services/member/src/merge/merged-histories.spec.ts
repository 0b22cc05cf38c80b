import { acrossMergedRecords } from './merged-histories';

interface Entry {
  readonly id: string;
  readonly at: Date;
  readonly fromMemberId?: string;
}

const entry = (id: string, at: string, fromMemberId?: string): Entry => ({ id, at: new Date(at), ...(fromMemberId ? { fromMemberId } : {}) });
const timeOf = (item: Entry) => item.at;

describe('acrossMergedRecords', () => {
  it('interleaves the merged-in records\' entries with the member\'s own, newest first, each marked with its record', () => {
    const own = [entry('own-1', '2026-12-01T10:00:00Z'), entry('own-2', '2026-12-03T10:00:00Z')];
    const mergedIn = new Map([['dup-1', [entry('dup-a', '2026-12-02T10:00:00Z')]], ['dup-2', [entry('dup-b', '2026-11-30T10:00:00Z')]]]);
    expect(acrossMergedRecords(own, mergedIn, timeOf)).toEqual([
      entry('own-2', '2026-12-03T10:00:00Z'),
      { ...entry('dup-a', '2026-12-02T10:00:00Z'), fromMemberId: 'dup-1' },
      entry('own-1', '2026-12-01T10:00:00Z'),
      { ...entry('dup-b', '2026-11-30T10:00:00Z'), fromMemberId: 'dup-2' },
    ]);
  });

  it('keeps the record an entry names when it came into the merged-in record through an earlier merge', () => {
    const mergedIn = new Map([['dup-1', [entry('older', '2026-12-02T10:00:00Z', 'first-dup')]]]);
    expect(acrossMergedRecords([], mergedIn, timeOf)[0].fromMemberId).toBe('first-dup');
  });

  it('shows an entry a merge copied onto the member once', () => {
    const own = [entry('copy', '2026-12-02T10:00:00Z', 'dup-1')];
    const mergedIn = new Map([['dup-1', [entry('original', '2026-12-02T10:00:00Z'), entry('other', '2026-12-01T10:00:00Z')]]]);
    const sameTime = (copy: Entry, original: Entry) => copy.at.getTime() === original.at.getTime();
    expect(acrossMergedRecords(own, mergedIn, timeOf, sameTime).map((item) => item.id)).toEqual(['copy', 'other']);
  });

  it('puts later-written entries of the same instant first', () => {
    const own = [entry('first', '2026-12-01T10:00:00Z'), entry('second', '2026-12-01T10:00:00Z')];
    expect(acrossMergedRecords(own, new Map(), timeOf).map((item) => item.id)).toEqual(['second', 'first']);
  });
});
