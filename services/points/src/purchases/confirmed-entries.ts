/** How many accounts' confirmed ids are kept for their next posting before they are forgotten in a statement of their own. */
const MOST_ACCOUNTS = 50_000;

/**
 * Entry ids the feed of this process posted and then marked applied in the ledger, per
 * account, still on the account's applied list: the account's next posting by the feed drops
 * them in its own update (AccountsRepository.postDecidedAcross, `confirmed`). Only ids whose
 * `applied` mark this process wrote get here, so dropping them can never let an entry be
 * applied twice. Bounded: the accounts pushed out are returned, to be forgotten the usual way.
 */
export class ConfirmedEntries {
  private readonly byMember = new Map<string, Set<string>>();

  /** The confirmed ids of these members, for their next posting. */
  of(memberIds: readonly string[]): Map<string, ReadonlySet<string>> {
    const found = new Map<string, ReadonlySet<string>>();
    for (const memberId of memberIds) {
      const ids = this.byMember.get(memberId);
      if (ids) found.set(memberId, new Set(ids));
    }
    return found;
  }

  /** Ids marked applied just now; returns the accounts that no longer fit, with their ids. */
  add(memberId: string, ids: readonly string[]): Map<string, string[]> {
    const held = this.byMember.get(memberId) ?? new Set<string>();
    for (const id of ids) held.add(id);
    this.byMember.delete(memberId);
    this.byMember.set(memberId, held);
    const evicted = new Map<string, string[]>();
    while (this.byMember.size > MOST_ACCOUNTS) {
      const [oldest, oldestIds] = this.byMember.entries().next().value!;
      this.byMember.delete(oldest);
      evicted.set(oldest, [...oldestIds]);
    }
    return evicted;
  }

  /** The account's list no longer holds these (its posting dropped them). */
  dropped(memberId: string, ids: ReadonlySet<string>): void {
    const held = this.byMember.get(memberId);
    if (!held) return;
    for (const id of ids) held.delete(id);
    if (held.size === 0) this.byMember.delete(memberId);
  }
}
