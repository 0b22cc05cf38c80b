import { deterministicUuid } from './deterministic-uuid';

describe('deterministic UUIDs', () => {
  it('gives the same name the same UUID, and another name another', () => {
    const id = deterministicUuid('daily-settlement:schedule:db:2026-11-26');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid('daily-settlement:schedule:db:2026-11-26')).toBe(id);
    expect(deterministicUuid('daily-settlement:schedule:db:2026-11-27')).not.toBe(id);
  });
});
