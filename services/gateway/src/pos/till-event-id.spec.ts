import { tillEventId } from './till-event-id';

describe('tillEventId', () => {
  it('is the same for the same tenant, type and number', () => {
    expect(tillEventId('purchase.recorded', 'T-1', 'R-1')).toBe(tillEventId('purchase.recorded', 'T-1', 'R-1'));
  });

  it('differs by tenant, by number and between a sale and a refund of the same number', () => {
    const sale = tillEventId('purchase.recorded', 'T-1', 'R-1');
    expect(tillEventId('purchase.recorded', 'T-2', 'R-1')).not.toBe(sale);
    expect(tillEventId('purchase.recorded', 'T-1', 'R-2')).not.toBe(sale);
    expect(tillEventId('purchase.refunded', 'T-1', 'R-1')).not.toBe(sale);
  });

  it('is shaped as a UUID', () => {
    expect(tillEventId('purchase.refunded', 'T-1', 'F-9')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
