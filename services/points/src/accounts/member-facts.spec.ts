import { applyMemberChange, type MemberChange, type MemberFacts } from './member-facts';

const member: MemberFacts = { phone: '+8613800138000', cardNumbers: ['8800000000000017'], retiredCardNumbers: [], tier: 'basic', frozen: false };
const erasedAt = new Date('2026-11-27T06:00:00Z');

describe('applyMemberChange', () => {
  it('a replaced card earns no more and the new one does', () => {
    const after = applyMemberChange(member, { kind: 'card-replaced', oldCardNumber: '8800000000000017', newCardNumber: '8800000000000025' });
    expect(after.cardNumbers).toEqual(['8800000000000025']);
    expect(after.retiredCardNumbers).toEqual(['8800000000000017']);
  });

  it('replacing after the new card was issued keeps one copy of it', () => {
    const issued = { ...member, cardNumbers: ['8800000000000017', '8800000000000025'] };
    const after = applyMemberChange(issued, { kind: 'card-replaced', oldCardNumber: '8800000000000017', newCardNumber: '8800000000000025' });
    expect(after.cardNumbers).toEqual(['8800000000000025']);
  });

  it('a lost card earns no more, and the member keeps the others', () => {
    const two = { ...member, cardNumbers: ['8800000000000017', '8800000000000033'] };
    const after = applyMemberChange(two, { kind: 'card-retired', cardNumber: '8800000000000017' });
    expect(after.cardNumbers).toEqual(['8800000000000033']);
    expect(after.retiredCardNumbers).toEqual(['8800000000000017']);
  });

  it('an account written before cards could retire reads as having none retired', () => {
    const { retiredCardNumbers: _none, ...older } = member;
    expect(applyMemberChange(older, { kind: 'card-retired', cardNumber: '8800000000000017' }).retiredCardNumbers).toEqual(['8800000000000017']);
  });

  it('freezes and unfreezes the member', () => {
    const frozen = applyMemberChange(member, { kind: 'frozen' });
    expect(frozen.frozen).toBe(true);
    expect(applyMemberChange(frozen, { kind: 'unfrozen' }).frozen).toBe(false);
  });

  it('takes the phone and tier the event says are current', () => {
    expect(applyMemberChange(member, { kind: 'phone-changed', phone: '+8613900139000' }).phone).toBe('+8613900139000');
    expect(applyMemberChange(member, { kind: 'tier-changed', tier: 'gold' }).tier).toBe('gold');
  });

  it.each<[string, MemberChange]>([
    ['a card replaced again', { kind: 'card-replaced', oldCardNumber: '8800000000000009', newCardNumber: '8800000000000017' }],
    ['a card lost again', { kind: 'card-retired', cardNumber: '8800000000000041' }],
    ['an unfreeze of a member not frozen', { kind: 'unfrozen' }],
    ['the same phone', { kind: 'phone-changed', phone: '+8613800138000' }],
    ['the same tier', { kind: 'tier-changed', tier: 'basic' }],
  ])('changes nothing for %s that is already so', (_case, change) => {
    const settled = { ...member, retiredCardNumbers: ['8800000000000009', '8800000000000041'] };
    expect(applyMemberChange(settled, change)).toBe(settled);
  });

  it('an erasure forgets the phone and every card, freezes the account and closes it to later events', () => {
    const erased = applyMemberChange({ ...member, retiredCardNumbers: ['8800000000000009'] }, { kind: 'erased', at: erasedAt });
    expect(erased).toEqual({ phone: '', cardNumbers: [], retiredCardNumbers: [], tier: 'basic', frozen: true, erasedAt });
    expect(applyMemberChange(erased, { kind: 'phone-changed', phone: '+8613900139000' })).toBe(erased);
    expect(applyMemberChange(erased, { kind: 'unfrozen' })).toBe(erased);
    expect(applyMemberChange(erased, { kind: 'erased', at: new Date() })).toBe(erased);
  });

  it('a record merged into another earns no more by phone or card, and later events leave it closed', () => {
    const merged = applyMemberChange(member, { kind: 'merged-away', into: 'b7d2c0a4-3a51-4f41-9c4b-0f5b3c1f2e6d', closedCardNumbers: ['8800000000000017', '8800000000000009'] });
    expect(merged).toMatchObject({ phone: '', cardNumbers: [], frozen: true, mergedInto: 'b7d2c0a4-3a51-4f41-9c4b-0f5b3c1f2e6d' });
    expect(merged.retiredCardNumbers).toEqual(['8800000000000017', '8800000000000009']);
    expect(applyMemberChange(merged, { kind: 'card-replaced', oldCardNumber: '8800000000000017', newCardNumber: '8800000000000025' })).toBe(merged);
  });
});
