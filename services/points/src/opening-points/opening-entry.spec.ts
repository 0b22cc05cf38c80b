import { historyOf } from '../expiry/expiring-points';
import { openingEntryOf } from './opening-entry';

describe('openingEntryOf', () => {
  const grant = {
    grantId: '5b0f3c1e-2d4a-4b6c-8e9f-0a1b2c3d4e5f',
    memberId: '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
    importId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
    points: 1500,
    grantedAt: new Date('2026-03-04T05:06:07Z'),
    receivedAt: new Date('2026-03-04T05:06:09Z'),
  };

  it('credits available points only, under the id derived from the grant', () => {
    const entry = openingEntryOf(grant, new Date('2026-03-04T05:06:10Z'));
    expect(entry).toMatchObject({ id: `opening:${grant.grantId}`, memberId: grant.memberId, kind: 'opening', deltas: { available: 1500 }, occurredAt: grant.grantedAt });
    expect(entry.cause).toEqual({ type: 'opening', grantId: grant.grantId, importId: grant.importId, grantedAt: grant.grantedAt });
  });

  it('is a lot dated at the grant for expiry, used up after older lots', () => {
    const history = historyOf([openingEntryOf(grant, new Date())]);
    expect(history.lots).toEqual([{ id: `opening:${grant.grantId}`, earnedAt: grant.grantedAt, points: 1500 }]);
    expect(history.consumed).toBe(0);
  });
});
