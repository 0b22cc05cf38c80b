import { supersedes, type CarrierBlock } from './carrier-block';

const change = (blocked: boolean, iso: string): CarrierBlock => ({ phone: '+85291234567', blocked, changedAt: new Date(iso) });

describe('supersedes', () => {
  it('the first change about a phone holds', () => {
    expect(supersedes(change(true, '2026-12-01T10:00:00Z'), undefined)).toBe(true);
  });

  it('a later change replaces the known one', () => {
    expect(supersedes(change(false, '2026-12-02T10:00:00Z'), change(true, '2026-12-01T10:00:00Z'))).toBe(true);
  });

  it('an older change arriving late changes nothing', () => {
    expect(supersedes(change(true, '2026-12-01T10:00:00Z'), change(false, '2026-12-02T10:00:00Z'))).toBe(false);
  });

  it('the same change again changes nothing', () => {
    expect(supersedes(change(true, '2026-12-01T10:00:00Z'), change(true, '2026-12-01T10:00:00Z'))).toBe(false);
  });
});
