/**
 * What the points service keeps of a member from the member service's events, and how each
 * event changes it: pure, so every rule is unit-tested alone (member-facts.spec.ts). Each
 * change sets the facts to what the event says is now true rather than stepping a counter, so
 * applying an event twice, or replaying a member's events in order after a crash, ends in the
 * same facts.
 */
export interface MemberFacts {
  /** The phone a sale may name the member by (E.164); empty once the member was erased or merged. */
  readonly phone: string;
  /** The cards that earn: a sale naming one of them earns for this member. */
  readonly cardNumbers: readonly string[];
  /**
   * The member's cards that no longer earn (replaced, reported lost, closed by a merge), kept
   * so that a sale naming one is refused as such rather than as a card of nobody. Absent: none.
   */
  readonly retiredCardNumbers?: readonly string[];
  /** Tier code from the member service (e.g. "gold"); empty until a tier is assigned. */
  readonly tier: string;
  /** A frozen member earns nothing (a frozen card, an erased or merged record). */
  readonly frozen: boolean;
  /** When the member asked to be forgotten: phone and cards are gone, the ledger stays. */
  readonly erasedAt?: Date;
  /** The member this record was merged into (a duplicate of the same person); it earns nothing more. */
  readonly mergedInto?: string;
}

/** One change the member service announced, as the points service applies it. */
export type MemberChange =
  | { readonly kind: 'card-replaced'; readonly oldCardNumber: string; readonly newCardNumber: string }
  /** The card was reported lost (or retired otherwise): it earns no more. */
  | { readonly kind: 'card-retired'; readonly cardNumber: string }
  | { readonly kind: 'frozen' }
  | { readonly kind: 'unfrozen' }
  | { readonly kind: 'phone-changed'; readonly phone: string }
  | { readonly kind: 'tier-changed'; readonly tier: string }
  | { readonly kind: 'erased'; readonly at: Date }
  | { readonly kind: 'merged-away'; readonly into: string; readonly closedCardNumbers: readonly string[] };

/**
 * The facts after `change`; the same object when nothing changes. A record that was erased or
 * merged away is closed: no later event changes it (the member service sends none, and a
 * redelivered older one must not bring a phone or a card back).
 */
export function applyMemberChange(facts: MemberFacts, change: MemberChange): MemberFacts {
  if (facts.erasedAt || facts.mergedInto) return facts;
  const retired = facts.retiredCardNumbers ?? [];
  switch (change.kind) {
    case 'card-replaced':
      return withCards(
        facts,
        [...without(facts.cardNumbers, [change.oldCardNumber]), change.newCardNumber],
        [...without(retired, [change.newCardNumber]), change.oldCardNumber],
      );
    case 'card-retired':
      return withCards(facts, without(facts.cardNumbers, [change.cardNumber]), [...retired, change.cardNumber]);
    case 'frozen':
      return facts.frozen ? facts : { ...facts, frozen: true };
    case 'unfrozen':
      return facts.frozen ? { ...facts, frozen: false } : facts;
    case 'phone-changed':
      return facts.phone === change.phone ? facts : { ...facts, phone: change.phone };
    case 'tier-changed':
      return facts.tier === change.tier ? facts : { ...facts, tier: change.tier };
    case 'erased':
      // Personal data only: the balances and the ledger stay (finance needs them); frozen, so
      // nothing earns by member id either (a receipt submitted for the erased member).
      return { ...facts, phone: '', cardNumbers: [], retiredCardNumbers: [], frozen: true, erasedAt: change.at };
    case 'merged-away':
      return {
        ...facts,
        phone: '',
        cardNumbers: [],
        retiredCardNumbers: unique([...retired, ...facts.cardNumbers, ...change.closedCardNumbers]),
        frozen: true,
        mergedInto: change.into,
      };
  }
}

function withCards(facts: MemberFacts, cards: readonly string[], retired: readonly string[]): MemberFacts {
  const cardNumbers = unique(cards);
  const retiredCardNumbers = unique(retired);
  if (sameList(cardNumbers, facts.cardNumbers) && sameList(retiredCardNumbers, facts.retiredCardNumbers ?? [])) return facts;
  return { ...facts, cardNumbers, retiredCardNumbers };
}

function without(list: readonly string[], removed: readonly string[]): string[] {
  return list.filter((item) => !removed.includes(item));
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
