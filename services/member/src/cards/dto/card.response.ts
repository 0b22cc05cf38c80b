import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CARD_STATES, type MemberCard } from '../../members/member.entity';
import type { FromRecord } from '../../merge/merged-histories';
import { cardEarns } from '../card-lifecycle';

export class CardResponse {
  @ApiProperty({ example: '8800000000000017' })
  number: string;

  @ApiProperty({ enum: CARD_STATES })
  state: string;

  @ApiProperty({ description: 'Whether the member is the card holder now (the card named by the member\'s cardNumber)' })
  current: boolean;

  @ApiProperty({ description: 'Whether sales on this card earn points (only an active card does)' })
  earns: boolean;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  stateChangedAt?: string;

  @ApiPropertyOptional({ description: 'Why the card is in its state, as staff wrote it' })
  stateReason?: string;

  @ApiPropertyOptional({ description: 'The card that replaced this one' })
  replacedBy?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The record the card belongs to when it is not this member\'s own: a record merged into it' })
  fromMemberId?: string;

  static of(card: MemberCard & { readonly fromMemberId?: string }, currentNumber: string): CardResponse {
    return {
      number: card.number,
      state: card.state,
      current: card.number === currentNumber,
      earns: cardEarns(card.state),
      issuedAt: card.issuedAt.toISOString(),
      ...(card.stateChangedAt ? { stateChangedAt: card.stateChangedAt.toISOString() } : {}),
      ...(card.stateReason ? { stateReason: card.stateReason } : {}),
      ...(card.replacedBy ? { replacedBy: card.replacedBy } : {}),
      ...(card.fromMemberId ? { fromMemberId: card.fromMemberId } : {}),
    };
  }
}

/** A member's cards: the current one first, then the others newest first. */
export class MemberCardsResponse {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ type: CardResponse })
  current: CardResponse;

  @ApiProperty({ type: [CardResponse], description: 'Every card the member has had, newest first; GET also lists the cards of the records merged into it (fromMemberId)' })
  cards: CardResponse[];

  static of(member: { id: string; cardNumber: string; cards: readonly MemberCard[] }): MemberCardsResponse {
    return MemberCardsResponse.withCards(member, [...member.cards].reverse());
  }

  /** The member's view with these cards, newest first (its own and those of records merged into it). */
  static withCards(member: { id: string; cardNumber: string }, newestFirst: readonly FromRecord<MemberCard>[]): MemberCardsResponse {
    const cards = newestFirst.map((card) => CardResponse.of(card, member.cardNumber));
    return { memberId: member.id, current: cards.find((card) => card.current)!, cards };
  }
}
