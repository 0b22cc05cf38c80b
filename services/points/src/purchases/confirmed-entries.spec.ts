import { ConfirmedEntries } from './confirmed-entries';

describe('ConfirmedEntries', () => {
  it('hands out copies of a member\'s confirmed ids, so ids added later are not dropped with them', () => {
    const confirmed = new ConfirmedEntries();
    confirmed.add('m1', ['e1', 'e2']);
    const forNextPosting = confirmed.of(['m1', 'm2']);
    confirmed.add('m1', ['e3']);
    confirmed.dropped('m1', forNextPosting.get('m1')!);
    expect([...forNextPosting.keys()]).toEqual(['m1']);
    expect([...confirmed.of(['m1']).get('m1')!]).toEqual(['e3']);
  });

  it('forgets a member once every id is dropped', () => {
    const confirmed = new ConfirmedEntries();
    confirmed.add('m1', ['e1']);
    confirmed.dropped('m1', new Set(['e1']));
    expect(confirmed.of(['m1']).size).toBe(0);
  });

  it('returns nothing evicted while under its bound', () => {
    const confirmed = new ConfirmedEntries();
    expect(confirmed.add('m1', ['e1']).size).toBe(0);
  });
});
