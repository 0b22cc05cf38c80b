import type { MemberCard } from '../members/member.entity';
import { cardNumberFor, isValidCardNumber, normalizeCardNumber } from './card-number';
import { cardEarns, freeze, replace, reportLost, unfreeze } from './card-lifecycle';
import { CardStateConflictError } from './card.errors';

const at = new Date('2026-11-27T04:00:00Z');
const first = cardNumberFor('8800', 41);
const second = cardNumberFor('8800', 42);
const cards: MemberCard[] = [{ number: first, state: 'active', issuedAt: new Date('2026-01-01T00:00:00Z') }];

describe('the card life cycle', () => {
  it('reports the current card lost: it stops earning and keeps its number', () => {
    const lost = reportLost(cards, first, at, 'lost at the cinema');
    expect(lost.previousState).toBe('active');
    expect(lost.card).toMatchObject({ number: first, state: 'lost', stateChangedAt: at, stateReason: 'lost at the cinema' });
    expect(cardEarns(lost.card.state)).toBe(false);
  });

  it('replaces a lost card with a new Luhn-checked number; the old one keeps its history and names the new one', () => {
    const { cards: lost } = reportLost(cards, first, at);
    const replaced = replace(lost, first, second, at, 'lost');
    expect(isValidCardNumber(replaced.issued.number)).toBe(true);
    expect(replaced.cards.map((card) => [card.number, card.state])).toEqual([
      [first, 'lost'],
      [second, 'active'],
    ]);
    expect(replaced.retired).toMatchObject({ number: first, state: 'lost', replacedBy: second });
    // Both numbers are still numbers a desk can type and have checked with the same rule.
    expect(normalizeCardNumber(first)).toBe(first);
    expect(normalizeCardNumber(second)).toBe(second);
  });

  it('replaces an active (damaged) card: the old one is retired as replaced', () => {
    const replaced = replace(cards, first, second, at, 'damaged');
    expect(replaced.retired).toMatchObject({ state: 'replaced', stateReason: 'damaged', replacedBy: second });
    expect(cardEarns(replaced.issued.state)).toBe(true);
  });

  it('freezes and unfreezes with a reason; a frozen card earns nothing', () => {
    const frozen = freeze(cards, first, at, 'suspected misuse');
    expect(frozen.card.state).toBe('frozen');
    expect(cardEarns('frozen')).toBe(false);
    const unfrozen = unfreeze(frozen.cards, first, at, 'cleared');
    expect(unfrozen).toMatchObject({ previousState: 'frozen', card: { state: 'active', stateReason: 'cleared' } });
  });

  it.each([
    ['report lost', (list: readonly MemberCard[]) => reportLost(list, first, at)],
    ['replace', (list: readonly MemberCard[]) => replace(list, first, second, at)],
    ['freeze', (list: readonly MemberCard[]) => freeze(list, first, at, 'again')],
  ])('refuses to %s a frozen card (unfreeze first)', (_, change) => {
    const { cards: frozen } = freeze(cards, first, at, 'misuse');
    expect(() => change(frozen)).toThrow(CardStateConflictError);
    expect(() => change(frozen)).toThrow('Unfreeze it first');
  });

  it('refuses to unfreeze a card that is not frozen, or to report a lost card lost again', () => {
    expect(() => unfreeze(cards, first, at, 'why')).toThrow(CardStateConflictError);
    const { cards: lost } = reportLost(cards, first, at);
    expect(() => reportLost(lost, first, at)).toThrow(CardStateConflictError);
    expect(() => freeze(lost, first, at, 'x')).toThrow(CardStateConflictError);
  });
});
