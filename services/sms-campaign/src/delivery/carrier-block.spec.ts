import { nextCarrierBlock, type CarrierBlockState } from './carrier-block';

const at = (iso: string): Date => new Date(iso);
const blocked: CarrierBlockState = { blocked: true, changedAt: at('2026-12-01T10:00:00Z') };
const lifted: CarrierBlockState = { blocked: false, changedAt: at('2026-12-01T10:00:00Z') };

describe('nextCarrierBlock', () => {
  it('a first 21610 blocks the phone', () => {
    expect(nextCarrierBlock(undefined, { blocked: true, at: at('2026-12-01T10:00:00Z') })).toEqual(blocked);
  });

  it('a START from a phone never blocked changes nothing (no event)', () => {
    expect(nextCarrierBlock(undefined, { blocked: false, at: at('2026-12-01T10:00:00Z') })).toBeUndefined();
  });

  it('a second 21610 for a blocked phone changes nothing', () => {
    expect(nextCarrierBlock(blocked, { blocked: true, at: at('2026-12-02T10:00:00Z') })).toBeUndefined();
  });

  it('a START after the block lifts it', () => {
    expect(nextCarrierBlock(blocked, { blocked: false, at: at('2026-12-02T10:00:00Z') })).toEqual({ blocked: false, changedAt: at('2026-12-02T10:00:00Z') });
  });

  it('a START older than the block changes nothing', () => {
    expect(nextCarrierBlock(blocked, { blocked: false, at: at('2026-12-01T09:59:59Z') })).toBeUndefined();
  });

  it('a 21610 after a lift blocks again; an older one does not', () => {
    expect(nextCarrierBlock(lifted, { blocked: true, at: at('2026-12-03T10:00:00Z') })).toEqual({ blocked: true, changedAt: at('2026-12-03T10:00:00Z') });
    expect(nextCarrierBlock(lifted, { blocked: true, at: at('2026-11-30T10:00:00Z') })).toBeUndefined();
  });
});
