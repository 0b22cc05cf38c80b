import { Injectable } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';

/** How many cards and phones the directory remembers; the oldest are forgotten first. */
const MOST_REMEMBERED = 200_000;

/** What a sale names its member by. */
export interface SaleHolderKey {
  readonly cardNumber?: string;
  readonly phone?: string;
}

/**
 * Card number or phone → member id, in this process, so that a batch of sales reads each of
 * its accounts once, by id, instead of once per card and again under the lock. Filled by the
 * look-ups of cards it did not know and by the card events this process consumes. It is a
 * hint only: the ingest checks every account it reads under the lock against the sale's card
 * or phone and asks again (forget) where a card moved or a phone changed since, so another
 * replica consuming the member events it missed cannot make a sale earn on the wrong member.
 */
@Injectable()
export class CardDirectory {
  private readonly holders = new Map<string, string>();

  constructor(private readonly accounts: AccountsRepository) {}

  /** The member of each card or phone (keyOf); unknown ones are looked up, the ones nobody holds are absent. */
  async resolve(keys: readonly SaleHolderKey[]): Promise<Map<string, string>> {
    const resolved = new Map<string, string>();
    const cards = new Set<string>();
    const phones = new Set<string>();
    for (const key of keys) {
      const lookup = keyOf(key);
      if (!lookup || resolved.has(lookup)) continue;
      const memberId = this.holders.get(lookup);
      if (memberId) resolved.set(lookup, memberId);
      else if (key.cardNumber) cards.add(key.cardNumber);
      else if (key.phone) phones.add(key.phone);
    }
    if (cards.size > 0 || phones.size > 0) {
      const found = await this.accounts.findHolders([...cards], [...phones]);
      for (const [card, memberId] of found.byCard) this.remember(resolved, cardKey(card), memberId);
      for (const [phone, memberId] of found.byPhone) this.remember(resolved, phoneKey(phone), memberId);
    }
    return resolved;
  }

  /** A card the member service issued to this member (member.card-issued). */
  cardIssued(cardNumber: string, memberId: string): void {
    this.remember(undefined, cardKey(cardNumber), memberId);
  }

  /** Drops what the directory believed about this card or phone. */
  forget(key: SaleHolderKey): void {
    const lookup = keyOf(key);
    if (lookup) this.holders.delete(lookup);
  }

  private remember(into: Map<string, string> | undefined, lookup: string, memberId: string): void {
    into?.set(lookup, memberId);
    this.holders.delete(lookup);
    this.holders.set(lookup, memberId);
    if (this.holders.size > MOST_REMEMBERED) this.holders.delete(this.holders.keys().next().value!);
  }
}

/** The directory's key of what a sale names: its card when it has one (a card is one person's), else its phone. */
export function keyOf(key: SaleHolderKey): string | undefined {
  if (key.cardNumber) return cardKey(key.cardNumber);
  return key.phone ? phoneKey(key.phone) : undefined;
}

function cardKey(cardNumber: string): string {
  return `card:${cardNumber}`;
}

function phoneKey(phone: string): string {
  return `phone:${phone}`;
}
