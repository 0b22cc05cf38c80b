import type { CardState, MemberCard } from '../members/member.entity';
import { CardStateConflictError } from './card.errors';

/** A change of the current card, and the state it left. */
export interface CardChange {
  readonly cards: readonly MemberCard[];
  readonly card: MemberCard;
  readonly previousState: CardState;
}

/** A replacement: the new list, the retired card as it is now, and the new current card. */
export interface CardReplacement {
  readonly cards: readonly MemberCard[];
  readonly retired: MemberCard;
  readonly issued: MemberCard;
}

/** Whether a card in this state earns points. */
export function cardEarns(state: CardState): boolean {
  return state === 'active';
}

/** The member's current card: the one `cardNumber` names. */
export function currentCardOf(cards: readonly MemberCard[], cardNumber: string): MemberCard {
  const card = cards.find((candidate) => candidate.number === cardNumber);
  if (!card) throw new Error(`card ${cardNumber} is not among the member's cards`);
  return card;
}

function changeState(cards: readonly MemberCard[], number: string, state: CardState, at: Date, reason: string | undefined): readonly MemberCard[] {
  return cards.map((card) => {
    if (card.number !== number) return card;
    // The reason belongs to the state it explains: a change without one drops the old one.
    const { stateReason: _previousReason, ...rest } = card;
    return { ...rest, state, stateChangedAt: at, ...(reason ? { stateReason: reason } : {}) };
  });
}

function transition(cards: readonly MemberCard[], current: string, from: readonly CardState[], to: CardState, wanted: string, at: Date, reason?: string): CardChange {
  const card = currentCardOf(cards, current);
  if (!from.includes(card.state)) {
    const hint = card.state === 'frozen' ? 'Unfreeze it first.' : card.state === 'lost' ? 'Replace it.' : '';
    throw new CardStateConflictError(card.number, card.state, wanted, hint);
  }
  const changed = changeState(cards, card.number, to, at, reason);
  return { cards: changed, card: currentCardOf(changed, current), previousState: card.state };
}

/** A lost card still finds the member but earns nothing; a frozen card is unfrozen first, so a freeze never outlives its card. */
export function reportLost(cards: readonly MemberCard[], current: string, at: Date, reason?: string): CardChange {
  return transition(cards, current, ['active'], 'lost', 'reported lost', at, reason);
}

export function freeze(cards: readonly MemberCard[], current: string, at: Date, reason: string): CardChange {
  return transition(cards, current, ['active'], 'frozen', 'frozen', at, reason);
}

export function unfreeze(cards: readonly MemberCard[], current: string, at: Date, reason: string): CardChange {
  return transition(cards, current, ['frozen'], 'active', 'unfrozen', at, reason);
}

/**
 * Issues `newNumber` as the current card. The old card keeps its history: a lost card stays
 * `lost`, an active one becomes `replaced`; both name their replacement and still find the
 * member. A frozen card is not replaced (that would lift the freeze): unfreeze it first.
 */
export function replace(cards: readonly MemberCard[], current: string, newNumber: string, at: Date, reason?: string): CardReplacement {
  const old = currentCardOf(cards, current);
  if (old.state !== 'active' && old.state !== 'lost') {
    throw new CardStateConflictError(old.number, old.state, 'replaced', old.state === 'frozen' ? 'Unfreeze it first.' : '');
  }
  if (cards.some((card) => card.number === newNumber)) throw new Error(`card ${newNumber} is the member's already`);
  const retiredState: CardState = old.state === 'lost' ? 'lost' : 'replaced';
  const retired: MemberCard = {
    ...old,
    state: retiredState,
    replacedBy: newNumber,
    ...(old.state === 'active' ? { stateChangedAt: at, ...(reason ? { stateReason: reason } : {}) } : {}),
  };
  const issued: MemberCard = { number: newNumber, state: 'active', issuedAt: at };
  return { cards: [...cards.map((card) => (card.number === old.number ? retired : card)), issued], retired, issued };
}
