import { judgeTillBatch, type TillItem } from './till-batch.rules';

const sale = (tenantId: string): TillItem => ({ type: 'purchase.recorded', tenantId });

describe('judgeTillBatch', () => {
  it('accepts a batch whose every item names the key tenant', () => {
    expect(judgeTillBatch([sale('t-a'), { type: 'purchase.refunded', tenantId: 't-a' }], 't-a', 100)).toEqual({ accepted: true });
  });

  it('refuses an empty batch and one over the limit, naming items', () => {
    expect(judgeTillBatch([], 't-a', 100)).toMatchObject({ accepted: false, reason: 'batch.empty', faults: [{ field: 'items' }] });
    expect(judgeTillBatch([sale('t-a'), sale('t-a'), sale('t-a')], 't-a', 2)).toMatchObject({
      accepted: false,
      reason: 'batch.too-large',
      faults: [{ field: 'items' }],
    });
  });

  it('refuses the whole batch when any item names another tenant, naming each such item', () => {
    const verdict = judgeTillBatch([sale('t-a'), sale('t-b'), sale('t-a'), sale('t-c')], 't-a', 100);
    expect(verdict).toMatchObject({ accepted: false, reason: 'batch.wrong-tenant' });
    expect(verdict.accepted ? [] : verdict.faults.map((f) => f.field)).toEqual(['items[1].tenantId', 'items[3].tenantId']);
  });
});
